// Runs the compiled CLI as a child process, the way CI runs it.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const repo = path.resolve(import.meta.dirname, '../../../..');
const bin = path.join(repo, 'bin/vigil.js');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, entry.name === '__fixtures__' ? 0 : newestSource(full));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * Compiles src/ to dist/, which bin/vigil.js runs — unless dist/ is newer than every source.
 * Test files run in parallel: rewriting dist/ while another file's CLI process loads it can
 * make that process read a half-written module, so only rebuild when something changed.
 */
export function buildCli(): void {
  let built = 0;
  try {
    built = statSync(path.join(repo, 'dist/cli/main.js')).mtimeMs;
  } catch {
    built = 0;
  }
  const sources = ['src/core', 'src/cli'].map((dir) => newestSource(path.join(repo, dir)));
  const configs = ['tsconfig.json', 'tsconfig.build.json', 'package.json'].map((file) => statSync(path.join(repo, file)).mtimeMs);
  if (built > Math.max(...sources, ...configs)) return;
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: repo, stdio: 'inherit' });
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

/** RFC 4180 reader, written apart from the code under test. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') row.push(cell), (cell = '');
    else if (char === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += char;
  }
  if (cell !== '' || row.length > 0) throw new Error('CSV does not end with CRLF');
  return rows;
}
