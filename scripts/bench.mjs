#!/usr/bin/env node
// npm run bench: times `vigil check --offline` on generated sets of 1,000 and 10,000 documents,
// beside a bare gray-matter + ajv loop over the same files (the floor, scripts/bench-floor.mjs,
// timed in the same run; the ratio to it is printed with its goal), and side by side with
// markdownlint-cli2 and remark + remark-lint-frontmatter-schema, plus a
// Markdown parser micro-benchmark; then runs scripts/bench-links.mjs and scripts/bench-site.mjs
// when they exist. Every tool runs as a whole process: wall time from spawn to exit, peak RSS
// from getrusage in the process itself (scripts/bench-rss.mjs, preloaded).
//
//   node scripts/bench.mjs [--only check,parsers,engine,links,site] [--sizes 1000,10000]
//                          [--quick] [--full] [--runs 3]
//   --quick   vigil only (no peers, no parser or engine comparison)
//   --full    also run the slow peers at 10,000 (about 10 minutes); also VIGIL_BENCH_FULL=1
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureCorpus } from './generate-corpus.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = path.join(repoRoot, '.bench');
const NOW = '2026-11-26';
const TARGET = { size: 10_000, wallS: 3, peakMiB: 400 };
// vigil check --offline, every rule on, against a bare gray-matter + ajv loop over the same files.
const FLOOR_TARGET = { size: 10_000, ratio: 2.5 };
const PARTS = ['check', 'parsers', 'engine', 'links', 'site', 'plugin'];

// Figures from /work/shared/DEPENDENCIES.md (same machine class), shown when a peer is not run.
const REFERENCE_10K = {
  markdownlint: { wallS: 62, peakMiB: 219 },
  remark: { wallS: 219, peakMiB: 2727 },
};

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    sizes: { type: 'string', default: '1000,10000' },
    quick: { type: 'boolean', default: false },
    full: { type: 'boolean', default: process.env.VIGIL_BENCH_FULL === '1' },
    runs: { type: 'string', default: '3' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').filter((line) => line.startsWith('//')).slice(0, 14).map((line) => line.slice(3)).join('\n'));
  process.exit(0);
}
const only = values.only ? values.only.split(',').map((part) => part.trim()) : values.quick ? ['check'] : PARTS;
for (const part of only) {
  if (!PARTS.includes(part)) {
    console.error(`bench: unknown part "${part}" for --only (choose from ${PARTS.join(', ')})`);
    process.exit(2);
  }
}
const sizes = values.sizes.split(',').map(Number);
if (sizes.some((size) => !Number.isInteger(size) || size < 2)) {
  console.error('bench: --sizes must be a comma-separated list of integers of at least 2');
  process.exit(2);
}
const runs = Math.max(1, Number(values.runs) || 1);
const wants = (part) => only.includes(part);

// --- measuring one process ---------------------------------------------------------------

const rssDir = mkdtempSync(path.join(tmpdir(), 'vigil-bench-rss-'));
const rssPreload = pathToFileURL(path.join(repoRoot, 'scripts', 'bench-rss.mjs')).href;

/** Runs `node <args>` in `cwd`; resolves { wallS, cpuS, peakMiB, exit, stdout (last 64 KiB), stderr }. */
function measure(args, cwd) {
  return new Promise((resolve, reject) => {
    const env = {
      ...process.env,
      NO_COLOR: '1',
      FORCE_COLOR: '0',
      GITHUB_ACTIONS: '',
      VIGIL_NOW: '',
      VIGIL_BENCH_RSS_DIR: rssDir,
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${rssPreload}`.trim(),
    };
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    // Drain the output (as a terminal or CI log would) but keep only the tail for the summary.
    child.stdout.on('data', (chunk) => {
      stdout = (stdout + chunk).slice(-65_536);
    });
    child.stderr.on('data', (chunk) => {
      stderr = (stderr + chunk).slice(-8_192);
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const wallS = (performance.now() - started) / 1000;
      let peakMiB = null;
      let cpuS = null;
      const rssFile = path.join(rssDir, `${child.pid}.json`);
      if (existsSync(rssFile)) {
        const usage = JSON.parse(readFileSync(rssFile, 'utf8'));
        peakMiB = usage.maxRssKiB / 1024;
        cpuS = usage.cpuS;
        rmSync(rssFile);
      }
      resolve({ wallS, cpuS, peakMiB, exit: code ?? signal, stdout, stderr });
    });
  });
}

/**
 * Best (shortest) wall time of `count` runs: other load on the machine only ever adds time.
 * Only runs that checked (exit 0 or 1) count; a crash or usage error is reported as such.
 * Peak is the highest of the counted runs.
 */
async function measureBest(args, cwd, count) {
  const all = [];
  for (let i = 0; i < count; i++) all.push(await measure(args, cwd));
  const checked = all.filter((run) => run.exit === 0 || run.exit === 1);
  const pool = checked.length > 0 ? checked : all;
  pool.sort((a, b) => a.wallS - b.wallS);
  return { ...pool[0], peakMiB: Math.max(...pool.map((run) => run.peakMiB ?? 0)) || null, runs: pool.length, failed: all.length - checked.length };
}

/**
 * vigil and the floor, run in turns (vigil, floor, vigil, floor…) so that both see the same load
 * on the machine; the best wall time of each, as measureBest.
 */
async function measurePair(vigilArgs, floorArgs, cwd, count) {
  const vigilRuns = [];
  const floorRuns = [];
  for (let i = 0; i < count; i++) {
    vigilRuns.push(await measure(vigilArgs, cwd));
    floorRuns.push(await measure(floorArgs, cwd));
  }
  return { vigil: bestOf(vigilRuns, [0, 1]), floor: bestOf(floorRuns, [0]) };
}

function bestOf(all, okExits) {
  const checked = all.filter((run) => okExits.includes(run.exit));
  const pool = checked.length > 0 ? checked : all;
  pool.sort((a, b) => a.wallS - b.wallS);
  return { ...pool[0], peakMiB: Math.max(...pool.map((run) => run.peakMiB ?? 0)) || null, runs: pool.length, failed: all.length - checked.length };
}

// --- tools -------------------------------------------------------------------------------

const bin = {
  vigil: path.join(repoRoot, 'bin', 'vigil.js'),
  markdownlint: path.join(repoRoot, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs'),
  remark: path.join(repoRoot, 'node_modules', 'remark-cli', 'cli.js'),
  floor: path.join(repoRoot, 'scripts', 'bench-floor.mjs'),
};

/** "{ documents, valid, invalid }" from bench-floor.mjs → a short note. */
function floorNote(run) {
  const data = safeJson(run.stdout);
  return data ? `${data.documents} docs read and validated (${data.invalid} invalid)` : run.stderr.trim().split('\n').pop() ?? '';
}

function writeRemarkConfig(corpusDir) {
  const config = `import remarkFrontmatter from 'remark-frontmatter';
import remarkLintFrontmatterSchema from 'remark-lint-frontmatter-schema';
// Same schema rules as vigil's, one per folder (written by scripts/bench.mjs).
export default {
  plugins: [
    remarkFrontmatter,
    [remarkLintFrontmatterSchema, { schemas: {
      './remark-schemas/runbook.schema.json': ['content/runbooks/**/*.md'],
      './remark-schemas/policy.schema.json': ['content/policies/**/*.md'],
      './remark-schemas/procedure.schema.json': ['content/procedures/**/*.md'],
    } }],
  ],
};
`;
  writeFileSync(path.join(corpusDir, '.remarkrc.mjs'), config);
}

/** "✖ 87 problems (62 errors, 25 warnings) in 1000 documents" → a short note. */
function vigilNote(run) {
  const match = /(\d+) problems? \((\d+) errors?, (\d+) warnings?\) in (\d+) documents?/.exec(run.stdout);
  if (match) return `${match[2]} errors, ${match[3]} warnings in ${match[4]} docs`;
  if (/no problems/i.test(run.stdout)) return 'no problems';
  return run.stderr.trim().split('\n').pop() ?? '';
}

// --- output ------------------------------------------------------------------------------

const rows = [];
const ratios = [];
const fmtS = (s) => (s === null || s === undefined ? '—' : s < 10 ? s.toFixed(2) : s.toFixed(1));
const fmtLoad = () => loadavg().map((value) => value.toFixed(1)).join(' ');
const fmtMiB = (m) => (m === null || m === undefined ? '—' : Math.round(m).toLocaleString('en-GB'));

// Columns named here hold text (left-aligned); the others hold figures (right-aligned).
const TEXT_COLUMNS = new Set(['tool', 'engine', 'parser', 'notes']);

function printTable(title, headers, body) {
  const widths = headers.map((header, i) => Math.max(header.length, ...body.map((row) => String(row[i]).length)));
  const isText = headers.map((header) => TEXT_COLUMNS.has(header));
  const line = (cells) => `| ${cells.map((cell, i) => (isText[i] ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join(' | ')} |`;
  console.log(`\n${title}\n`);
  console.log(line(headers));
  console.log(`| ${widths.map((w, i) => (isText[i] ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`);
  for (const row of body) console.log(line(row));
}

function log(message) {
  process.stderr.write(`${message}\n`);
}

function gitState() {
  try {
    const head = readFileSync(path.join(repoRoot, '.git', 'HEAD'), 'utf8').trim();
    const ref = head.startsWith('ref: ') ? readFileSync(path.join(repoRoot, '.git', head.slice(5)), 'utf8').trim() : head;
    return ref.slice(0, 7);
  } catch {
    return 'unknown';
  }
}

// --- main --------------------------------------------------------------------------------

async function main() {
  mkdirSync(benchDir, { recursive: true });
  if (!existsSync(path.join(repoRoot, 'dist', 'cli', 'main.js'))) {
    console.error('bench: dist/ is missing; run `npm run prepare` first');
    process.exit(2);
  }
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(`vigil bench — ${availableParallelism()} cores (${cpu}), ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, commit ${gitState()}, judged as of ${NOW}`);
  console.log(`load average at start: ${fmtLoad()} (wall times on a busy machine include waiting for a core; cpu s does not)`);

  const corpora = new Map();
  if (wants('check') || wants('parsers') || wants('engine')) {
    for (const size of sizes) {
      const out = path.join(benchDir, `corpus-${size}`);
      const started = performance.now();
      const manifest = ensureCorpus({ count: size, out });
      writeRemarkConfig(out);
      log(`corpus ${size}: ${manifest.reused ? 'reused' : `generated in ${((performance.now() - started) / 1000).toFixed(1)} s`} (${path.relative(repoRoot, out)}), seeded problems ${JSON.stringify(manifest.problems)}`);
      corpora.set(size, out);
    }
  }

  if (wants('check')) {
    for (const size of sizes) {
      const cwd = corpora.get(size);
      log(`vigil check --offline and the gray-matter + ajv floor on ${size} documents (${runs} runs each, taking turns)…`);
      const { vigil, floor } = await measurePair([bin.vigil, 'check', '--offline', '--now', NOW], [bin.floor, cwd], cwd, runs);
      rows.push({ tool: 'vigil check --offline', size, ...vigil, note: `best of ${vigil.runs}${vigil.failed ? ` (${vigil.failed} failed)` : ''}; exit ${vigil.exit}; ${vigilNote(vigil)}` });
      rows.push({ tool: 'floor: gray-matter + ajv loop', size, ...floor, note: `best of ${floor.runs}; exit ${floor.exit}; ${floorNote(floor)}` });
      ratios.push({ size, vigil, floor });

      const peersHere = !values.quick && (size <= 1000 || values.full);
      for (const [tool, args] of [
        ['markdownlint-cli2', [bin.markdownlint, 'content/**/*.md']],
        ['remark + frontmatter-schema', [bin.remark, 'content', '--quiet', '--no-stdout', '--no-color']],
      ]) {
        const key = tool.startsWith('markdownlint') ? 'markdownlint' : 'remark';
        if (peersHere) {
          log(`${tool} on ${size} documents…`);
          const peer = await measure(args, cwd);
          rows.push({ tool, size, ...peer, note: `one run; exit ${peer.exit}` });
        } else if (!values.quick && size === 10_000) {
          rows.push({ tool, size, ...REFERENCE_10K[key], cpuS: null, exit: null, note: 'REFERENCE from DEPENDENCIES.md, not run here (use --full)' });
        }
      }
    }
    printTable(
      'Checking whole sets (whole processes: wall from spawn to exit, cpu = user + system of all threads, peak = max RSS)',
      ['tool', 'docs', 'wall s', 'cpu s', 'peak MiB', 'notes'],
      rows.map((row) => [row.tool, row.size.toLocaleString('en-GB'), fmtS(row.wallS), fmtS(row.cpuS), fmtMiB(row.peakMiB), row.note]),
    );
    console.log(`load average now: ${fmtLoad()}`);
    for (const { size, vigil, floor } of ratios) {
      const ratio = vigil.wallS / floor.wallS;
      const verdict = size === FLOOR_TARGET.size ? ` ${ratio <= FLOOR_TARGET.ratio ? 'MET' : 'MISSED'}` : '';
      console.log(`\nRatio to the floor, ${size.toLocaleString('en-GB')} documents: vigil ${fmtS(vigil.wallS)} s / gray-matter + ajv ${fmtS(floor.wallS)} s = ${ratio.toFixed(2)}× (goal, issue 11: at most ${FLOOR_TARGET.ratio}× at ${FLOOR_TARGET.size.toLocaleString('en-GB')})${verdict}`);
    }
    const target = rows.find((row) => row.tool.startsWith('vigil') && row.size === TARGET.size);
    if (target) {
      const ok = target.wallS < TARGET.wallS && target.peakMiB !== null && target.peakMiB < TARGET.peakMiB;
      console.log(`\nTarget (issue 3): vigil check --offline on ${TARGET.size.toLocaleString('en-GB')} documents under ${TARGET.wallS} s and ${TARGET.peakMiB} MB: ${ok ? 'MET' : 'MISSED'} (${fmtS(target.wallS)} s, ${fmtMiB(target.peakMiB)} MiB)`);
    }
  }

  if (wants('engine')) {
    const size = Math.max(...sizes);
    const cwd = corpora.get(size);
    const body = [];
    for (const workers of ['0', '1', '2', 'auto']) {
      log(`core engine, workers=${workers}, ${size} documents…`);
      const run = await measure([path.join(repoRoot, 'scripts', 'bench-engine.mjs'), cwd, workers], repoRoot);
      const data = safeJson(run.stdout);
      body.push([`workers=${workers}`, size.toLocaleString('en-GB'), fmtS(run.wallS), data ? fmtS(data.checkMs / 1000) : '—', fmtS(run.cpuS), fmtMiB(run.peakMiB)]);
    }
    printTable('Core engine by worker count (checkDocuments; check s excludes Node start-up and config; cpu s is the whole process)', ['engine', 'docs', 'wall s', 'check s', 'cpu s', 'peak MiB'], body);
  }

  if (wants('parsers')) {
    const size = Math.max(...sizes);
    const cwd = corpora.get(size);
    const body = [];
    for (const parser of ['markdown-it-block', 'markdown-it', 'micromark']) {
      log(`parser ${parser} on ${size} bodies…`);
      const run = await measure([path.join(repoRoot, 'scripts', 'bench-parsers.mjs'), cwd, parser], repoRoot);
      const data = safeJson(run.stdout);
      const label = parser === 'markdown-it-block' ? 'markdown-it, block rules only (vigil runs inline rules on demand)' : parser === 'markdown-it' ? 'markdown-it, full token stream' : 'micromark + mdast (gfm), full tree';
      body.push([label, size.toLocaleString('en-GB'), data ? fmtS(data.parseMs / 1000) : '—', data ? `${((data.parseMs * 1000) / data.documents).toFixed(0)}` : '—', fmtS(run.cpuS), fmtMiB(run.peakMiB)]);
    }
    printTable('Markdown tokenizer micro-benchmark (bodies only, one process each; cpu s is the whole process)', ['parser', 'docs', 'parse s', 'µs/doc', 'cpu s', 'peak MiB'], body);
  }

  for (const part of ['links', 'site', 'plugin']) {
    if (!wants(part)) continue;
    const script = path.join(repoRoot, 'scripts', `bench-${part}.mjs`);
    if (!existsSync(script)) {
      console.log(`\n(${part}: scripts/bench-${part}.mjs not present, skipped)`);
      continue;
    }
    console.log(`\n--- scripts/bench-${part}.mjs ---`);
    const passOn = [];
    if (values.quick) passOn.push('--quick');
    if (values.full) passOn.push('--full');
    const code = await new Promise((resolve) => {
      const child = spawn(process.execPath, [script, ...passOn], { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, VIGIL_BENCH_DIR: benchDir, VIGIL_BENCH_SIZES: sizes.join(',') } });
      child.on('close', (exit) => resolve(exit));
    });
    if (code !== 0) console.log(`(bench-${part}.mjs exited with ${code})`);
  }
}

function safeJson(text) {
  try {
    return JSON.parse(text.trim().split('\n').pop());
  } catch {
    return null;
  }
}

try {
  await main();
} finally {
  rmSync(rssDir, { recursive: true, force: true });
}
