// The issue body says what is due and, for an incomplete document, what is wrong with it.
import { describe, expect, it } from 'vitest';
import { buildDueReport, type DocumentRecord } from '../../core/index.js';
import { describeDue, summaryLine } from './report-markdown.js';

const record = (over: Partial<DocumentRecord>): DocumentRecord =>
  ({
    path: 'content/runbooks/db.md', relPath: 'runbooks/db.md', slug: 'runbooks/db', id: 'RB-DB-01', type: 'runbook', title: 'Database failover',
    owner: 'Platform', version: null, effective: null, lifecycle: 'active', last_reviewed: '2025-10-01', review_cycle: 'annual',
    next_review: '2026-10-01', expires: null, status: 'overdue', controls: [], escalation: [], status_pages: [], last_exercised: null,
    exercise_cycle: null, next_exercise: null, ...over,
  }) as DocumentRecord;

describe('vigil report --format markdown', () => {
  it('names the problems of an incomplete document beside what is due, and counts them', () => {
    const incomplete = record({ status: 'incomplete', problems: [{ rule: 'escalation-empty', text: 'No primary on-call contact' }] } as Partial<DocumentRecord>);
    const report = buildDueReport([incomplete, record({ path: 'content/b.md', id: 'RB-B-01' })], '2026-12-02', 30);
    const first = report.owners[0].documents.find((doc) => doc.id === 'RB-DB-01')!;
    expect(describeDue(first)).toBe('review overdue by 62 days; incomplete: No primary on-call contact');
    expect(summaryLine(report)).toContain('2 overdue, 0 due for review, 0 expired, 0 expiring, 1 also incomplete');
  });

  it('says nothing of problems for a document that has none', () => {
    const report = buildDueReport([record({})], '2026-12-02', 30);
    expect(describeDue(report.owners[0].documents[0])).toBe('review overdue by 62 days');
    expect(summaryLine(report)).not.toContain('incomplete');
  });
});
