import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../main.js';
import type { CliIo } from '../io.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const NOW = ['--now', '2026-11-26'];

function captureIo(cwd: string) {
  const out = { stdout: '', stderr: '' };
  const io: CliIo = {
    cwd,
    env: {},
    stdout: { write: (text: string) => (out.stdout += text) },
    stderr: { write: (text: string) => (out.stderr += text) },
  };
  return { io, out };
}

async function vigil(cwd: string, ...args: string[]) {
  const { io, out } = captureIo(cwd);
  const code = await main(args, io);
  return { code, ...out };
}

async function check(cwd: string) {
  const result = await vigil(cwd, 'check', '--format', 'json', '--offline', ...NOW);
  return { code: result.code, report: JSON.parse(result.stdout) as { diagnostics: Array<{ rule: string; path: string; line: number; message: string }> } };
}

const temporaryDirs: string[] = [];
function freshRepo(config?: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'vigil-new-'));
  temporaryDirs.push(dir);
  cpSync(path.join(repoRoot, 'schemas'), path.join(dir, 'schemas'), { recursive: true });
  if (config) writeFileSync(path.join(dir, 'vigil.config.yaml'), config);
  return dir;
}
afterEach(() => {
  for (const dir of temporaryDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('vigil new', () => {
  it.each([
    ['policy', 'Acceptable use', 'content/policies/acceptable-use.md', ['schema']],
    ['procedure', 'Laptop loss', 'content/procedures/laptop-loss.md', ['schema']],
    ['runbook', 'Database failover', 'content/runbooks/database-failover.md', ['escalation-empty', 'schema']],
  ])('%s: placeholders fail the check until filled in, then it passes', async (type, title, expectedPath, flaggedBy) => {
    const repo = freshRepo();
    const created = await vigil(repo, 'new', type, ...title.split(' '), ...NOW);
    expect(created.code).toBe(0);
    expect(created.stdout.trim()).toBe(expectedPath);
    const file = path.join(repo, expectedPath);
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^last_reviewed: 2026-11-26$/m);

    const before = await check(repo);
    expect(before.code).toBe(1);
    expect([...new Set(before.report.diagnostics.map((d) => d.rule))].sort()).toEqual(flaggedBy);
    const ownerFinding = before.report.diagnostics.find((d) => d.rule === 'schema');
    expect(ownerFinding?.message).toMatch(/"owner" is a placeholder/);
    expect(ownerFinding?.line).toBe(text.split('\n').findIndex((line) => line.startsWith('owner:')) + 1);

    // What a writer does next: replace every TBD with a real value.
    const filled = text
      .replace(/^owner: TBD.*$/m, 'owner: Platform team')
      .replace(/^(\s+)name: TBD.*$/m, '$1name: Platform rota')
      .replace(/^(\s+)contact: TBD.*$/m, '$1contact: "#platform-oncall"');
    writeFileSync(file, filled);
    const after = await check(repo);
    expect(after.report.diagnostics).toEqual([]);
    expect(after.code).toBe(0);
  });

  it('takes the next free id in the series already used, and --owner', async () => {
    const repo = freshRepo();
    await vigil(repo, 'new', 'procedure', 'First', '--owner', 'Ops', ...NOW);
    await vigil(repo, 'new', 'procedure', 'Second', '--owner', 'Ops', ...NOW);
    const third = await vigil(repo, 'new', 'procedure', 'Third', '--owner', 'Ops', ...NOW);
    expect(third.code).toBe(0);
    const text = readFileSync(path.join(repo, 'content/procedures/third.md'), 'utf8');
    expect(text).toMatch(/^id: PRO-03$/m);
    expect(text).toMatch(/^owner: Ops$/m);
  });

  it('refuses to overwrite, leaving the file as it was, with exit code 2', async () => {
    const repo = freshRepo();
    await vigil(repo, 'new', 'policy', 'Passwords', ...NOW);
    const file = path.join(repo, 'content/policies/passwords.md');
    writeFileSync(file, 'edited by hand\n');
    const again = await vigil(repo, 'new', 'policy', 'Passwords', ...NOW);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/content\/policies\/passwords\.md already exists/);
    expect(readFileSync(file, 'utf8')).toBe('edited by hand\n');
  });

  it.each([
    [['new'], /give a type and a title/],
    [['new', 'runbook'], /give a type and a title/],
    [['new', 'handbook', 'X'], /unknown type "handbook": use one of policy, procedure, runbook/],
    [['new', 'policy', 'X', '--id', 'bad id'], /--id/],
  ])('%o is a usage error', async (args, message) => {
    const result = await vigil(freshRepo(), ...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('honours the config: content folder, field names and sections', async () => {
    const repo = freshRepo(
      ['content: docs', 'fields:', '  last_reviewed: last_reviewed_on', '  review_cycle: review_in', 'sections:', '  policy: [Why]', ''].join('\n'),
    );
    const created = await vigil(repo, 'new', 'policy', 'Remote work', '--owner', 'People team', ...NOW);
    expect(created.stdout.trim()).toBe('docs/policies/remote-work.md');
    const text = readFileSync(path.join(repo, 'docs/policies/remote-work.md'), 'utf8');
    expect(text).toMatch(/^last_reviewed_on: 2026-11-26$/m);
    expect(text).toMatch(/^review_in: annual$/m);
    expect(text).toMatch(/^## Why$/m);
  });

  it('prints its help', async () => {
    const result = await vigil(freshRepo(), 'new', '--help');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Usage: vigil new <type> <title/);
  });

  it.each(['../escape/**', 'runbooks/../../escape/**', '../../escape/**', '/abs/escape/**'])(
    'never writes outside the content folder when "types" says %s',
    async (pattern) => {
      const repo = freshRepo(`types:\n  ${JSON.stringify(pattern)}: runbook\n`);
      const result = await vigil(repo, 'new', 'runbook', 'Escape', ...NOW);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/points outside the content folder; vigil new writes only inside it/);
      expect(existsSync(path.join(repo, 'escape'))).toBe(false);
      // Two levels up from content/ is outside the temporary repository altogether.
      expect(existsSync(path.join(path.dirname(repo), 'escape'))).toBe(false);
      expect(existsSync(path.join(repo, 'abs'))).toBe(false);
    },
  );

  it('does not write through a symbolic link out of the content folder, which check skips', async () => {
    const repo = freshRepo();
    const outside = mkdtempSync(path.join(os.tmpdir(), 'vigil-new-outside-'));
    temporaryDirs.push(outside);
    mkdirSync(path.join(repo, 'content'));
    symlinkSync(outside, path.join(repo, 'content/runbooks'));
    const result = await vigil(repo, 'new', 'runbook', 'Database failover', ...NOW);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/would be written through a symbolic link to .*, outside the content folder/);
    expect(readdirSync(outside)).toEqual([]);
  });

  it('still writes into a content folder that is itself a symbolic link (check follows it)', async () => {
    const repo = freshRepo();
    const elsewhere = mkdtempSync(path.join(os.tmpdir(), 'vigil-new-content-'));
    temporaryDirs.push(elsewhere);
    symlinkSync(elsewhere, path.join(repo, 'content'));
    const result = await vigil(repo, 'new', 'policy', 'Passwords', ...NOW);
    expect(result.code).toBe(0);
    expect(existsSync(path.join(elsewhere, 'policies/passwords.md'))).toBe(true);
  });
});
