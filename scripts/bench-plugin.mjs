#!/usr/bin/env node
// Starlight plugin benchmark: the same existing Starlight site (docsLoader, one-link sidebar) of
// N generated documents, built without and with `plugins: [vigil()]` (vigil-docs/starlight, the
// publish gate so the set's seeded problems do not stop it), pair by pair. Prints wall time and
// the plugin's overhead; the target is at most 10 % at 1,000 documents.
//
//   node scripts/bench-plugin.mjs [--size 1000] [--runs 3] [--quick]
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { copyReadable, ensureCorpus } from './generate-corpus.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = process.env.VIGIL_BENCH_DIR ?? path.join(repoRoot, '.bench');
const { values } = parseArgs({
  options: { size: { type: 'string', default: '1000' }, runs: { type: 'string' }, quick: { type: 'boolean', default: false }, full: { type: 'boolean', default: false } },
});
const size = Number(values.size);
const runs = Number(values.runs ?? (values.quick ? 1 : 3));
const TARGET_OVERHEAD = 0.1;

function writeSite(dir, content, withPlugin) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'src'), { recursive: true });
  cpSync(content, path.join(dir, 'src/content/docs'), { recursive: true });
  writeFileSync(path.join(dir, 'astro.config.mjs'), `import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
${withPlugin ? "import vigil from 'vigil-docs/starlight';\n" : ''}export default defineConfig({
  integrations: [starlight({ title: 'Existing site', sidebar: [{ label: 'Home', link: '/' }], pagination: false${withPlugin ? ', plugins: [vigil()]' : ''} })],
});
`);
  writeFileSync(path.join(dir, 'src/content.config.ts'), `import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`);
  if (withPlugin) writeFileSync(path.join(dir, 'vigil.config.yaml'), 'preset: starlight\nsite:\n  gate: publish\n');
}

function build(dir) {
  rmSync(path.join(dir, 'dist'), { recursive: true, force: true });
  rmSync(path.join(dir, 'node_modules'), { recursive: true, force: true });
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'node_modules/astro/astro.js'), 'build'], {
      cwd: dir,
      env: { ...process.env, NODE_ENV: 'production', ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', VIGIL_NOW: '2026-11-26' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ code, wallS: (performance.now() - started) / 1000, output }));
  });
}

if (!existsSync(path.join(repoRoot, 'dist/astro/starlight.ts'))) {
  console.error('bench-plugin: dist/ is missing; run `npm run build` first');
  process.exit(1);
}
const corpus = path.join(benchDir, `corpus-${size}`);
ensureCorpus({ count: size, out: corpus });
const content = path.join(benchDir, `plugin-content-${size}`);
const { copied: documents } = await copyReadable(path.join(corpus, 'content'), content);
const plainDir = path.join(benchDir, `plugin-plain-${size}`);
const pluginDir = path.join(benchDir, `plugin-vigil-${size}`);
writeSite(plainDir, content, false);
writeSite(pluginDir, content, true);

const plain = [];
const vigil = [];
for (let run = 0; run < runs; run++) {
  // Pair by pair, alternating which goes first, so a busy moment of the machine hits both.
  const order = run % 2 === 0 ? [[plainDir, plain], [pluginDir, vigil]] : [[pluginDir, vigil], [plainDir, plain]];
  for (const [dir, results] of order) {
    const result = await build(dir);
    if (result.code !== 0) {
      console.error(`bench-plugin: the build in ${dir} failed:\n${result.output.slice(-3000)}`);
      process.exit(1);
    }
    results.push(result.wallS);
  }
}
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const overhead = median(vigil) / median(plain) - 1;
console.log(`\nStarlight plugin on an existing site, ${documents.toLocaleString('en-GB')} documents, ${runs} pair(s)`);
console.log('| build | wall s (median) | runs |');
console.log('| --- | --- | --- |');
console.log(`| plain Starlight | ${median(plain).toFixed(1)} | ${plain.map((s) => s.toFixed(1)).join(', ')} |`);
console.log(`| + vigil-docs/starlight | ${median(vigil).toFixed(1)} | ${vigil.map((s) => s.toFixed(1)).join(', ')} |`);
console.log(`plugin overhead: ${(overhead * 100).toFixed(1)} % (target: at most ${TARGET_OVERHEAD * 100} %) ${overhead <= TARGET_OVERHEAD ? 'ok' : 'OVER TARGET'}`);
