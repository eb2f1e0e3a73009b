// `vigil report --format json`: the core's report, with a link for each document.
import type { DueReport } from '../../core/index.js';
import type { DocumentLink } from './report-markdown.js';

export function formatReportJson(report: DueReport, link: DocumentLink): string {
  const owners = report.owners.map((group) => ({
    owner: group.owner,
    documents: group.documents.map((doc) => ({ ...doc, link: link(doc) })),
  }));
  return `${JSON.stringify({ ...report, owners }, null, 2)}\n`;
}
