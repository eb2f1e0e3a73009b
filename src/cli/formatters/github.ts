// `--format github`: GitHub Actions workflow commands (annotations on the PR diff) and the
// Markdown job summary. Pure: result in, text out; check.ts writes them.
import type { CheckResult, Diagnostic, DueReport } from '../../core/index.js';
import { markdownCode, markdownLink, markdownTable, markdownText, plural } from './markdown.js';
import { formatReportTables, summaryLine, type DocumentLink } from './report-markdown.js';

/** Escaping for a workflow command's message (as @actions/core does). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping for a property value: the message escapes plus `:` and `,`, which end a property. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function annotation(diagnostic: Diagnostic): string {
  const command = diagnostic.severity === 'error' ? 'error' : 'warning';
  const properties = [
    `file=${escapeProperty(diagnostic.path)}`,
    `line=${diagnostic.line}`,
    `col=${diagnostic.column}`,
    `title=${escapeProperty(diagnostic.rule)}`,
  ].join(',');
  return `::${command} ${properties}::${escapeData(diagnostic.message)}`;
}

/** One workflow command per diagnostic, then a plain summary line for the log. */
export function formatGithub(result: CheckResult): string {
  const { documents, errors, warnings } = result.summary;
  const lines = result.diagnostics.map(annotation);
  lines.push(`vigil: ${plural(documents, 'document')} checked, ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`);
  return `${lines.join('\n')}\n`;
}

export interface JobSummaryLinks {
  document: DocumentLink;
  rule(ruleId: string): string | undefined;
}

// A job summary may hold at most 1 MiB; a few hundred rows are all anyone reads.
const MAX_ERROR_ROWS = 300;
const MAX_DUE_ROWS = 200;

/** The first `limit` documents of a report, owners in the same order. */
function firstDocuments(report: DueReport, limit: number): DueReport {
  let left = limit;
  const owners = report.owners
    .map((group) => {
      const documents = group.documents.slice(0, Math.max(0, left));
      left -= documents.length;
      return { ...group, documents };
    })
    .filter((group) => group.documents.length > 0);
  return { ...report, owners };
}

/** The Markdown job summary: counts, errors by file, and documents falling due. */
export function formatJobSummary(result: CheckResult, due: DueReport, links: JobSummaryLinks): string {
  const { documents, errors, warnings } = result.summary;
  const verdict = errors > 0 ? `❌ ${plural(errors, 'error')}` : '✅ no errors';
  const parts = [
    `## Vigil check: ${verdict}`,
    markdownTable(['Documents', 'Errors', 'Warnings', 'Falling due'], [[String(documents), String(errors), String(warnings), String(due.summary.documents)]], ['right', 'right', 'right', 'right']),
  ];

  const errorList = result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  if (errorList.length > 0) {
    const files = new Set(errorList.map((diagnostic) => diagnostic.path)).size;
    const rows = errorList.slice(0, MAX_ERROR_ROWS).map((diagnostic) => {
      const help = links.rule(diagnostic.rule);
      return [
        markdownCode(diagnostic.path),
        `${diagnostic.line}:${diagnostic.column}`,
        help ? markdownLink(diagnostic.rule, help) : markdownCode(diagnostic.rule),
        markdownText(diagnostic.message),
      ];
    });
    parts.push(`### Errors by file (${plural(errorList.length, 'error')} in ${plural(files, 'file')})`);
    parts.push(markdownTable(['File', 'Line:col', 'Rule', 'Message'], rows));
    if (errorList.length > MAX_ERROR_ROWS) parts.push(`…and ${plural(errorList.length - MAX_ERROR_ROWS, 'more error')}; code scanning (SARIF) and \`vigil check\` list them all.`);
  }

  parts.push('### Documents falling due');
  if (due.summary.documents === 0) parts.push(`None within ${plural(due.within_days, 'day')}.`);
  else {
    parts.push(`${summaryLine(due)}\n\n${formatReportTables(firstDocuments(due, MAX_DUE_ROWS), links.document, 4)}`);
    if (due.summary.documents > MAX_DUE_ROWS) parts.push(`…and ${plural(due.summary.documents - MAX_DUE_ROWS, 'more document')}; run \`vigil report\` for the full list.`);
  }
  return `${parts.join('\n\n')}\n`;
}
