import { checkUrlSyntax } from '../links/address.js';
import type { Finding, Rule } from '../types.js';
import { fieldPosition } from './position.js';

export const rule: Rule = {
  id: 'status-page-url',
  defaultSeverity: 'error',
  description: 'A status page URL must be absolute http(s), without credentials, and must not point at or resolve to a loopback, private or link-local address.',
  tags: ['status-pages'],
  scope: 'document',
  checkDocument(doc, { config }) {
    const findings: Finding[] = [];
    doc.record.status_pages.forEach((page, index) => {
      if (!page.url) return; // a missing url is the schema rule's to report
      const verdict = checkUrlSyntax(page.url, config.links.allowHosts);
      if (!verdict.ok) findings.push({ ...fieldPosition(doc, `/status_pages/${index}/url`), message: verdict.reason });
    });
    return findings;
  },
};
