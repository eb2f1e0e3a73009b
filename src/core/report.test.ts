import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from './config/load.js';
import { checkDocuments } from './engine.js';
import { buildDueReport } from './report.js';
import type { DocumentRecord } from './types.js';

// Fixture dates are chosen against this day: see each document's frontmatter.
const NOW = '2026-11-26';
const fixture = path.join(import.meta.dirname, '__fixtures__/due-report');
let records: DocumentRecord[];

beforeAll(async () => {
  const config = await loadConfig(fixture);
  const result = await checkDocuments({ cwd: fixture, config, today: NOW, offline: true, workers: 0 });
  records = result.documents;
});

const listing = (report: ReturnType<typeof buildDueReport>) =>
  report.owners.map((group) => [group.owner, group.documents.map((doc) => `${doc.path} ${doc.reasons.join('+')}`)]);

describe('buildDueReport', () => {
  it('lists overdue, expired and due documents by owner, most urgent first', () => {
    const report = buildDueReport(records, NOW, 30);
    expect(listing(report)).toEqual([
      ["+cmd|' /C calc'!A0", ['content/policies/formula.md overdue']],
      ['Platform team', ['content/runbooks/db-failover.md overdue', 'content/runbooks/cache.md due']],
      ['Security', ['content/policies/retention.md expired', 'content/policies/access.md due']],
    ]);
    expect(report.summary).toEqual({ documents: 5, overdue: 2, due: 2, expired: 1, expiring: 0, incomplete: 0 });
    expect(report.until).toBe('2026-12-26');
  });

  it('counts days from the records\' own dates', () => {
    const docs = buildDueReport(records, NOW, 30).owners.flatMap((group) => group.documents);
    const byPath = new Map(docs.map((doc) => [doc.path, doc]));
    expect(byPath.get('content/runbooks/db-failover.md')).toMatchObject({ next_review: '2026-11-14', days_to_review: -12, status: 'overdue' });
    expect(byPath.get('content/runbooks/cache.md')).toMatchObject({ next_review: '2026-11-26', days_to_review: 0, status: 'due-soon' });
    expect(byPath.get('content/policies/retention.md')).toMatchObject({ expires: '2026-11-20', days_to_expiry: -6, status: 'expired' });
  });

  it('never lists draft, retired or comfortably current documents', () => {
    const paths = buildDueReport(records, NOW, 30).owners.flatMap((group) => group.documents.map((doc) => doc.path));
    for (const name of ['draft', 'retired']) expect(paths).not.toContain(`content/policies/${name}.md`);
    expect(paths).not.toContain('content/procedures/offboarding.md');
    expect(paths).not.toContain('content/procedures/onboarding.md');
  });

  it('widens and narrows with the window', () => {
    const wide = buildDueReport(records, NOW, 60);
    const onboarding = wide.owners.find((group) => group.owner === 'People Ops')?.documents;
    expect(onboarding?.map((doc) => [doc.path, doc.reasons, doc.days_to_expiry, doc.status])).toEqual([
      ['content/procedures/onboarding.md', ['expiring'], 45, 'current'],
    ]);
    const today = buildDueReport(records, NOW, 0);
    expect(listing(today).flatMap(([, docs]) => docs)).toEqual([
      'content/policies/formula.md overdue',
      'content/runbooks/db-failover.md overdue',
      'content/runbooks/cache.md due',
      'content/policies/retention.md expired',
    ]);
  });

  it('keeps both reasons when an expired document is also past its review', () => {
    const access = records.find((record) => record.path === 'content/policies/access.md')!;
    const stale: DocumentRecord = { ...access, status: 'expired', expires: '2026-11-01', next_review: '2026-10-01' };
    const [doc] = buildDueReport([stale], NOW, 30).owners[0].documents;
    expect(doc.reasons).toEqual(['expired', 'overdue']);
  });

  it('puts active documents without a review date first, and owners that are missing last', () => {
    const access = records.find((record) => record.path === 'content/policies/access.md')!;
    const undated: DocumentRecord = { ...access, path: 'content/z.md', status: 'overdue', last_reviewed: null, next_review: null };
    const orphan: DocumentRecord = { ...access, path: 'content/orphan.md', owner: null };
    const report = buildDueReport([access, orphan, undated], NOW, 30);
    expect(listing(report)).toEqual([
      ['Security', ['content/z.md overdue', 'content/policies/access.md due']],
      [null, ['content/orphan.md due']],
    ]);
  });
});
