// Runs the git command line. Vigil reads history with Git itself rather than a library that
// reimplements it, so shallow clones, renames and the repository's own settings behave as Git says.
import { spawnSync } from 'node:child_process';

export type GitResult = { ok: true; stdout: Buffer } | { ok: false; message: string };

// History of a large repository can run to hundreds of megabytes of raw output; past this the
// answer is "too much", not a crash.
const MAX_OUTPUT_BYTES = 512 * 1024 * 1024;

/**
 * `git <args>` in `cwd`. Options that could make Git run something the repository configures
 * (external diff drivers, textconv) are never passed, and optional locks are off so a check
 * never blocks someone else's git in the same work tree.
 */
export function runGit(cwd: string, args: string[], input?: string): GitResult {
  const result = spawnSync('git', ['-c', 'core.quotePath=false', ...args], {
    cwd,
    input,
    maxBuffer: MAX_OUTPUT_BYTES,
    env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C', GIT_TERMINAL_PROMPT: '0' },
    windowsHide: true,
  });
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    return { ok: false, message: code === 'ENOENT' ? 'git is not installed (or not on PATH)' : `git failed to run (${code ?? result.error.message})` };
  }
  if (result.status !== 0) {
    const stderr = result.stderr.toString('utf8').trim().split('\n')[0] ?? '';
    return { ok: false, message: stderr || `git ${args[0]} exited with status ${result.status}` };
  }
  return { ok: true, stdout: result.stdout };
}

/** `runGit` for output that is text. */
export function gitText(cwd: string, args: string[]): { ok: true; text: string } | { ok: false; message: string } {
  const result = runGit(cwd, args);
  return result.ok ? { ok: true, text: result.stdout.toString('utf8') } : result;
}
