import { boundedMemo } from '../memo.js';
import { checkUrlSyntax } from '../links/address.js';
import type { Finding, Rule } from '../types.js';
import { fieldPosition } from './position.js';

// Status page URLs repeat across documents (a shared provider's page): each is judged once per
// allow-list (the config's array, as address.ts keys its parsed lists), up to a bound.
// The value is the reason a URL is refused, or null when it passes.
const verdicts = new WeakMap<string[], (url: string) => string | null>();

function refusal(url: string, allowHosts: string[]): string | null {
  let judge = verdicts.get(allowHosts);
  if (!judge) {
    judge = boundedMemo((key) => {
      const verdict = checkUrlSyntax(key, allowHosts);
      return verdict.ok ? null : verdict.reason;
    }, 20_000);
    verdicts.set(allowHosts, judge);
  }
  return judge(url);
}

export const rule: Rule = {
  id: 'status-page-url',
  defaultSeverity: 'error',
  description: 'A status page URL must be absolute http(s), without credentials, and must not point at or resolve to a loopback, private or link-local address.',
  tags: ['status-pages'],
  scope: 'document',
  checkDocument(doc, { config }) {
    const pages = doc.record.status_pages;
    if (pages.length === 0) return [];
    const findings: Finding[] = [];
    pages.forEach((page, index) => {
      if (!page.url) return; // a missing url is the schema rule's to report
      const reason = refusal(page.url, config.links.allowHosts);
      if (reason !== null) findings.push({ ...fieldPosition(doc, `/status_pages/${index}/url`), message: reason });
    });
    return findings;
  },
};
