// Runs the compiled CLI as a child process, the way CI runs it.
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';

export const repo = path.resolve(import.meta.dirname, '../../../..');
const bin = path.join(repo, 'bin/vigil.js');

/** Compiles src/ to dist/, which bin/vigil.js runs. */
export function buildCli(): void {
  execFileSync('npm', ['run', '--silent', 'prepare'], { cwd: repo, stdio: 'inherit' });
}

export function runVigil(args: string[], cwd: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: 'utf8',
    // A clean environment: no GITHUB_* from the machine running the tests leaks in.
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
