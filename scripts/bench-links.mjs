#!/usr/bin/env node
// Benchmark for the status-page checker: N distinct URLs on a loopback server that answers after
// 50 ms, concurrency 16. Prints wall time against the ideal (N × 50 ms / 16) and peak memory.
//
// The per-host limit (2 in flight) would make N URLs on ONE host take N × 50 ms / 2, so the URLs are
// spread over 32 loopback addresses (127.0.0.1 … 127.0.0.32: all of 127.0.0.0/8 is loopback on Linux),
// each with its own server, all listed in allow_hosts. The servers run in a child process so the
// checker's memory and CPU are measured alone; each size runs in a fresh process so peaks don't mix.
//
//   node scripts/bench-links.mjs                 # 1,000 URLs, then 4,000 to show memory stays flat
//   node scripts/bench-links.mjs --sizes 1000    # just one size (--quick does the same)
import { execFileSync, fork } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import http from 'node:http';
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const HOSTS = 32;
const DELAY_MS = 50;
const CONCURRENCY = 16;
const TARGET_RATIO = 1.5;

const [mode, ...rest] = process.argv.slice(2);
if (mode === '--serve') await serve();
else if (mode === '--check') await check(Number(rest[0]), JSON.parse(rest[1]));
else if (mode === '--baseline') await baseline(Number(rest[0]), JSON.parse(rest[1]));
else await orchestrate();

/** Child: one server per loopback address; reports the ports, then serves until told to stop. */
async function serve() {
  const endpoints = [];
  const servers = [];
  for (let i = 1; i <= HOSTS; i++) {
    const host = `127.0.0.${i}`;
    const server = http.createServer((req, res) => {
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end(req.method === 'HEAD' ? undefined : 'ok');
      }, DELAY_MS);
    });
    server.keepAliveTimeout = 10_000;
    await new Promise((resolve, reject) => server.once('error', reject).listen(0, host, resolve));
    servers.push(server);
    endpoints.push({ host, port: server.address().port });
  }
  process.send({ endpoints });
  process.on('message', () => {
    for (const server of servers) server.closeAllConnections(), server.close();
    process.exit(0);
  });
}

/** Child: checks `count` distinct URLs spread over the endpoints and reports time and memory. */
async function check(count, endpoints) {
  const { checkLinks, linkOptions, defaultConfig } = await import(pathToFileURL(path.join(repo, 'dist/core/index.js')).href);
  const config = defaultConfig(repo);
  config.links = { timeoutMs: 10_000, concurrency: CONCURRENCY, allowHosts: endpoints.map((e) => e.host) };
  const urls = benchUrls(count, endpoints);
  // Live heap: collected before each sample (twice a second, ~1% of the time), so garbage not yet
  // collected does not pass for memory the check holds.
  const liveHeap = () => (globalThis.gc?.(), process.memoryUsage().heapUsed);
  const heapBefore = liveHeap();
  let heapPeak = heapBefore;
  const sample = setInterval(() => (heapPeak = Math.max(heapPeak, liveHeap())), 500);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const results = await checkLinks(urls, linkOptions(config));
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  clearInterval(sample);
  heapPeak = Math.max(heapPeak, liveHeap());
  const failed = results.filter((r) => r.outcome.kind !== 'ok');
  process.send({
    count,
    wallMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    failed: failed.length,
    firstFailure: failed[0] ? `${failed[0].url}: ${failed[0].outcome.kind}` : null,
    requests: results.reduce((n, r) => n + r.requests.length, 0),
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
    heapBeforeMiB: heapBefore / 2 ** 20,
    heapPeakMiB: heapPeak / 2 ** 20,
  });
}

function benchUrls(count, endpoints) {
  return Array.from({ length: count }, (_, i) => {
    const { host, port } = endpoints[i % endpoints.length];
    return `http://${host}:${port}/status/${i}`;
  });
}

/**
 * Child: the same URLs with bare undici (16 loops of HEAD requests, no guard, limiter or retries).
 * What this machine can do at best right now: the checker's own cost is its time minus this one.
 */
async function baseline(count, endpoints) {
  const { Agent, request } = await import('undici');
  const dispatcher = new Agent({ connections: 2, pipelining: 1, keepAliveTimeout: 4_000 });
  const urls = benchUrls(count, endpoints);
  let next = 0;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < urls.length) {
        const response = await request(urls[next++], { dispatcher, method: 'HEAD' });
        await response.body.dump();
      }
    }),
  );
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  await dispatcher.close();
  process.send({ count, wallMs, cpuMs: (cpu.user + cpu.system) / 1000, failed: 0, maxRssMiB: process.resourceUsage().maxRSS / 1024 });
}

function runChild(args) {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: ['--expose-gc'] });
    child.once('message', (message) => resolve({ child, message }));
    child.once('exit', (code) => reject(new Error(`bench child ${args[0]} exited with ${code}`)));
  });
}

function ensureBuilt() {
  const built = path.join(repo, 'dist/core/links/check.js');
  const sources = ['check.ts', 'probe.ts', 'limiter.ts', 'guard.ts'].map((f) => path.join(repo, 'src/core/links', f));
  const stale = !existsSync(built) || sources.some((file) => existsSync(file) && statSync(file).mtimeMs > statSync(built).mtimeMs);
  if (stale) execFileSync('npm', ['run', '--silent', 'prepare'], { cwd: repo, stdio: 'inherit' });
}

async function orchestrate() {
  const sizesFlag = process.argv.indexOf('--sizes');
  const quick = process.argv.includes('--quick');
  const sizes = sizesFlag > 0 ? process.argv[sizesFlag + 1].split(',').map(Number) : quick ? [1000] : [1000, 4000];
  ensureBuilt();
  const { child: server, message } = await runChild(['--serve']);
  const { endpoints } = message;
  let worst = 0;
  try {
    console.log(`links bench: ${HOSTS} loopback hosts, each answers after ${DELAY_MS} ms; concurrency ${CONCURRENCY}, 2 per host`);
    console.log('run       urls   wall s  ideal s  ratio  cpu s  failed  peak RSS MiB  live heap MiB before → peak');
    for (const count of sizes) {
      for (const which of ['baseline', 'check']) {
        const { child, message: r } = await runChild([`--${which}`, String(count), JSON.stringify(endpoints)]);
        child.removeAllListeners('exit');
        const idealMs = (count * DELAY_MS) / CONCURRENCY;
        const ratio = r.wallMs / idealMs;
        if (count === sizes[0] && which === 'check') worst = ratio;
        const heap = r.heapPeakMiB === undefined ? '' : `${r.heapBeforeMiB.toFixed(1)} → ${r.heapPeakMiB.toFixed(1)}`;
        console.log(
          `${which.padEnd(9)} ${String(count).padEnd(6)} ${(r.wallMs / 1000).toFixed(2).padStart(6)}  ${(idealMs / 1000).toFixed(3).padStart(7)}  ${ratio.toFixed(2).padStart(5)}  ${(r.cpuMs / 1000).toFixed(2).padStart(5)}  ${String(r.failed).padStart(6)}  ${r.maxRssMiB.toFixed(0).padStart(12)}  ${heap}`,
        );
        if (r.failed > 0) console.log(`  first failure: ${r.firstFailure}`);
      }
    }
    const verdict = worst <= TARGET_RATIO ? 'within' : 'OUTSIDE';
    console.log(`${sizes[0]} URLs: ${worst.toFixed(2)}× the ideal, ${verdict} the ${TARGET_RATIO}× target (load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores)`);
  } finally {
    server.removeAllListeners('exit');
    server.send('stop');
  }
}
