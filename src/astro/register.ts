// The register of every document, as table rows, CSV and JSON. Every value comes from the
// core's DocumentRecord; nothing is re-derived here.
import type { DocumentRecord, IsoDate } from '../core/index.js';
import { toCsv } from '../core/csv.js';

// `as_of` is the day the statuses were judged for: a downloaded file is read days later.
export const REGISTER_COLUMNS = ['id', 'title', 'type', 'owner', 'status', 'version', 'last_reviewed', 'reviewed_by', 'content_changed', 'next_review', 'expires', 'controls', 'path', 'as_of'] as const;

/** Excel reads a CSV without a byte-order mark as the machine's legacy code page and garbles non-ASCII owners. */
export const UTF8_BOM = '\uFEFF';

export function sortForRegister(records: readonly DocumentRecord[]): DocumentRecord[] {
  return [...records].sort((a, b) => (a.id ?? '\uffff').localeCompare(b.id ?? '\uffff') || a.title.localeCompare(b.title) || a.slug.localeCompare(b.slug));
}

export function registerCsv(records: readonly DocumentRecord[], asOf: IsoDate | null = null): string {
  const rows = sortForRegister(records).map((record) => [
    record.id,
    record.title,
    record.type,
    record.owner,
    record.status,
    record.version,
    record.last_reviewed,
    record.reviewed_by,
    record.content_changed,
    record.next_review,
    record.expires,
    record.controls.join(' '),
    record.relPath,
    asOf,
  ]);
  return UTF8_BOM + toCsv([[...REGISTER_COLUMNS], ...rows]);
}

export interface RegisterJson {
  /** The day the statuses were judged for. */
  now: IsoDate;
  documents: Array<
    Pick<DocumentRecord, 'id' | 'title' | 'type' | 'owner' | 'status' | 'lifecycle' | 'version' | 'last_reviewed' | 'reviewed_by' | 'content_changed' | 'review_cycle' | 'next_review' | 'expires' | 'controls'> & {
      path: string;
      url: string;
      /** What makes the document incomplete, in plain words (the core's record.problems). */
      problems: string[];
    }
  >;
}

export function registerJson(records: readonly DocumentRecord[], now: IsoDate, urlFor: (record: DocumentRecord) => string): RegisterJson {
  return {
    now,
    documents: sortForRegister(records).map((record) => ({
      id: record.id,
      title: record.title,
      type: record.type,
      owner: record.owner,
      status: record.status,
      lifecycle: record.lifecycle,
      version: record.version,
      last_reviewed: record.last_reviewed,
      reviewed_by: record.reviewed_by,
      content_changed: record.content_changed,
      review_cycle: record.review_cycle,
      next_review: record.next_review,
      expires: record.expires,
      controls: record.controls,
      path: record.relPath,
      url: urlFor(record),
      problems: (record.problems ?? []).map((problem) => problem.text),
    })),
  };
}
