import type { CheckResult } from '../../core/index.js';

/** The JSON shape the spec gives: now, documents, diagnostics, summary. */
export function formatJson(result: CheckResult): string {
  const documents = result.documents.map((doc) => ({
    path: doc.path,
    id: doc.id,
    type: doc.type,
    title: doc.title,
    owner: doc.owner,
    last_reviewed: doc.last_reviewed,
    next_review: doc.next_review,
    expires: doc.expires,
    status: doc.status,
  }));
  const diagnostics = result.diagnostics.map(({ rule, severity, path, line, column, message }) => ({ rule, severity, path, line, column, message }));
  return `${JSON.stringify({ now: result.now, documents, diagnostics, summary: result.summary }, null, 2)}\n`;
}
