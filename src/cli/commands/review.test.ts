import { chmodSync, cpSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../main.js';
import type { CliIo } from '../io.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = path.resolve(here, '../../core/__fixtures__/review');
const NOW = ['--now', '2026-11-26'];

async function vigil(cwd: string, ...args: string[]) {
  const out = { stdout: '', stderr: '' };
  const io: CliIo = { cwd, env: {}, stdout: { write: (t: string) => (out.stdout += t) }, stderr: { write: (t: string) => (out.stderr += t) } };
  const code = await main(args, io);
  return { code, ...out };
}

const temporaryDirs: string[] = [];
function workspace(config?: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'vigil-review-'));
  temporaryDirs.push(dir);
  cpSync(fixtures, dir, { recursive: true });
  if (config) writeFileSync(path.join(dir, 'vigil.config.yaml'), config);
  return dir;
}
afterEach(() => {
  for (const dir of temporaryDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const bytes = (file: string): Buffer => readFileSync(file);

const LAST_REVIEWED_CASES = readdirSync(fixtures)
  .filter((name) => name.endsWith('.expected.md') && name !== 'mapped-field.expected.md')
  .map((name) => name.slice(0, -'.expected.md'.length));

describe('vigil review', () => {
  it('rewrites every tricky file to exactly its expected bytes', async () => {
    const dir = workspace();
    const files = LAST_REVIEWED_CASES.map((name) => `${name}.md`);
    const result = await vigil(dir, 'review', ...files, '--date', '2026-11-26', ...NOW);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    for (const name of LAST_REVIEWED_CASES) {
      expect(bytes(path.join(dir, `${name}.md`)).equals(bytes(path.join(fixtures, `${name}.expected.md`))), name).toBe(true);
    }
    // No temporary file is left behind.
    expect(readdirSync(dir).filter((name) => name.includes('vigil-tmp'))).toEqual([]);
  });

  it('uses the name the config maps last_reviewed to, and prints the next review from the core', async () => {
    const dir = workspace('fields:\n  last_reviewed: last_reviewed_on\n  review_cycle: review_in\n  owner: owner_slack\n');
    const result = await vigil(dir, 'review', 'mapped-field.md', ...NOW);
    expect(result.code).toBe(0);
    expect(bytes(path.join(dir, 'mapped-field.md')).equals(bytes(path.join(fixtures, 'mapped-field.expected.md')))).toBe(true);
    // review_in: 6 months, from 2026-11-26.
    expect(result.stdout).toBe('mapped-field.md: last_reviewed_on set to 2026-11-26; next review due 2027-05-26\n');
  });

  it('takes --date, and says when there is no cycle to compute the next review from', async () => {
    const dir = workspace();
    const dated = await vigil(dir, 'review', 'crlf.md', '--date', '2026-10-31', ...NOW);
    expect(dated.stdout).toBe('crlf.md: last_reviewed set to 2026-10-31; next review due 2027-04-30\n');
    const noCycle = await vigil(dir, 'review', 'missing-field-no-cycle.md', ...NOW);
    expect(noCycle.stdout).toMatch(/added last_reviewed: 2026-11-26; no next review date: set "review_cycle"/);
  });

  it('keeps the file mode (0600) and writes through a symbolic link', async () => {
    const dir = workspace();
    const file = path.join(dir, 'plain.md');
    chmodSync(file, 0o600);
    symlinkSync('plain.md', path.join(dir, 'link.md'));
    const result = await vigil(dir, 'review', 'link.md', ...NOW);
    expect(result.code).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(lstatSync(path.join(dir, 'link.md')).isSymbolicLink()).toBe(true);
    expect(bytes(file).equals(bytes(path.join(fixtures, 'plain.expected.md')))).toBe(true);
  });

  it.each(['broken-duplicate-key.md', 'broken-unclosed.md', 'broken-no-frontmatter.md', 'refused-list-value.md'])(
    'refuses %s with a clear error and leaves it untouched',
    async (name) => {
      const dir = workspace();
      const file = path.join(dir, name);
      const before = bytes(file);
      const modified = statSync(file).mtimeMs;
      const result = await vigil(dir, 'review', name, ...NOW);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(new RegExp(`^${name.replace('.', '\\.')}:\\d+:\\d+: `));
      expect(bytes(file).equals(before)).toBe(true);
      expect(statSync(file).mtimeMs).toBe(modified);
    },
  );

  it('updates the good files and reports the bad one in the same run', async () => {
    const dir = workspace();
    const result = await vigil(dir, 'review', 'plain.md', 'broken-unclosed.md', 'bom.md', ...NOW);
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n').filter(Boolean)).toHaveLength(2);
    expect(bytes(path.join(dir, 'bom.md')).equals(bytes(path.join(fixtures, 'bom.expected.md')))).toBe(true);
  });

  it('refuses a file that is not UTF-8', async () => {
    const dir = workspace();
    writeFileSync(path.join(dir, 'latin1.md'), Buffer.from('---\ntitle: Caf\xe9\nlast_reviewed: 2025-01-01\n---\n', 'latin1'));
    const result = await vigil(dir, 'review', 'latin1.md', ...NOW);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/not valid UTF-8/);
  });

  it.each([
    [[], /name the documents/],
    [['nope.md'], /no such file: nope\.md/],
    [['.'], /name files, not folders/],
    [['plain.md', '--date', '2026-02-30'], /--date must be a real date/],
    [['plain.md', '--date', '2026-12-01'], /after today/],
  ])('%o is a usage error (exit 2)', async (args, message) => {
    const dir = workspace();
    const result = await vigil(dir, 'review', ...args, ...NOW);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(bytes(path.join(dir, 'plain.md')).equals(bytes(path.join(fixtures, 'plain.md')))).toBe(true);
  });
});
