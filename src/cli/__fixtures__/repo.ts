// Test helpers: a throwaway repository written from a map of files, and the CLI run in-process
// on it (the same `main` bin/vigil.js calls), with the output captured.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CliIo } from '../io.js';
import { main } from '../main.js';

const made: string[] = [];

/** Writes `files` (path → text) into a new temporary folder and returns it. */
export function makeRepo(files: Record<string, string>, prefix = 'vigil-repo-'): string {
  const root = mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(root);
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(root, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return root;
}

/** Removes every repository made so far (call from afterAll). */
export function removeRepos(): void {
  for (const root of made.splice(0)) rmSync(root, { recursive: true, force: true });
}

export async function vigil(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const out = { stdout: '', stderr: '' };
  const io: CliIo = { cwd, env, stdout: { write: (text: string) => (out.stdout += text) }, stderr: { write: (text: string) => (out.stderr += text) } };
  const code = await main(args, io);
  return { code, ...out };
}

/** `rule path:line:column` for each diagnostic of a `--format json` run, sorted. */
export function findings(json: string): string[] {
  const report = JSON.parse(json) as { diagnostics: Array<{ rule: string; path: string; line: number; column: number }> };
  return report.diagnostics.map((d) => `${d.rule} ${d.path}:${d.line}:${d.column}`).sort();
}
