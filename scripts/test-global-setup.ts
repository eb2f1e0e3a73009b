// Builds dist/ (the CLI, and the site files the package ships) once before any test file runs: tests spawn bin/vigil.js, which loads dist/,
// and rebuilding dist/ from several test files at once let one read a half-written module.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export default function setup(): void {
  const repo = path.resolve(import.meta.dirname, '..');
  execFileSync(process.execPath, [path.join(repo, 'scripts/build.mjs')], { cwd: repo, stdio: 'inherit' });
}
