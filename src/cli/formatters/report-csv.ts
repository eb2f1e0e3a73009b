// `vigil report --format csv`: RFC 4180 (CRLF, quoted where needed), safe to open in a spreadsheet.
import type { DueReport } from '../../core/index.js';
import type { DocumentLink } from './report-markdown.js';

type Cell = string | number | null;

const COLUMNS = [
  'owner', 'status', 'reasons', 'path', 'id', 'title', 'type',
  'last_reviewed', 'next_review', 'days_to_review', 'expires', 'days_to_expiry', 'link',
] as const;

// A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text cells that could run as a formula get a leading apostrophe; numbers are written as numbers. */
export function csvCell(value: Cell): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(value) : FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function formatReportCsv(report: DueReport, link: DocumentLink): string {
  const rows: Cell[][] = [[...COLUMNS]];
  for (const group of report.owners) {
    for (const doc of group.documents) {
      rows.push([
        doc.owner, doc.status, doc.reasons.join(' '), doc.path, doc.id, doc.title, doc.type,
        doc.last_reviewed, doc.next_review, doc.days_to_review, doc.expires, doc.days_to_expiry, link(doc),
      ]);
    }
  }
  return rows.map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}
