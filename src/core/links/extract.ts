// Documents → the distinct status-page URLs to check, each with every place it appears.
import type { Position } from '../parse/frontmatter.js';
import { fieldPosition } from '../rules/position.js';
import type { CheckedDocument } from '../types.js';
import { checkUrlSyntax } from './address.js';
import { urlKey } from './probe.js';

export interface LinkOccurrence extends Position {
  /** Document path as shown in diagnostics. */
  path: string;
  /** The status page's `name`. */
  name: string;
  /** The URL as written. */
  written: string;
}

export interface LinkTarget {
  /** Normalised URL without fragment: what is requested, once. */
  url: string;
  occurrences: LinkOccurrence[];
}

/**
 * Status-page URLs that pass the syntactic guard, grouped by normalised URL in first-seen order.
 * URLs that fail it are the `status-page-url` rule's to report and are never requested.
 */
export function extractStatusPages(docs: CheckedDocument[], allowHosts: string[]): LinkTarget[] {
  const targets = new Map<string, LinkTarget>();
  for (const doc of docs) {
    doc.record.status_pages.forEach((page, index) => {
      if (!page.url) return;
      const verdict = checkUrlSyntax(page.url, allowHosts);
      if (!verdict.ok) return;
      const url = urlKey(verdict.url);
      let target = targets.get(url);
      if (!target) targets.set(url, (target = { url, occurrences: [] }));
      const position = fieldPosition(doc, `/status_pages/${index}/url`);
      target.occurrences.push({ path: doc.path, line: position.line, column: position.column, name: page.name, written: page.url });
    });
  }
  return [...targets.values()];
}
