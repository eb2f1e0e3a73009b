#!/usr/bin/env node
// Site benchmark: builds the Vigil site for generated sets (1,000 and 10,000 documents by
// default) and prints wall time, peak memory, median page size and a page's own JavaScript,
// beside a plain Starlight build (docsLoader, one-link sidebar) of the same documents.
//
//   node scripts/bench-site.mjs [--sizes 1000,10000] [--plain 1000] [--quick] [--full]
//   --plain N,…  sizes to also build with plain Starlight (default: 1000; --full: every size;
//                --quick: none). Plain Starlight at 10,000 takes about 6 minutes and 4.8 GB.
//
// Both builds get the same files: the generated set minus the few files whose frontmatter
// cannot be read at all (plain Starlight stops on those). Vigil's build runs with every rule
// as a warning, since the generated set carries deliberate problems and the gate would stop it.
// Peak memory is the Node process's own peak RSS (getrusage, scripts/bench-rss.mjs); the
// Pagefind indexer runs as a separate binary and is not included in either column.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { copyReadable, ensureCorpus } from './generate-corpus.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = process.env.VIGIL_BENCH_DIR ?? path.join(repoRoot, '.bench');
const NOW = '2026-11-26';
const TARGET = { ratioAt1000: 1.15, medianPageKB: 60, ownJsKB: 10 };

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: process.env.VIGIL_BENCH_SIZES ?? '1000,10000' },
    plain: { type: 'string' },
    quick: { type: 'boolean', default: false },
    full: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log('usage: node scripts/bench-site.mjs [--sizes 1000,10000] [--plain 1000] [--quick] [--full]');
  process.exit(0);
}
const sizes = values.sizes.split(',').map(Number).filter((n) => n > 0);
const plainSizes = values.plain !== undefined ? values.plain.split(',').map(Number) : values.quick ? [] : values.full ? sizes : sizes.filter((n) => n <= 1000);

const RULE_IDS = ['frontmatter-syntax', 'schema', 'review-overdue', 'review-due-soon', 'expired', 'expires-soon', 'escalation-empty', 'status-page-dead', 'status-page-url', 'link-broken', 'duplicate-id', 'section-missing', 'exercise-overdue', 'file-skipped'];

function measure(args, cwd, env) {
  const rssDir = mkdtempSync(path.join(tmpdir(), 'vigil-site-rss-'));
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, {
      cwd,
      env: {
        ...process.env,
        ...env,
        NODE_ENV: 'production',
        ASTRO_TELEMETRY_DISABLED: '1',
        NO_COLOR: '1',
        VIGIL_BENCH_RSS_DIR: rssDir,
        NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=16384 --import=${pathToUrl(path.join(repoRoot, 'scripts/bench-rss.mjs'))}`.trim(),
      },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => {
      const wallS = (performance.now() - started) / 1000;
      let peakMiB = null;
      let cpuS = null;
      for (const file of readdirSync(rssDir)) {
        try {
          const usage = JSON.parse(readFileSync(path.join(rssDir, file), 'utf8'));
          peakMiB = Math.max(peakMiB ?? 0, usage.maxRssKiB / 1024);
          cpuS = (cpuS ?? 0) + usage.cpuS;
        } catch {
          // a process that died without writing its figure
        }
      }
      rmSync(rssDir, { recursive: true, force: true });
      resolve({ code, wallS, cpuS, peakMiB, output });
    });
  });
}

function pathToUrl(file) {
  return new URL(`file://${file}`).href;
}

/** Sizes of the document pages (everything but the site's own pages). */
function pageSizes(outDir) {
  const own = new Set(['index.html', '404.html', 'register/index.html', 'controls/index.html']);
  const sizes = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!['_astro', 'pagefind'].includes(entry.name)) walk(file);
      } else if (entry.name === 'index.html' && !own.has(path.relative(outDir, file))) sizes.push({ file, bytes: statSync(file).size });
    }
  };
  walk(outDir);
  return sizes.sort((a, b) => a.bytes - b.bytes);
}

/** JavaScript a page loads: module scripts and what they import, plus inline scripts. */
function pageScripts(outDir, htmlFile) {
  const html = readFileSync(htmlFile, 'utf8');
  const seen = new Map();
  const visit = (src) => {
    const file = path.join(outDir, src.replace(/^\//, ''));
    if (seen.has(file) || !existsSync(file)) return;
    const text = readFileSync(file, 'utf8');
    seen.set(file, text.length);
    for (const match of text.matchAll(/(?:from|import)\s*["'](\.\/[^"']+\.js)["']/g)) visit(path.posix.join(path.posix.dirname(src), match[1]));
  };
  const entries = [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]);
  for (const src of entries) visit(src);
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].reduce((sum, m) => sum + m[1].length, 0);
  const total = [...seen.values()].reduce((a, b) => a + b, 0) + inline;
  // Vigil's own: the status script and everything it imports.
  const ownSeen = new Map();
  const visitOwn = (src) => {
    const file = path.join(outDir, src.replace(/^\//, ''));
    if (ownSeen.has(file) || !existsSync(file)) return;
    const text = readFileSync(file, 'utf8');
    ownSeen.set(file, text.length);
    for (const match of text.matchAll(/(?:from|import)\s*["'](\.\/[^"']+\.js)["']/g)) visitOwn(path.posix.join(path.posix.dirname(src), match[1]));
  };
  for (const src of entries.filter((s) => /DocumentHeader/.test(s))) visitOwn(src);
  return { totalBytes: total, ownBytes: [...ownSeen.values()].reduce((a, b) => a + b, 0) };
}

/** The site's own pages, which list documents (the issue's bar: none over 1 MB at 10,000). */
function ownPageSizes(outDir) {
  return Object.fromEntries(['index.html', 'register/index.html', 'controls/index.html', 'register.json'].map((name) => [name, existsSync(path.join(outDir, name)) ? statSync(path.join(outDir, name)).size : null]));
}

/**
 * Sorting and filtering the register in Chromium: each keystroke of a query typed into the
 * free-text field and each sort, timed from the input event to the page laid out again
 * (register-client.ts filters and draws synchronously, so one forced layout ends it).
 */
async function measureRegister(outDir) {
  const { createServer } = await import('node:http');
  const { chromium } = await import('playwright-core');
  const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };
  const server = createServer((request, response) => {
    let file = path.join(outDir, decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname));
    if (!file.startsWith(outDir) || !existsSync(file)) return void response.writeHead(404).end();
    if (statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!existsSync(file)) return void response.writeHead(404).end();
    response.writeHead(200, { 'Content-Type': types[path.extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`http://127.0.0.1:${server.address().port}/register/`);
    await page.locator('#vigil-register[data-vigil-ready]').waitFor({ timeout: 60_000 });
    return await page.evaluate(() => {
      const input = document.querySelector('input[name="q"]');
      const time = (action) => {
        const started = performance.now();
        action();
        void document.body.offsetHeight;
        return performance.now() - started;
      };
      const keystrokes = [];
      for (const query of ['runbook database', 'wojcik', 'iso27001:a.5']) {
        input.value = '';
        for (const char of query) {
          keystrokes.push(time(() => {
            input.value += char;
            input.dispatchEvent(new Event('input', { bubbles: true }));
          }));
        }
        // Deleting back to nothing: the widest matches.
        while (input.value) keystrokes.push(time(() => {
          input.value = input.value.slice(0, -1);
          input.dispatchEvent(new Event('input', { bubbles: true }));
        }));
      }
      const sorts = [...document.querySelectorAll('#vigil-register th button')].flatMap((button) => [time(() => button.click()), time(() => button.click())]);
      const sorted = (list) => [...list].sort((a, b) => a - b);
      const summary = (list) => ({ median: sorted(list)[Math.floor(list.length / 2)], max: sorted(list).at(-1), count: list.length });
      return { rows: document.querySelector('#vigil-register')?.dataset.total, keystroke: summary(keystrokes), sort: summary(sorts) };
    });
  } finally {
    await browser.close();
    server.close();
  }
}

function median(list) {
  if (list.length === 0) return null;
  return list[Math.floor(list.length / 2)].bytes;
}

function writePlainProject(dir, contentCopy) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'src'), { recursive: true });
  cpSync(contentCopy, path.join(dir, 'src/content/docs'), { recursive: true });
  writeFileSync(
    path.join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
export default defineConfig({
  integrations: [starlight({ title: 'Plain Starlight', sidebar: [{ label: 'Home', link: '/' }], pagination: false })],
});
`,
  );
  writeFileSync(
    path.join(dir, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`,
  );
}

const fmt = (n, digits = 1) => (n === null || n === undefined ? '—' : n.toFixed(digits));
const kb = (bytes) => (bytes === null ? '—' : (bytes / 1024).toFixed(1));

async function main() {
  const astro = path.join(repoRoot, 'node_modules/astro/astro.js');
  const rows = [];
  for (const size of sizes) {
    const corpusDir = path.join(benchDir, `corpus-${size}`);
    const corpus = ensureCorpus({ count: size, out: corpusDir });
    const work = path.join(benchDir, `site-${size}`);
    mkdirSync(work, { recursive: true });
    const content = path.join(work, 'content');
    const { copied, skipped } = await copyReadable(path.join(corpusDir, 'content'), content);
    console.error(`[site ${size}] ${copied} documents (${skipped} with unreadable frontmatter left out)${corpus.reused ? '' : ', set generated'}`);
    writeFileSync(
      path.join(work, 'vigil.config.yaml'),
      `content: content\nschemas: ${JSON.stringify(path.join(corpusDir, 'schemas'))}\nrules:\n${RULE_IDS.map((id) => `  ${id}: warn`).join('\n')}\n`,
    );

    const vigilOut = path.join(work, 'out-vigil');
    rmSync(vigilOut, { recursive: true, force: true });
    rmSync(path.join(work, 'cache-vigil'), { recursive: true, force: true });
    console.error(`[site ${size}] building with Vigil…`);
    const vigil = await measure([astro, 'build', '--outDir', vigilOut], repoRoot, {
      VIGIL_CONFIG: path.join(work, 'vigil.config.yaml'),
      VIGIL_NOW: NOW,
      VIGIL_ASTRO_CACHE: path.join(work, 'cache-vigil'),
    });
    if (vigil.code !== 0) {
      console.error(vigil.output.slice(-4000));
      rows.push({ size, tool: 'vigil', failed: true, wallS: vigil.wallS });
    } else {
      const pages = pageSizes(vigilOut);
      const scripts = pageScripts(vigilOut, pages[Math.floor(pages.length / 2)].file);
      const sync = /Synced content in (\S+)/.exec(vigil.output)?.[1] ?? /content config.*?(\d+ms|\d+\.\d+s)/.exec(vigil.output)?.[1];
      let register = null;
      try {
        register = await measureRegister(vigilOut);
      } catch (error) {
        console.error(`[site ${size}] register in Chromium not measured: ${error.message}`);
      }
      rows.push({ size, tool: 'vigil', wallS: vigil.wallS, cpuS: vigil.cpuS, peakMiB: vigil.peakMiB, pages: pages.length, medianBytes: median(pages), maxBytes: pages.at(-1)?.bytes ?? null, ...scripts, sync, own: ownPageSizes(vigilOut), register });
    }

    if (plainSizes.includes(size)) {
      const plainDir = path.join(work, 'plain');
      writePlainProject(plainDir, content);
      const plainOut = path.join(work, 'out-plain');
      rmSync(plainOut, { recursive: true, force: true });
      console.error(`[site ${size}] building plain Starlight…`);
      const plain = await measure([astro, 'build', '--outDir', plainOut], plainDir, {});
      if (plain.code !== 0) {
        console.error(plain.output.slice(-4000));
        rows.push({ size, tool: 'plain', failed: true, wallS: plain.wallS });
      } else {
        const pages = pageSizes(plainOut);
        const scripts = pageScripts(plainOut, pages[Math.floor(pages.length / 2)].file);
        rows.push({ size, tool: 'plain', wallS: plain.wallS, cpuS: plain.cpuS, peakMiB: plain.peakMiB, pages: pages.length, medianBytes: median(pages), maxBytes: pages.at(-1)?.bytes ?? null, ...scripts, ownBytes: null });
      }
      rmSync(plainDir, { recursive: true, force: true });
    }
  }

  console.log(`\nSite build (astro build, one process; peak = Node RSS and CPU = Node user+system, Pagefind binary excluded; load average ${loadavg().map((n) => n.toFixed(1)).join(' ')})`);
  const header = ['docs', 'build', 'wall s', 'CPU s', 'peak MiB', 'doc pages', 'median page kB', 'largest kB', 'page JS kB (all)', "Vigil's own JS kB", 'vs plain'];
  const table = rows.map((row) => {
    const plain = rows.find((r) => r.size === row.size && r.tool === 'plain' && !r.failed);
    const ratio = row.tool === 'vigil' && plain && !row.failed ? `${(row.wallS / plain.wallS).toFixed(2)}× wall, ${(row.cpuS / plain.cpuS).toFixed(2)}× CPU` : '';
    const label = row.tool === 'vigil' ? 'Vigil' : 'plain Starlight, one-link sidebar';
    if (row.failed) return [row.size.toLocaleString('en-GB'), label, fmt(row.wallS), '', 'FAILED', '', '', '', '', '', ''];
    return [row.size.toLocaleString('en-GB'), label, fmt(row.wallS), fmt(row.cpuS), fmt(row.peakMiB, 0), String(row.pages), kb(row.medianBytes), kb(row.maxBytes), kb(row.totalBytes), row.ownBytes === null ? '' : kb(row.ownBytes), ratio];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of table) console.log(line(row));
  console.log('\nThe site\'s own pages (kB; goal: no page over 1,024 kB) and the register in Chromium (ms from a keystroke or sort to the page laid out; goal: under 100 ms)');
  for (const row of rows.filter((r) => r.tool === 'vigil' && !r.failed)) {
    const own = Object.entries(row.own).map(([name, bytes]) => `${name} ${kb(bytes)}`).join(', ');
    const reg = row.register ? `keystroke median ${fmt(row.register.keystroke.median)} / max ${fmt(row.register.keystroke.max)} ms (${row.register.keystroke.count}), sort median ${fmt(row.register.sort.median)} / max ${fmt(row.register.sort.max)} ms` : 'register not measured';
    console.log(`${row.size.toLocaleString('en-GB')}: ${own}; ${reg}`);
  }
  console.log(`\nTargets: within ${TARGET.ratioAt1000}× of plain Starlight at 1,000; 10,000 builds; median page < ${TARGET.medianPageKB} kB; Vigil's own JS < ${TARGET.ownJsKB} kB.`);
  console.log('Reference (DEPENDENCIES.md, same machine class): plain Starlight one-link sidebar 33 s / 920 MB at 1,000; 344 s / 4,766 MB at 10,000.');
}

await main();
