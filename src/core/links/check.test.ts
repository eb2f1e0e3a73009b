// The link checker against a real HTTP server on 127.0.0.1. Nothing here leaves the machine:
// other host names go through a fake resolver, and blocked addresses are refused before connecting.
import { Agent, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { abortableWait, checkLinks, LINK_DEFAULTS, type LinkCheckOptions } from './check.js';
import { closedPort, startTestServer, type TestServer } from './__fixtures__/server.js';
import { guardedLookup, type Resolver } from './guard.js';
import { HostLimiter } from './limiter.js';
import { probeUrl } from './probe.js';
import { describeOutcome, ruleForOutcome, type LinkResult } from './status.js';

let server: TestServer;
const resolved: string[] = [];
/** Fake DNS: only these names exist; every question is recorded. */
const fakeDns: Record<string, Array<{ address: string; family: number }>> = {
  'ok.example.test': [{ address: '127.0.0.1', family: 4 }],
  'meta.example.test': [{ address: '169.254.169.254', family: 4 }],
  'intranet.example.test': [{ address: '10.0.0.1', family: 4 }],
  'mixed.example.test': [
    { address: '93.184.215.14', family: 4 },
    { address: 'fd00::1', family: 6 },
  ],
  'mapped.example.test': [{ address: '::ffff:127.0.0.1', family: 6 }],
};
const resolver: Resolver = async (hostname) => {
  resolved.push(hostname);
  const found = fakeDns[hostname];
  if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
  return found;
};

function options(over: Partial<LinkCheckOptions> = {}): LinkCheckOptions {
  return {
    ...LINK_DEFAULTS,
    timeoutMs: 2_000,
    concurrency: 16,
    allowHosts: ['127.0.0.1'],
    backoffMs: 20,
    resolve: resolver,
    ...over,
  };
}

async function check(path: string, over: Partial<LinkCheckOptions> = {}): Promise<LinkResult> {
  const [result] = await checkLinks([path.startsWith('http') ? path : `${server.base}${path}`], options(over));
  return result;
}

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

describe('checkLinks against a loopback server', () => {
  it('reports 200 as ok, with one HEAD request', async () => {
    const result = await check('/ok');
    expect(result.outcome).toEqual({ kind: 'ok', status: 200 });
    expect(result.requests).toEqual([{ method: 'HEAD', url: `${server.base}/ok`, status: 200 }]);
    expect(describeOutcome(result)).toBe('200 OK');
    expect(ruleForOutcome(result.outcome)).toBeNull();
  });

  it('follows a chain of 301s, re-checking each hop, and says where it ended', async () => {
    const result = await check('/chain/1');
    expect(result.outcome).toEqual({ kind: 'ok', status: 200 });
    expect(result.redirects.map((r) => r.status)).toEqual([301, 301]);
    expect(result.finalUrl).toBe(`${server.base}/chain/3`);
    expect(describeOutcome(result)).toBe(`200 OK, redirected to ${server.base}/chain/3 (301, 301)`);
  });

  it('detects a redirect loop (fragments do not hide it)', async () => {
    const result = await check('/loop/a');
    expect(result.outcome.kind).toBe('redirect-loop');
    expect(describeOutcome(result)).toBe(`redirect loop: ${server.base}/loop/a → ${server.base}/loop/b → ${server.base}/loop/a#again`);
    expect(ruleForOutcome(result.outcome)).toBe('status-page-dead');
  });

  it('stops after 5 redirects', async () => {
    const result = await check('/endless-redirect/0');
    expect(result.outcome).toEqual({ kind: 'too-many-redirects', limit: 5 });
    expect(result.requests).toHaveLength(6);
    expect(describeOutcome(result)).toMatch(/^too many redirects \(more than 5\)/);
  });

  it('reports 404 with its status line and does not retry it', async () => {
    const before = server.count('/missing');
    const result = await check('/missing');
    expect(result.outcome).toEqual({ kind: 'http-error', status: 404 });
    expect(describeOutcome(result)).toBe('404 Not Found');
    expect(server.count('/missing') - before).toBe(1);
  });

  it('retries a 500 and succeeds when the server recovers', async () => {
    const result = await check('/flaky');
    expect(result.outcome).toEqual({ kind: 'ok', status: 200 });
    expect(result.requests.map((r) => r.status)).toEqual([500, 200]);
  });

  it('gives up on a 5xx after the retries, saying how many attempts it made', async () => {
    const result = await check('/always-500', { retries: 2 });
    expect(result.outcome).toEqual({ kind: 'http-error', status: 503 });
    expect(describeOutcome(result)).toBe('503 Service Unavailable (3 attempts)');
  });

  it('waits as long as Retry-After asks on 429, then retries', async () => {
    const waits: number[] = [];
    const result = await check('/busy', { wait: async (ms) => void waits.push(ms) });
    expect(result.outcome).toEqual({ kind: 'ok', status: 200 });
    expect(result.requests.map((r) => r.status)).toEqual([429, 200]);
    // The server said `Retry-After: 1`: one wait of exactly that, instead of the backoff.
    expect(waits).toEqual([1_000]);
  });

  it('does not wait for a Retry-After beyond the cap, and says so', async () => {
    const result = await check('/busy-long', { maxRetryAfterMs: 5_000 });
    expect(result.outcome).toEqual({ kind: 'http-error', status: 429, retryAfterMs: 3_600_000 });
    expect(result.requests).toHaveLength(1);
    expect(describeOutcome(result)).toBe('429 Too Many Requests; asked to retry after 3600 s, longer than Vigil waits');
  });

  it('times out a response that never comes, and retries a timeout only once', async () => {
    // retries: 2 would allow three attempts; a timeout gets one retry, since each costs a whole timeout.
    const result = await check('/hang', { timeoutMs: 300, retries: 2 });
    expect(result.outcome).toEqual({ kind: 'timeout', afterMs: 300 });
    expect(result.requests.map((r) => r.failure)).toEqual(['timeout', 'timeout']);
    expect(describeOutcome(result)).toBe('timeout after 300 ms (2 attempts)');
    expect(describeOutcome({ ...result, requests: [result.requests[0]], outcome: { kind: 'timeout', afterMs: 10_000 } })).toBe('timeout after 10 s');
  });

  it('still retries a 5xx twice: only timeouts are limited to one retry', async () => {
    const result = await check('/always-500', { retries: 2, timeoutRetries: 0 });
    expect(result.requests).toHaveLength(3);
  });

  it('reports connection refused on a closed port', async () => {
    const port = await closedPort();
    const result = await check(`http://127.0.0.1:${port}/`);
    expect(result.outcome).toEqual({ kind: 'refused' });
    expect(describeOutcome(result)).toBe('connection refused');
  });

  it('reports a reset connection', async () => {
    const result = await check('/reset', { retries: 1 });
    expect(result.outcome).toEqual({ kind: 'reset' });
    expect(describeOutcome(result)).toBe('connection reset (2 attempts)');
  });

  it.each([
    ['/no-head', 405],
    ['/no-head-501', 501],
  ])('falls back to GET when HEAD is answered %s with %i, without retrying the HEAD', async (path, status) => {
    const result = await check(path);
    expect(result.outcome).toEqual({ kind: 'ok', status: 200 });
    expect(result.requests.map((r) => `${r.method} ${r.status}`)).toEqual([`HEAD ${status}`, 'GET 200']);
  });

  it('drops an endless body unread: the client hangs up before much is sent', async () => {
    // Drive one probe with our own dispatcher, kept open, so only the probe itself can close the connection.
    const dispatcher = new Agent({ connections: 2 });
    try {
      const result = await probeUrl(new URL(`${server.base}/endless`), {
        ...options(),
        dispatcher,
        request,
        limiter: new HostLimiter(16, 2),
        budget: new AbortController().signal,
        budgetReason: () => 'unused',
        wait: abortableWait,
      });
      expect(result.outcome).toEqual({ kind: 'ok', status: 200 });
      const closed = await Promise.race([server.endless.closed.then(() => true), new Promise((r) => setTimeout(() => r(false), 10_000))]);
      expect(closed).toBe(true);
      expect(server.endless.bytes).toBeLessThan(16 * 1024 * 1024);
    } finally {
      await dispatcher.destroy();
    }
  });
});

describe('the address guard', () => {
  it('blocks a redirect to 169.254.169.254 before any request is sent there', async () => {
    const result = await check('/to-metadata');
    expect(result.outcome).toEqual({
      kind: 'blocked',
      url: 'http://169.254.169.254/latest/meta-data/',
      hop: 1,
      reason: '169.254.169.254 is a link-local address',
    });
    expect(result.requests.map((r) => r.url)).toEqual([`${server.base}/to-metadata`]);
    expect(ruleForOutcome(result.outcome)).toBe('status-page-url');
    expect(describeOutcome(result)).toBe('redirect to http://169.254.169.254/latest/meta-data/ blocked: 169.254.169.254 is a link-local address');
  });

  it('blocks a redirect to a name that resolves to a private address, after DNS', async () => {
    const result = await check('/to-name');
    expect(result.outcome).toMatchObject({ kind: 'blocked', hop: 1, reason: 'resolves to 169.254.169.254 (link-local)' });
    expect(resolved).toContain('meta.example.test');
  });

  it('blocks a redirect to another scheme', async () => {
    const result = await check('/to-ftp');
    expect(result.outcome).toMatchObject({ kind: 'blocked', hop: 1, reason: 'ftp is not http or https' });
  });

  it.each([
    ['http://meta.example.test/', 'resolves to 169.254.169.254 (link-local)'],
    ['https://intranet.example.test/', 'resolves to 10.0.0.1 (private)'],
    ['http://mixed.example.test/', 'resolves to fd00::1 (unique-local)'],
    ['http://mapped.example.test/', 'resolves to ::ffff:127.0.0.1 (loopback)'],
  ])('blocks %s after DNS resolution, without connecting', async (url, reason) => {
    const result = await check(url);
    expect(result.outcome).toEqual({ kind: 'blocked', url, hop: 0, reason });
    expect(describeOutcome(result)).toBe(`blocked: ${reason}`);
    expect(result.requests[0].failure).toBe('blocked');
  });

  it('connects to a name that resolves to an allowed address (allow_hosts lists the address)', async () => {
    const result = await check(`http://ok.example.test:${server.port}/ok`);
    expect(result.outcome).toEqual({ kind: 'ok', status: 200 });
  });

  it('refuses loopback when it is not in allow_hosts', async () => {
    const before = server.log.length;
    const result = await check('/ok', { allowHosts: [] });
    expect(result.outcome).toMatchObject({ kind: 'blocked', hop: 0, reason: '127.0.0.1 is a loopback address' });
    expect(result.requests).toEqual([]);
    expect(server.log.length).toBe(before);
  });

  it('reports an unknown host as not found', async () => {
    const result = await check('http://nowhere.example.test/');
    expect(result.outcome).toEqual({ kind: 'dns', code: 'ENOTFOUND' });
  });

  it('hands Node every address when asked with options.all, and one otherwise', async () => {
    const lookup = guardedLookup([], async () => [
      { address: '93.184.215.14', family: 4 },
      { address: '2606:2800:21f:cb07:6820:80da:af6b:8b2c', family: 6 },
    ]);
    const all = await new Promise((resolve) => lookup('a.test', { all: true }, (error, addresses) => resolve({ error, addresses })));
    expect(all).toEqual({ error: null, addresses: [{ address: '93.184.215.14', family: 4 }, { address: '2606:2800:21f:cb07:6820:80da:af6b:8b2c', family: 6 }] });
    const one = await new Promise((resolve) => lookup('a.test', { family: 6 }, (error, address, family) => resolve([error, address, family])));
    expect(one).toEqual([null, '2606:2800:21f:cb07:6820:80da:af6b:8b2c', 6]);
  });
});

describe('scheduling', () => {
  it('keeps at most 2 requests in flight to one host, and uses both', async () => {
    // The server answers /pair/ requests only once two are in at once (see the fixture).
    const urls = Array.from({ length: 8 }, (_, i) => `${server.base}/pair/${i}`);
    const results = await checkLinks(urls, options({ concurrency: 16 }));
    expect(results.every((r) => r.outcome.kind === 'ok')).toBe(true);
    expect(server.peak.get('/pair')).toBe(2);
  });

  it('keeps to the global concurrency', async () => {
    const urls = Array.from({ length: 4 }, (_, i) => `${server.base}/slow-global/${i}`);
    await checkLinks(urls, options({ concurrency: 1 }));
    expect(server.peak.get('/slow-global')).toBe(1);
  });

  it('keeps many requests in flight without a listener-leak warning (each one listens to the budget, and stops)', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error): void => {
      warnings.push(warning.name);
    };
    process.on('warning', onWarning);
    try {
      const port = new URL(server.base).port;
      const urls = Array.from({ length: 24 }, (_, i) => {
        fakeDns[`many-${i}.example.test`] = [{ address: '127.0.0.1', family: 4 }];
        return `http://many-${i}.example.test:${port}/slow-many/${i}`;
      });
      const results = await checkLinks(urls, options({ concurrency: 16 }));
      expect(results.every((r) => r.outcome.kind === 'ok')).toBe(true);
      expect(server.peak.get('/slow-many')).toBeGreaterThan(10);
      await new Promise((resolve) => setImmediate(resolve)); // warnings are emitted on the next tick
      expect(warnings).not.toContain('MaxListenersExceededWarning');
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('answers for every input, even one that is not a URL', async () => {
    const results = await checkLinks(['not a url', `${server.base}/ok`], options());
    expect(results.map((r) => r.outcome)).toEqual([{ kind: 'error', message: '"not a url" is not an absolute URL' }, { kind: 'ok', status: 200 }]);
  });

  it('reports progress: done / total, in flight, failures', async () => {
    const seen: Array<{ done: number; total: number; inFlight: number; failures: number }> = [];
    await checkLinks([`${server.base}/ok`, `${server.base}/missing`], options({ onProgress: (p) => seen.push(p) }));
    expect(seen.at(-1)).toEqual({ done: 2, total: 2, inFlight: 0, failures: 1 });
    expect(Math.max(...seen.map((p) => p.inFlight))).toBeGreaterThan(0);
  });
});

describe('the total budget', () => {
  it('reports every URL it did not get to as not checked, sending nothing for them', async () => {
    const stop = new AbortController();
    const urls = [`${server.base}/ok`, `${server.base}/missing`, `${server.base}/chain/1`];
    const before = server.log.length;
    // Concurrency 1 and a stop right after the first result: an exact point, no clock involved.
    const results = await checkLinks(urls, options({ concurrency: 1, perHost: 1, stop: stop.signal, onProgress: (p) => p.done === 1 && stop.abort() }));
    expect(results.map((r) => r.outcome.kind)).toEqual(['ok', 'unchecked', 'unchecked']);
    expect(results[1].requests).toEqual([]);
    expect(server.log.length - before).toBe(1);
    expect(describeOutcome(results[1])).toBe('not checked: the network check was stopped first');
    expect(ruleForOutcome(results[1].outcome)).toBe('status-page-dead');
  });

  it('ends a request still waiting when the budget runs out, long before its timeout', async () => {
    const [result] = await checkLinks([`${server.base}/hang`], options({ timeoutMs: 600_000, budgetMs: 200 }));
    expect(result.outcome).toEqual({ kind: 'unchecked', reason: 'the network check used up its 200 ms budget first (links.budget in the config)' });
    expect(result.requests.map((r) => r.failure)).toEqual(['unchecked']);
  });

  it('does not sit out a backoff past the budget', async () => {
    const stop = new AbortController();
    const waits: number[] = [];
    const [result] = await checkLinks(
      [`${server.base}/always-500`],
      options({ stop: stop.signal, wait: async (ms) => {
        waits.push(ms);
        stop.abort();
      } }),
    );
    expect(waits).toHaveLength(1);
    expect(result.outcome.kind).toBe('unchecked');
    expect(result.requests.map((r) => r.status)).toEqual([503]);
  });
});

describe('allow_hosts with a port', () => {
  it('allows that port only: the same host on another port stays blocked', async () => {
    const exact = await check('/ok', { allowHosts: [`127.0.0.1:${server.port}`] });
    expect(exact.outcome).toEqual({ kind: 'ok', status: 200 });
    const before = server.log.length;
    const otherPort = await check('/ok', { allowHosts: [`127.0.0.1:${server.port + 1}`] });
    expect(otherPort.outcome).toMatchObject({ kind: 'blocked', hop: 0, reason: '127.0.0.1 is a loopback address' });
    expect(server.log.length).toBe(before);
  });

  it('applies the port after DNS too: a name that resolves to an allowed address on another port is refused', async () => {
    const allowed = await check(`http://ok.example.test:${server.port}/ok`, { allowHosts: [`127.0.0.1:${server.port}`] });
    expect(allowed.outcome).toEqual({ kind: 'ok', status: 200 });
    const refused = await check(`http://ok.example.test:${server.port}/ok`, { allowHosts: ['127.0.0.1:1'] });
    expect(refused.outcome).toMatchObject({ kind: 'blocked', reason: 'resolves to 127.0.0.1 (loopback)' });
  });
});
