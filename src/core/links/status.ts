// What happened to one status-page URL, as data (like lychee's status type), and the words for it.
import { STATUS_CODES } from 'node:http';

export type LinkOutcome =
  | { kind: 'ok'; status: number }
  | { kind: 'http-error'; status: number; retryAfterMs?: number }
  | { kind: 'timeout'; afterMs: number }
  | { kind: 'refused' }
  | { kind: 'reset' }
  | { kind: 'dns'; code: string }
  | { kind: 'tls'; code: string }
  | { kind: 'redirect-loop'; to: string }
  | { kind: 'too-many-redirects'; limit: number }
  | { kind: 'redirect-invalid'; location: string }
  /** Off limits: the URL itself or a redirect hop (`hop` > 0), judged before connecting. */
  | { kind: 'blocked'; url: string; hop: number; reason: string }
  /** Never finished: the network check's total budget ran out first (`reason` says which). */
  | { kind: 'unchecked'; reason: string }
  | { kind: 'error'; message: string };

export type LinkKind = LinkOutcome['kind'];

/** One request sent (or refused before sending), in order. */
export interface LinkRequest {
  method: 'HEAD' | 'GET';
  url: string;
  status?: number;
  /** What went wrong when there was no response. */
  failure?: LinkKind;
}

export interface LinkResult {
  /** The URL checked (normalised, without fragment). */
  url: string;
  outcome: LinkOutcome;
  /** Redirects followed, in order. */
  redirects: Array<{ from: string; status: number; to: string }>;
  /** Where the check ended. */
  finalUrl: string;
  requests: LinkRequest[];
  elapsedMs: number;
}

/**
 * The rule a failed check belongs to: an off-limits hop is a URL problem, anything else a dead
 * page. A page left unchecked when the budget ran out is reported too, never passed in silence.
 */
export function ruleForOutcome(outcome: LinkOutcome): 'status-page-url' | 'status-page-dead' | null {
  if (outcome.kind === 'ok') return null;
  return outcome.kind === 'blocked' ? 'status-page-url' : 'status-page-dead';
}

export function statusLine(status: number): string {
  const text = STATUS_CODES[status];
  return text ? `${status} ${text}` : `${status}`;
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}

/** One line that says what happened: `404 Not Found`, `timeout after 10 s`, `blocked: resolves to …`. */
export function describeOutcome(result: LinkResult): string {
  const outcome = result.outcome;
  const attempts = result.requests.filter((request) => request.url === result.finalUrl).length;
  const tries = attempts > 1 ? ` (${attempts} attempts)` : '';
  const via = result.redirects.length > 0 ? ` at ${result.finalUrl}` : '';
  switch (outcome.kind) {
    case 'ok':
      return result.redirects.length > 0
        ? `${statusLine(outcome.status)}, redirected to ${result.finalUrl} (${result.redirects.map((r) => r.status).join(', ')})`
        : statusLine(outcome.status);
    case 'http-error': {
      const wait = outcome.retryAfterMs !== undefined ? `; asked to retry after ${formatDuration(outcome.retryAfterMs)}, longer than Vigil waits` : '';
      return `${statusLine(outcome.status)}${via}${tries}${wait}`;
    }
    case 'timeout':
      return `timeout after ${formatDuration(outcome.afterMs)}${via}${tries}`;
    case 'refused':
      return `connection refused${via}${tries}`;
    case 'reset':
      return `connection reset${via}${tries}`;
    case 'dns':
      return `host not found (${outcome.code})${via}`;
    case 'tls':
      return `TLS error (${outcome.code})${via}`;
    case 'redirect-loop':
      return `redirect loop: ${[...result.redirects.map((r) => r.from), outcome.to].join(' → ')}`;
    case 'too-many-redirects':
      return `too many redirects (more than ${outcome.limit}): ${[result.url, ...result.redirects.map((r) => r.to)].join(' → ')}`;
    case 'redirect-invalid':
      return `redirect to an invalid location "${outcome.location}"${via}`;
    case 'blocked':
      return outcome.hop === 0 ? `blocked: ${outcome.reason}` : `redirect to ${outcome.url} blocked: ${outcome.reason}`;
    case 'unchecked':
      return `not checked: ${outcome.reason}`;
    case 'error':
      return `${outcome.message}${via}`;
  }
}
