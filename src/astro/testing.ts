// Helpers for the site tests and the benchmark: build the site as a child process (the way
// `npm run site:build` does) and serve a built folder on 127.0.0.1.
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface BuildResult {
  code: number | null;
  output: string;
}

/** The environment for an `astro` child process: the test runner's own variables left out. */
export function astroEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  // Vitest's variables (NODE_ENV=test, VITEST…) would make Astro build in development mode, without search.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(VITEST|NODE_ENV$|TEST$|MODE$|DEV$|PROD$|SSR$|BASE_URL$)/.test(name)));
  return { ...inherited, NODE_ENV: 'production', ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', ...extra };
}

/** Debian's Chromium, headless, with the flags this machine's closed network needs. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Runs `astro build` for the content a vigil config names, into `outDir`. */
export function buildSite(options: { configFile: string; outDir: string; now?: string; cacheDir?: string; env?: Record<string, string> }): Promise<BuildResult> {
  const env = astroEnv({ VIGIL_CONFIG: options.configFile });
  if (options.now) env.VIGIL_NOW = options.now;
  if (options.cacheDir) env.VIGIL_ASTRO_CACHE = options.cacheDir;
  Object.assign(env, options.env);
  const astro = path.join(REPO_ROOT, 'node_modules', 'astro', 'astro.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [astro, 'build', '--outDir', options.outDir], { cwd: REPO_ROOT, env });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** A static file server for a built site, on 127.0.0.1 and a free port. */
export async function serveStatic(root: string): Promise<StaticServer> {
  const server: Server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    let file = path.join(root, path.normalize(pathname));
    if (!file.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!existsSync(file)) {
      response.writeHead(404, { 'Content-Type': 'text/html' });
      const notFound = path.join(root, '404.html');
      if (existsSync(notFound)) createReadStream(notFound).pipe(response);
      else response.end('not found');
      return;
    }
    response.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
