// A real HTTP server on 127.0.0.1 for the link tests: each path is one behaviour a status page can have.
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface TestServer {
  base: string;
  port: number;
  /** Requests seen, as `METHOD /path`, in arrival order. */
  log: string[];
  /** Highest number of requests handled at once, per path prefix (`/slow-n`). */
  peak: Map<string, number>;
  /** For `/endless`: bytes written before the client went away, and whether it did. */
  endless: { bytes: number; closed: Promise<void> };
  count(path: string, method?: string): number;
  close(): Promise<void>;
}

const CHUNK = Buffer.alloc(16 * 1024, 'x');

export async function startTestServer(host = '127.0.0.1'): Promise<TestServer> {
  const log: string[] = [];
  const hits = new Map<string, number>();
  const active = new Map<string, number>();
  const peak = new Map<string, number>();
  let markClosed: () => void = () => undefined;
  const endless = { bytes: 0, closed: new Promise<void>((resolve) => (markClosed = resolve)) };
  let base = '';
  const pairWaiting: http.ServerResponse[] = [];

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = url.pathname;
    log.push(`${req.method} ${path}`);
    const hit = (hits.get(path) ?? 0) + 1;
    hits.set(path, hit);
    const send = (status: number, headers: Record<string, string> = {}): void => {
      res.writeHead(status, headers);
      res.end();
    };

    if (path === '/ok') return send(200);
    if (path === '/missing') return send(404);
    if (path.startsWith('/chain/')) {
      const step = Number(path.slice('/chain/'.length));
      return step < 3 ? send(301, { location: `/chain/${step + 1}` }) : send(200);
    }
    if (path === '/loop/a') return send(301, { location: `${base}/loop/b` });
    if (path === '/loop/b') return send(302, { location: '/loop/a#again' });
    if (path.startsWith('/endless-redirect/')) return send(307, { location: `/endless-redirect/${Number(path.split('/')[2]) + 1}` });
    if (path === '/flaky') return hit === 1 ? send(500) : send(200);
    if (path === '/busy') return hit === 1 ? send(429, { 'retry-after': '1' }) : send(200);
    if (path === '/busy-long') return send(429, { 'retry-after': '3600' });
    if (path === '/always-500') return send(503);
    if (path === '/hang') return; // never answers: only a timeout (or the budget) ends the request
    if (path.startsWith('/pair/')) {
      // Held until two requests are in at once, then both answered: the test sees the overlap
      // itself rather than hoping two requests arrive within a fixed delay. A lone request is
      // answered after 5 s so a checker that never overlaps fails the test instead of hanging it.
      const held = (active.get('/pair') ?? 0) + 1;
      active.set('/pair', held);
      peak.set('/pair', Math.max(peak.get('/pair') ?? 0, held));
      pairWaiting.push(res);
      const answer = (): void => {
        for (const waiting of pairWaiting.splice(0)) {
          active.set('/pair', (active.get('/pair') ?? 1) - 1);
          waiting.writeHead(200).end();
        }
      };
      if (pairWaiting.length >= 2) answer();
      else setTimeout(answer, 5_000).unref();
      return;
    }
    if (path === '/reset') return req.socket.destroy();
    if (path === '/no-head') return req.method === 'HEAD' ? send(405, { allow: 'GET' }) : send(200);
    if (path === '/no-head-501') return req.method === 'HEAD' ? send(501) : send(200);
    if (path === '/endless') {
      if (req.method === 'HEAD') return send(405);
      res.writeHead(200, { 'content-type': 'text/plain' });
      let open = true;
      res.on('close', () => {
        open = false;
        markClosed();
      });
      const pour = (): void => {
        while (open) {
          endless.bytes += CHUNK.length;
          if (!res.write(CHUNK)) return void res.once('drain', pour);
        }
      };
      return pour();
    }
    if (path === '/to-metadata') return send(302, { location: 'http://169.254.169.254/latest/meta-data/' });
    if (path === '/to-name') return send(302, { location: 'http://meta.example.test/status' });
    if (path === '/to-ftp') return send(302, { location: 'ftp://files.example.test/' });
    if (path.startsWith('/slow-')) {
      // Answers after a pause, counting how many requests are being handled at once.
      const key = path.replace(/\/\d+$/, '');
      const now = (active.get(key) ?? 0) + 1;
      active.set(key, now);
      peak.set(key, Math.max(peak.get(key) ?? 0, now));
      setTimeout(() => {
        active.set(key, (active.get(key) ?? 1) - 1);
        send(200);
      }, 100);
      return;
    }
    send(404);
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const port = (server.address() as AddressInfo).port;
  base = `http://${host}:${port}`;
  return {
    base,
    port,
    log,
    peak,
    endless,
    count: (path, method) => log.filter((line) => line === `${method ?? 'HEAD'} ${path}` || (!method && line === `GET ${path}`)).length,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port on 127.0.0.1 with nothing listening: connecting to it is refused. */
export async function closedPort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
