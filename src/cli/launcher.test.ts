// bin/vigil.js as CI runs it: a run that ends before its command finished is never a pass.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = path.resolve(import.meta.dirname, '../..');
const bin = path.join(repo, 'bin/vigil.js');

function vigil(args: string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd, env: { PATH: process.env.PATH, HOME: process.env.HOME } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const POLICY = `---
title: Access control
type: policy
owner: Security
last_reviewed: 2026-06-01
review_cycle: annual
---

# Access control
`;

let root: string;
function project(config: string): string {
  const dir = mkdtempSync(path.join(root, 'project-'));
  mkdirSync(path.join(dir, 'content/policies'), { recursive: true });
  writeFileSync(path.join(dir, 'content/policies/access.md'), POLICY);
  writeFileSync(path.join(dir, 'vigil.config.mjs'), config);
  return dir;
}

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'vigil-launcher-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const COMMANDS: Array<[string, string[]]> = [
  ['check', ['check', '--offline']],
  ['links', ['links']],
  ['report', ['report']],
  ['review', ['review', 'content/policies/access.md']],
  ['new', ['new', 'policy', 'Passwords']],
];

describe('a config that ends the process', () => {
  it.each(COMMANDS)('vigil %s exits 2 with a message when the config calls process.exit(0)', async (_name, args) => {
    const dir = project('process.exit(0);\nexport default {};\n');
    const result = await vigil([...args, '--now', '2026-11-26'], dir);
    expect(result.stderr).toMatch(/vigil: the command stopped before it finished \(exit code 0 was asked for/);
    expect(result.code).toBe(2);
  });

  it('vigil check exits 2 with a config error when the config never settles', async () => {
    const dir = project('await new Promise(() => {});\nexport default {};\n');
    const result = await vigil(['check', '--offline', '--now', '2026-11-26'], dir);
    expect(result.stderr).toBe('vigil: vigil.config.mjs did not finish loading within 5 s (a top-level await that never settles?); a config must only export its settings\n');
    expect(result.code).toBe(2);
  }, 30_000);

  it('does not wait for a timer the config left running once the command is done', async () => {
    const dir = project('setInterval(() => {}, 60_000);\nexport default {};\n');
    const result = await vigil(['check', '--offline', '--now', '2026-11-26'], dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  }, 30_000);

  it('a good run keeps its own exit code and says nothing extra', async () => {
    const dir = project('export default { warning_window: "10d" };\n');
    const result = await vigil(['check', '--offline', '--now', '2026-11-26'], dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});
