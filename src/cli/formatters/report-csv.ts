// `vigil report --format csv`: RFC 4180 (CRLF, quoted where needed), safe to open in a spreadsheet.
import { toCsv, type CsvCell } from '../../core/csv.js';
import type { DueReport } from '../../core/index.js';
import type { DocumentLink } from './report-markdown.js';

const COLUMNS = [
  'owner', 'status', 'reasons', 'path', 'id', 'title', 'type',
  'last_reviewed', 'next_review', 'days_to_review', 'expires', 'days_to_expiry', 'link',
] as const;

export function formatReportCsv(report: DueReport, link: DocumentLink): string {
  const rows: CsvCell[][] = [[...COLUMNS]];
  for (const group of report.owners) {
    for (const doc of group.documents) {
      rows.push([
        doc.owner, doc.status, doc.reasons.join(' '), doc.path, doc.id, doc.title, doc.type,
        doc.last_reviewed, doc.next_review, doc.days_to_review, doc.expires, doc.days_to_expiry, link(doc),
      ]);
    }
  }
  return toCsv(rows);
}
