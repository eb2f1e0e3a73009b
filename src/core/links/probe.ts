// Checks one URL: HEAD (GET when HEAD is refused), redirects one hop at a time with the guard
// re-applied at each, retries with backoff on 429, 5xx and resets, and a timeout at most once
// (a host that did not answer in time rarely answers the third time; lychee retries as sparingly).
// Everything stops when the run's budget signal fires: what was not finished is `unchecked`.
import type { Dispatcher, request as undiciRequest } from 'undici';
import { hostBlockReason } from './address.js';
import { BlockedAddressError } from './guard.js';
import type { HostLimiter } from './limiter.js';
import type { LinkOutcome, LinkRequest, LinkResult } from './status.js';

export interface ProbeSettings {
  dispatcher: Dispatcher;
  /** undici's `request`, passed in so the HTTP client loads only when a network check runs. */
  request: typeof undiciRequest;
  limiter: HostLimiter;
  allowHosts: string[];
  timeoutMs: number;
  maxRedirects: number;
  /** Retries after the first attempt. */
  retries: number;
  /** Of those, how many may follow a timeout: each one costs a whole timeout. */
  timeoutRetries: number;
  /** Fires when the network check's total budget is spent (or the run is stopped). */
  budget: AbortSignal;
  /** Why `budget` fired, for the URLs it left unchecked. */
  budgetReason: () => string;
  /** Waits `ms` (a backoff, a Retry-After); resolves early when `signal` fires. Tests record the waits instead. */
  wait: (ms: number, signal: AbortSignal) => Promise<void>;
  /** First backoff delay; doubles each retry. */
  backoffMs: number;
  /** The longest `Retry-After` Vigil waits; a longer one ends the check with the answer it got. */
  maxRetryAfterMs: number;
  userAgent: string;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

type Answer =
  | { kind: 'response'; status: number; location: string | null; retryAfterMs: number | null }
  | { kind: 'failure'; outcome: Exclude<LinkOutcome, { kind: 'ok' | 'http-error' }> };

/** A URL's identity for de-duplication and loop detection: normalised, no fragment. */
export function urlKey(url: URL): string {
  const copy = new URL(url.href);
  copy.hash = '';
  return copy.href;
}

export async function probeUrl(start: URL, settings: ProbeSettings): Promise<LinkResult> {
  const began = performance.now();
  const requests: LinkRequest[] = [];
  const redirects: LinkResult['redirects'] = [];
  const seen = new Set<string>([urlKey(start)]);
  let current = new URL(urlKey(start));
  const finish = (outcome: LinkOutcome): LinkResult => ({
    url: urlKey(start),
    outcome,
    redirects,
    finalUrl: current.href,
    requests,
    elapsedMs: performance.now() - began,
  });

  for (;;) {
    const blocked = hopBlock(current, settings.allowHosts);
    if (blocked) return finish({ kind: 'blocked', url: current.href, hop: redirects.length, reason: blocked });
    const answer = await askWithRetries(current, settings, requests);
    if (answer.kind === 'failure') {
      const outcome = answer.outcome;
      if (outcome.kind === 'blocked') return finish({ ...outcome, url: current.href, hop: redirects.length });
      return finish(outcome);
    }
    const { status } = answer;
    if (REDIRECTS.has(status) && answer.location !== null) {
      let next: URL;
      try {
        next = new URL(answer.location, current);
      } catch {
        return finish({ kind: 'redirect-invalid', location: answer.location });
      }
      redirects.push({ from: current.href, status, to: next.href });
      const key = urlKey(next);
      if (seen.has(key)) return finish({ kind: 'redirect-loop', to: next.href });
      if (redirects.length > settings.maxRedirects) return finish({ kind: 'too-many-redirects', limit: settings.maxRedirects });
      seen.add(key);
      current = new URL(key);
      continue;
    }
    if (status >= 200 && status < 300) return finish({ kind: 'ok', status });
    const tooLong = answer.retryAfterMs !== null && answer.retryAfterMs > settings.maxRetryAfterMs;
    return finish({ kind: 'http-error', status, ...(tooLong ? { retryAfterMs: answer.retryAfterMs! } : {}) });
  }
}

/** Scheme, credentials and literal addresses of a hop, before anything is sent to it. */
function hopBlock(url: URL, allowHosts: string[]): string | null {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `${url.protocol.slice(0, -1)} is not http or https`;
  if (url.username || url.password) return 'the URL carries credentials';
  return hostBlockReason(url, allowHosts);
}

async function askWithRetries(url: URL, settings: ProbeSettings, log: LinkRequest[]): Promise<Answer> {
  let method: 'HEAD' | 'GET' = 'HEAD';
  let timeoutRetries = 0;
  for (let retry = 0; ; ) {
    const answer = await askOnce(url, method, settings, log);
    if (answer.kind === 'response' && method === 'HEAD' && (answer.status === 405 || answer.status === 501)) {
      method = 'GET'; // the server does not do HEAD: ask again with GET, which is not a retry
      continue;
    }
    if (!isRetryable(answer) || retry >= settings.retries) return answer;
    if (answer.kind === 'failure' && answer.outcome.kind === 'timeout' && timeoutRetries++ >= settings.timeoutRetries) return answer;
    let delay = settings.backoffMs * 2 ** retry * (1 + Math.random() * 0.2);
    if (answer.kind === 'response' && answer.retryAfterMs !== null) {
      if (answer.retryAfterMs > settings.maxRetryAfterMs) return answer;
      delay = Math.max(answer.retryAfterMs, 0);
    }
    retry++;
    await settings.wait(delay, settings.budget);
    if (settings.budget.aborted) return unchecked(settings);
  }
}

function unchecked(settings: ProbeSettings): Answer {
  return { kind: 'failure', outcome: { kind: 'unchecked', reason: settings.budgetReason() } };
}

function isRetryable(answer: Answer): boolean {
  if (answer.kind === 'response') return answer.status === 429 || answer.status >= 500;
  return answer.outcome.kind === 'timeout' || answer.outcome.kind === 'reset';
}

/** One request under the limits and a timeout; the body of a GET is dropped unread. */
async function askOnce(url: URL, method: 'HEAD' | 'GET', settings: ProbeSettings, log: LinkRequest[]): Promise<Answer> {
  if (settings.budget.aborted) return unchecked(settings);
  const release = await settings.limiter.acquire(url.hostname);
  // The slot may have come after the budget ran out: then no request is sent at all.
  if (settings.budget.aborted) {
    release();
    return unchecked(settings);
  }
  const entry: LinkRequest = { method, url: url.href };
  log.push(entry);
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, settings.timeoutMs);
  const stop = (): void => controller.abort();
  settings.budget.addEventListener('abort', stop, { once: true });
  try {
    const response = await settings.request(url, {
      dispatcher: settings.dispatcher,
      method,
      signal: controller.signal,
      headers: { 'user-agent': settings.userAgent, accept: 'text/html,application/json;q=0.9,*/*;q=0.8' },
    });
    // Only the status matters: a HEAD body is empty; a GET body is cut off before it is read.
    if (method === 'HEAD') await response.body.dump().catch(() => undefined);
    else response.body.on('error', () => undefined).destroy(); // destroying reports an abort: expected
    entry.status = response.statusCode;
    return {
      kind: 'response',
      status: response.statusCode,
      location: header(response.headers.location),
      retryAfterMs: parseRetryAfter(header(response.headers['retry-after'])),
    };
  } catch (error) {
    const outcome = timedOut
      ? ({ kind: 'timeout', afterMs: settings.timeoutMs } as const)
      : settings.budget.aborted
        ? ({ kind: 'unchecked', reason: settings.budgetReason() } as const)
        : classifyError(error, settings.timeoutMs);
    entry.failure = outcome.kind;
    return { kind: 'failure', outcome };
  } finally {
    clearTimeout(timer);
    settings.budget.removeEventListener('abort', stop);
    release();
  }
}

function header(value: string | string[] | undefined): string | null {
  if (value === undefined) return null;
  return Array.isArray(value) ? (value[0] ?? null) : value;
}

/** `Retry-After: 120` or an HTTP date → milliseconds from now; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (value === null) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT']);
const RESET_CODES = new Set(['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE', 'ECONNABORTED']);
const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NODATA', 'ENODATA']);

function classifyError(error: unknown, timeoutMs: number): Extract<Answer, { kind: 'failure' }>['outcome'] {
  const cause = innermost(error);
  if (cause instanceof BlockedAddressError) {
    return { kind: 'blocked', url: '', hop: 0, reason: `resolves to ${cause.address} (${cause.kind})` };
  }
  const code = String((cause as NodeJS.ErrnoException).code ?? '');
  if (code === 'ECONNREFUSED') return { kind: 'refused' };
  if (RESET_CODES.has(code)) return { kind: 'reset' };
  if (TIMEOUT_CODES.has(code)) return { kind: 'timeout', afterMs: timeoutMs };
  if (DNS_CODES.has(code)) return { kind: 'dns', code };
  if (/CERT|TLS|SSL|SELF_SIGNED|ALTNAME/i.test(code)) return { kind: 'tls', code };
  return { kind: 'error', message: (cause as Error).message || String(cause) };
}

/** undici and net wrap causes (`fetch failed`, AggregateError from happy eyeballs): find the real one. */
function innermost(error: unknown): unknown {
  let current = error;
  for (let depth = 0; depth < 5; depth++) {
    if (current instanceof BlockedAddressError) return current;
    if (current instanceof AggregateError && current.errors.length > 0) {
      current = current.errors.find((e) => e instanceof BlockedAddressError) ?? current.errors[0];
      continue;
    }
    const next = (current as { cause?: unknown } | null)?.cause;
    if (!next || (current as NodeJS.ErrnoException).code) break;
    current = next;
  }
  return current;
}
