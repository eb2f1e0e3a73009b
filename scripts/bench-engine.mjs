#!/usr/bin/env node
// Runs the core engine on a generated set with a given worker count, to see what threads buy.
//   node scripts/bench-engine.mjs <corpus-dir> <workers: 0|1|2|auto>
// Prints one JSON line: { workers, documents, errors, warnings, configMs, checkMs }.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [dir, workersArg = 'auto'] = process.argv.slice(2);
if (!dir) {
  console.error('usage: bench-engine.mjs <corpus-dir> <workers>');
  process.exit(2);
}
const workers = workersArg === 'auto' ? 'auto' : Number(workersArg);
const { loadConfig, checkDocuments } = await import(pathToFileURL(path.join(repoRoot, 'dist/core/index.js')).href);
const cwd = path.resolve(dir);
const t0 = performance.now();
const config = await loadConfig(cwd);
const t1 = performance.now();
const result = await checkDocuments({ cwd, config, today: '2026-11-26', offline: true, workers });
const t2 = performance.now();
console.log(JSON.stringify({ workers: workersArg, documents: result.summary.documents, errors: result.summary.errors, warnings: result.summary.warnings, configMs: Math.round(t1 - t0), checkMs: Math.round(t2 - t1) }));
