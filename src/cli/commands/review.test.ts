import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, cpSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
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

/** Whether the user nobody (65534) can start this checkout's CLI. */
function nobodyCanRun(): boolean {
  const bin = path.resolve(here, '../../../bin/vigil.js');
  return spawnSync(process.execPath, [bin, '--version'], { uid: 65534, gid: 65534, encoding: 'utf8' }).status === 0;
}

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
    [['plain.md', '--date', '0001-01-01'], /--date 0001-01-01 is outside the dates Vigil judges by/],
  ])('%o is a usage error (exit 2)', async (args, message) => {
    const dir = workspace();
    const result = await vigil(dir, 'review', ...args, ...NOW);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(bytes(path.join(dir, 'plain.md')).equals(bytes(path.join(fixtures, 'plain.md')))).toBe(true);
  });
});

const plainExpected = (): Buffer => bytes(path.join(fixtures, 'plain.expected.md'));
const isRoot = process.getuid?.() === 0;

describe('vigil review keeps the file it writes the same file', () => {
  it('refuses a read-only file with exit 2 and leaves it untouched', async () => {
    const dir = workspace();
    const file = path.join(dir, 'plain.md');
    chmodSync(file, 0o444);
    const before = bytes(file);
    const result = await vigil(dir, 'review', 'plain.md', ...NOW);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^plain\.md:1:1: the file is read-only \(mode 444\).*not changed/);
    expect(bytes(file).equals(before)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o444);
  });

  // Only root can make a file belong to someone else, or run the CLI as someone else.
  it.runIf(isRoot)('keeps the owner and group of a file that belongs to someone else', async () => {
    const dir = workspace();
    const file = path.join(dir, 'plain.md');
    chownSync(file, 4242, 4343);
    const result = await vigil(dir, 'review', 'plain.md', ...NOW);
    expect(result.code).toBe(0);
    expect(statSync(file)).toMatchObject({ uid: 4242, gid: 4343 });
    expect(bytes(file).equals(plainExpected())).toBe(true);
  });

  // Runs the CLI as nobody: possible only where nobody can read this checkout (a clone inside a
  // folder only root may enter cannot be run by anyone else; the in-process tests above still run).
  it.runIf(isRoot && nobodyCanRun())('refuses, with exit 2, a file the user cannot write even when the folder is writable', () => {
    const dir = workspace();
    chmodSync(dir, 0o777); // the temp-file-and-rename would need only this
    const file = path.join(dir, 'plain.md');
    chmodSync(file, 0o644); // root's file: others may read, not write
    const before = bytes(file);
    // The CLI is loaded as root (the clone may sit in a folder only root can read), then the
    // process becomes nobody before it runs the command and touches the file.
    const bin = path.resolve(here, '../../../bin/vigil.js');
    const child = spawnSync(process.execPath, [bin, 'review', 'plain.md', ...NOW], { cwd: dir, uid: 65534, gid: 65534, encoding: 'utf8', env: { PATH: process.env.PATH } });
    expect(child.stderr).toMatch(/plain\.md:1:1: you cannot write this file/);
    expect(child.status).toBe(2);
    expect(bytes(file).equals(before)).toBe(true);
    expect(statSync(file)).toMatchObject({ uid: 0, gid: 0 });
  });

  it('keeps a hard link: both names see the new date', async () => {
    const dir = workspace();
    const file = path.join(dir, 'plain.md');
    const twin = path.join(dir, 'twin.md');
    linkSync(file, twin);
    const result = await vigil(dir, 'review', 'plain.md', ...NOW);
    expect(result.code).toBe(0);
    expect(statSync(file).nlink).toBe(2);
    expect(statSync(file).ino).toBe(statSync(twin).ino);
    expect(bytes(twin).equals(plainExpected())).toBe(true);
  });

  it('refuses, with exit 2, a symbolic link that leads out of the content folder, as check skips it', async () => {
    const dir = workspace('content: docs\n');
    const outside = mkdtempSync(path.join(os.tmpdir(), 'vigil-review-outside-'));
    temporaryDirs.push(outside);
    cpSync(path.join(fixtures, 'plain.md'), path.join(outside, 'target.md'));
    mkdirSync(path.join(dir, 'docs'));
    symlinkSync(path.join(outside, 'target.md'), path.join(dir, 'docs/escape.md'));
    symlinkSync(outside, path.join(dir, 'docs/linked-folder'));
    const viaFile = await vigil(dir, 'review', 'docs/escape.md', ...NOW);
    expect(viaFile.code).toBe(2);
    expect(viaFile.stderr).toMatch(/^docs\/escape\.md:1:1: a symbolic link to .*target\.md, outside the content folder docs; "vigil check" skips it/);
    const viaFolder = await vigil(dir, 'review', 'docs/linked-folder/target.md', ...NOW);
    expect(viaFolder.code).toBe(2);
    expect(viaFolder.stderr).toMatch(/reached through a symbolic link/);
    expect(bytes(path.join(outside, 'target.md')).equals(bytes(path.join(fixtures, 'plain.md')))).toBe(true);
  });

  it('still writes through a symbolic link that stays inside the content folder', async () => {
    const dir = workspace('content: docs\n');
    mkdirSync(path.join(dir, 'docs'));
    cpSync(path.join(fixtures, 'plain.md'), path.join(dir, 'docs/real.md'));
    symlinkSync('real.md', path.join(dir, 'docs/alias.md'));
    const result = await vigil(dir, 'review', 'docs/alias.md', ...NOW);
    expect(result.code).toBe(0);
    expect(bytes(path.join(dir, 'docs/real.md')).equals(plainExpected())).toBe(true);
  });
});

describe('vigil review --by and --note', () => {
  const reviewed = (extra: string) => `---
# Reviewed every year by the security team.
title: Information security policy
type: policy
owner: Security
last_reviewed: 2026-11-26
${extra}review_cycle: annual   # see ISO 27001 A.5.1
---

# Information security policy

last_reviewed: 2025-03-07 stays as written in the body.
`;

  it('adds reviewed_by and review_note after last_reviewed, changing nothing else', async () => {
    const dir = workspace();
    const result = await vigil(dir, 'review', 'plain.md', '--by', 'Ana Lima', '--note', 'Checked: contacts, scope # all fine', ...NOW);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(readFileSync(path.join(dir, 'plain.md'), 'utf8')).toBe(reviewed('reviewed_by: Ana Lima\nreview_note: "Checked: contacts, scope # all fine"\n'));
    expect(result.stdout).toBe('plain.md: last_reviewed set to 2026-11-26, added reviewed_by: "Ana Lima", added review_note: "Checked: contacts, scope # all fine"; next review due 2027-11-26\n');
  });

  it('updates an existing reviewer in place, keeping its quotes and comment', async () => {
    const dir = workspace();
    writeFileSync(path.join(dir, 'plain.md'), reviewed("reviewed_by: 'Old Name'  # who signed off\n"));
    const result = await vigil(dir, 'review', 'plain.md', '--by', "Ana O'Neil", ...NOW);
    expect(result.code).toBe(0);
    expect(readFileSync(path.join(dir, 'plain.md'), 'utf8')).toBe(reviewed("reviewed_by: 'Ana O''Neil'  # who signed off\n"));
    const again = await vigil(dir, 'review', 'plain.md', '--by', "Ana O'Neil", ...NOW);
    expect(again.stdout).toMatch(/reviewed_by was already "Ana O'Neil"/);
  });

  it('writes a value YAML would read as something else (true, a number) quoted', async () => {
    const dir = workspace();
    await vigil(dir, 'review', 'plain.md', '--by', 'true', '--note', '12', ...NOW);
    expect(readFileSync(path.join(dir, 'plain.md'), 'utf8')).toBe(reviewed('reviewed_by: "true"\nreview_note: "12"\n'));
  });

  it('uses the names the config maps reviewed_by and review_note to', async () => {
    const dir = workspace('fields:\n  reviewed_by: approver\n  review_note: review_comment\n');
    const result = await vigil(dir, 'review', 'plain.md', '--by', 'ana', '--note', 'ok', ...NOW);
    expect(result.code).toBe(0);
    expect(readFileSync(path.join(dir, 'plain.md'), 'utf8')).toBe(reviewed('approver: ana\nreview_comment: ok\n'));
  });

  it('passes vigil check afterwards: the schemas accept reviewed_by and review_note', async () => {
    const dir = workspace(`content: docs\nschemas: ${JSON.stringify(path.resolve(here, '../../../schemas'))}\n`);
    mkdirSync(path.join(dir, 'docs'));
    cpSync(path.join(fixtures, 'plain.md'), path.join(dir, 'docs/policy.md'));
    writeFileSync(path.join(dir, 'docs/policy.md'), readFileSync(path.join(dir, 'docs/policy.md'), 'utf8').replace('# Information security policy\n', '# Information security policy\n\n## Purpose\n\nx\n\n## Scope\n\ny\n'));
    await vigil(dir, 'review', 'docs/policy.md', '--by', 'Ana Lima', '--note', 'fine', ...NOW);
    const check = await vigil(dir, 'check', 'docs', '--offline', '--format', 'json', ...NOW);
    const output = JSON.parse(check.stdout) as { diagnostics: Array<{ rule: string; message: string }> };
    expect(output.diagnostics).toEqual([]);
    expect(check.code).toBe(0);
  });

  it.each([
    [['--by', ''], /--by must not be empty/],
    [['--by', 'TBD'], /--by must name the reviewer/],
    [['--note', 'two\nlines'], /--note must be one line/],
  ])('%o is a usage error (exit 2)', async (args, message) => {
    const dir = workspace();
    const result = await vigil(dir, 'review', 'plain.md', ...args, ...NOW);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(bytes(path.join(dir, 'plain.md')).equals(bytes(path.join(fixtures, 'plain.md')))).toBe(true);
  });
});
