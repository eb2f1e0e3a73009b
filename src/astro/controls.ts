// The controls page and the Statement of Applicability from the site's one core run: every
// control of the catalogues in use, its documents and its verdict (src/core/controls/).
// Imports the controls modules directly, not the core's index, so pages do not bundle the engine.
import { buildCoverage, type ControlsCoverage } from '../core/controls/coverage.js';
import { buildSoa, soaCsv } from '../core/controls/soa.js';
import type { DocumentRecord } from '../core/index.js';
import type { SiteRun } from './state.js';

export function siteCoverage(site: Pick<SiteRun, 'run' | 'now' | 'config'>): ControlsCoverage {
  return buildCoverage(site.run.documents, site.config.controls, site.now);
}

export function siteSoaCsv(site: Pick<SiteRun, 'run' | 'now' | 'config'>): string {
  return soaCsv(buildSoa(siteCoverage(site)));
}

/** A heading anchor from a catalogue prefix and a theme: `soc2-cc7-system-operations`. */
export function themeAnchor(prefix: string, theme: string): string {
  return `${prefix}-${theme}`.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

export const catalogueAnchor = (prefix: string): string => `catalogue-${themeAnchor(prefix, '')}`;

/**
 * At most this many documents are listed under one control, so the page stays small with
 * 10,000 documents (the register lists them all: `register/?q=<ref>`).
 */
export const CONTROL_DOCUMENTS_LISTED = 10;

/** The days a document keeps covering a control: until its next review or expiry, whichever is first. */
const coversUntil = (record: DocumentRecord): string => [record.next_review, record.expires].filter((date): date is string => !!date).sort()[0] ?? '9999-12-31';

/**
 * The documents to list under a control when there are too many: the covering ones that stay
 * current longest first, then one in force but stale, so that the browser, re-judging the verdict
 * from the listed statuses only, reaches the verdict it would reach from all of them. The chosen
 * ones are listed by title, as the full list is.
 */
export function documentsToList(documents: readonly DocumentRecord[], limit = CONTROL_DOCUMENTS_LISTED): { listed: DocumentRecord[]; more: number } {
  if (documents.length <= limit) return { listed: [...documents], more: 0 };
  const covering = documents.filter((record) => record.status === 'current' || record.status === 'due-soon').sort((a, b) => coversUntil(b).localeCompare(coversUntil(a)));
  const stale = documents.filter((record) => ['overdue', 'expired', 'incomplete'].includes(record.status));
  const rest = documents.filter((record) => !covering.includes(record) && !stale.includes(record));
  const chosen = new Set([...covering.slice(0, Math.max(1, limit - 1)), ...stale.slice(0, 1)]);
  for (const record of [...covering, ...stale, ...rest]) {
    if (chosen.size >= limit) break;
    chosen.add(record);
  }
  return { listed: documents.filter((record) => chosen.has(record)), more: documents.length - chosen.size };
}
