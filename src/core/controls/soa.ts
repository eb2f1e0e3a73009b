// The Statement of Applicability: each control of the catalogues in use, whether it applies
// (and why not), the documents that cover it with their status and next review, and the
// verdict. One shape for the CSV (the site's /soa.csv and `vigil report --soa`) and the JSON.
import { toCsv, type CsvCell } from '../csv.js';
import type { IsoDate, ReviewStatus } from '../dates.js';
import type { DocumentRecord } from '../types.js';
import { allControls, type ControlsCoverage, type CoverageCounts } from './coverage.js';
import type { ControlVerdict } from './verdict.js';

export interface SoaDocument {
  id: string | null;
  title: string;
  /** Under its content folder, e.g. `policies/incident-response.md`. */
  path: string;
  status: ReviewStatus;
  next_review: IsoDate | null;
}

export interface SoaRow {
  control: string;
  catalogue: string;
  theme: string;
  title: string;
  applicable: boolean;
  exclusion_reason: string | null;
  verdict: ControlVerdict;
  documents: SoaDocument[];
}

export interface Soa {
  now: IsoDate;
  catalogues: Array<{ prefix: string; name: string; summary: CoverageCounts }>;
  summary: CoverageCounts;
  controls: SoaRow[];
}

export const SOA_COLUMNS = ['control', 'catalogue', 'theme', 'title', 'applicable', 'exclusion_reason', 'verdict', 'documents', 'document_paths'] as const;

const soaDocument = (record: DocumentRecord): SoaDocument => ({
  id: record.id,
  title: record.title,
  path: record.relPath,
  status: record.status,
  next_review: record.next_review,
});

export function buildSoa(coverage: ControlsCoverage): Soa {
  const names = new Map(coverage.catalogues.map((catalogue) => [catalogue.prefix, catalogue.name]));
  return {
    now: coverage.now,
    catalogues: coverage.catalogues.map(({ prefix, name, summary }) => ({ prefix, name, summary })),
    summary: coverage.summary,
    controls: allControls(coverage).map((control) => ({
      control: control.ref,
      catalogue: names.get(control.prefix) ?? control.prefix,
      theme: control.theme,
      title: control.title,
      applicable: control.excludedReason === null,
      exclusion_reason: control.excludedReason,
      verdict: control.verdict,
      documents: control.documents.map(soaDocument),
    })),
  };
}

/** `RB-DB-01 Database failover (overdue, next review 2026-10-01)`. */
export function describeSoaDocument(doc: SoaDocument): string {
  const name = doc.id ? `${doc.id} ${doc.title}` : doc.title;
  return `${name} (${doc.status}, ${doc.next_review ? `next review ${doc.next_review}` : 'no next review'})`;
}

/** RFC 4180, one row per control, formula cells neutralised (see csv.ts). */
export function soaCsv(soa: Soa): string {
  const rows: CsvCell[][] = soa.controls.map((row) => [
    row.control,
    row.catalogue,
    row.theme,
    row.title,
    row.applicable ? 'yes' : 'no',
    row.exclusion_reason,
    row.verdict,
    row.documents.map(describeSoaDocument).join('; '),
    row.documents.map((doc) => doc.path).join(' '),
  ]);
  return toCsv([[...SOA_COLUMNS], ...rows]);
}
