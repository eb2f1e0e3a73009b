// Network checks for status pages: each distinct URL once, under a global and a per-host limit,
// reported at every place it appears. Off-limits hops become `status-page-url`, failures `status-page-dead`.
import { setMaxListeners } from 'node:events';
import type { buildConnector as BuildConnector } from 'undici';
import type { VigilConfig } from '../config/types.js';
import type { Finding, CheckedDocument } from '../types.js';
import { extractStatusPages, type LinkTarget } from './extract.js';
import { guardedLookup, type Resolver } from './guard.js';
import { forEachByHost, HostLimiter } from './limiter.js';
import { probeUrl } from './probe.js';
import { describeOutcome, formatDuration, ruleForOutcome, type LinkResult } from './status.js';

export interface LinkProgress {
  done: number;
  total: number;
  inFlight: number;
  failures: number;
}

export interface LinkCheckOptions {
  timeoutMs: number;
  concurrency: number;
  allowHosts: string[];
  /** Requests in flight to one host at a time. */
  perHost: number;
  maxRedirects: number;
  retries: number;
  /** Retries that may follow a timeout (each costs a whole timeout). */
  timeoutRetries: number;
  backoffMs: number;
  maxRetryAfterMs: number;
  /** The whole network check's time; URLs not finished by then are reported as not checked. */
  budgetMs: number;
  /** Ends the check early, like a spent budget (a caller's Ctrl-C; tests, to stop at an exact point). */
  stop?: AbortSignal;
  /** Waits out a backoff or a Retry-After; tests record the waits instead of sleeping. */
  wait?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** DNS; tests inject a fake so no real query is made. */
  resolve?: Resolver;
  userAgent: string;
  onProgress?: (progress: LinkProgress) => void;
}

export const LINK_DEFAULTS = {
  perHost: 2,
  maxRedirects: 5,
  retries: 2,
  timeoutRetries: 1,
  backoffMs: 500,
  maxRetryAfterMs: 30_000,
  budgetMs: 120_000,
  userAgent: 'vigil-status-page-check/1',
} as const;

export function linkOptions(config: VigilConfig, overrides: Partial<LinkCheckOptions> = {}): LinkCheckOptions {
  return {
    ...LINK_DEFAULTS,
    timeoutMs: config.links.timeoutMs,
    concurrency: config.links.concurrency,
    allowHosts: config.links.allowHosts,
    budgetMs: config.links.budgetMs ?? LINK_DEFAULTS.budgetMs,
    ...overrides,
  };
}

/** setTimeout that ends early when `signal` fires. */
export function abortableWait(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

/** Checks each URL (give them distinct) and returns one result per URL, in the same order. */
export async function checkLinks(urls: string[], options: LinkCheckOptions): Promise<LinkResult[]> {
  const progress: LinkProgress = { done: 0, total: urls.length, inFlight: 0, failures: 0 };
  const report = (): void => {
    progress.inFlight = limiter.inFlight;
    options.onProgress?.({ ...progress });
  };
  const limiter = new HostLimiter(options.concurrency, options.perHost, report);
  // Loaded here, not at the top: offline checks and the site build never need the HTTP client.
  const { Agent, buildConnector, request } = await import('undici');
  // One connector per port, so the guard after DNS knows the port an allow_hosts entry may name.
  const connectors = new Map<number, BuildConnector.connector>();
  const dispatcher = new Agent({
    connections: options.perHost,
    pipelining: 1,
    keepAliveTimeout: 4_000,
    headersTimeout: options.timeoutMs,
    bodyTimeout: options.timeoutMs,
    connect: (target, callback) => {
      const port = Number(target.port) || (target.protocol === 'https:' ? 443 : 80);
      let connector = connectors.get(port);
      if (!connector) {
        connector = buildConnector({ timeout: options.timeoutMs, lookup: guardedLookup(options.allowHosts, options.resolve, port) });
        connectors.set(port, connector);
      }
      connector(target, callback);
    },
  });
  // One signal for "stop now": the budget's own timer, or the caller's stop.
  const budgetController = new AbortController();
  // Every request in flight and every backoff listens to it, each until it is done: up to twice
  // the concurrency at once, never a leak, so Node's warning past 10 listeners would be a false alarm.
  setMaxListeners(0, budgetController.signal);
  let budgetSpent = false;
  const budgetTimer = setTimeout(() => {
    budgetSpent = true;
    budgetController.abort();
  }, options.budgetMs);
  const onStop = (): void => budgetController.abort();
  if (options.stop?.aborted) onStop();
  options.stop?.addEventListener('abort', onStop, { once: true });
  const budgetReason = (): string =>
    budgetSpent ? `the network check used up its ${formatDuration(options.budgetMs)} budget first (links.budget in the config)` : 'the network check was stopped first';
  const settings = { ...options, dispatcher, request, limiter, budget: budgetController.signal, budgetReason, wait: options.wait ?? abortableWait };
  const results: LinkResult[] = new Array(urls.length);
  const parsed = urls.map((raw) => ({ raw, url: URL.parse(raw) }));
  try {
    report();
    // Twice the concurrency in progress, so URLs waiting out a backoff don't leave slots idle.
    await forEachByHost(parsed, ({ url }) => url?.hostname ?? '', options.concurrency * 2, options.perHost, async ({ raw, url }, index) => {
      const result = url
        ? await probeUrl(url, settings).catch((error: Error) => failedProbe(url.href, `Vigil could not check this URL (${error.message}); please report this`))
        : failedProbe(raw, `"${raw}" is not an absolute URL`);
      results[index] = result;
      progress.done++;
      if (result.outcome.kind !== 'ok') progress.failures++;
      report();
    });
    return results;
  } finally {
    clearTimeout(budgetTimer);
    options.stop?.removeEventListener('abort', onStop);
    await dispatcher.destroy().catch(() => undefined);
  }
}

/** A URL that could not be checked; a bug in the checker must not cost the other URLs their results. */
function failedProbe(url: string, message: string): LinkResult {
  return { url, outcome: { kind: 'error', message }, redirects: [], finalUrl: url, requests: [], elapsedMs: 0 };
}

export interface LinkReport {
  target: LinkTarget;
  result: LinkResult;
}

/** Every distinct status-page URL in the documents, checked, with where each appears. */
export async function checkStatusPageLinks(
  docs: CheckedDocument[],
  config: VigilConfig,
  overrides: Partial<LinkCheckOptions> = {},
): Promise<LinkReport[]> {
  const options = linkOptions(config, overrides);
  const targets = extractStatusPages(docs, options.allowHosts);
  const results = await checkLinks(
    targets.map((target) => target.url),
    options,
  );
  return targets.map((target, index) => ({ target, result: results[index] }));
}

export interface LinkFinding extends Finding {
  rule: 'status-page-dead' | 'status-page-url';
}

/** Findings for every place a failing status page appears, tagged with the rule they belong to. */
export function linkFindings(reports: LinkReport[]): LinkFinding[] {
  const findings: LinkFinding[] = [];
  for (const { target, result } of reports) {
    const rule = ruleForOutcome(result.outcome);
    if (!rule) continue;
    const message = `status page ${target.url}: ${describeOutcome(result)}`;
    for (const place of target.occurrences) findings.push({ rule, path: place.path, line: place.line, column: place.column, message });
  }
  return findings;
}

export async function checkStatusPages(
  docs: CheckedDocument[],
  config: VigilConfig,
  onProgress?: (progress: LinkProgress) => void,
  overrides: Partial<LinkCheckOptions> = {},
): Promise<LinkFinding[]> {
  return linkFindings(await checkStatusPageLinks(docs, config, { onProgress, ...overrides }));
}
