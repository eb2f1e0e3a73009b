// The controls page lists at most a few documents under a control; the browser re-judges the
// control's verdict from the listed ones only, so the choice must give the same verdict as all
// of them would, on the build date and on every later date.
import { expect, test } from 'vitest';
import type { DocumentRecord } from '../core/index.js';
import { controlVerdict } from '../core/controls/verdict.js';
import { addCycle, addDays, statusOn, withProblems } from '../core/dates.js';
import { CONTROL_DOCUMENTS_LISTED, documentsToList } from './controls.js';

function record(index: number, overrides: Partial<DocumentRecord>): DocumentRecord {
  const slug = `policies/p${String(index).padStart(4, '0')}`;
  return {
    path: `content/${slug}.md`, relPath: `${slug}.md`, slug, id: null, type: 'policy', title: `P${index}`, owner: 'Team', version: null, effective: null,
    lifecycle: 'active', last_reviewed: '2026-01-01', review_cycle: 'annual', next_review: '2027-01-01', expires: null, status: 'current',
    controls: ['ISO27001:A.5.1'], escalation: [], status_pages: [], last_exercised: null, exercise_cycle: null, next_exercise: null,
    covers: [], alerts: [], reviewed_by: null, content_changed: null, ...overrides,
  };
}

const BUILT_ON = '2026-11-26';
const rejudged = (records: readonly DocumentRecord[], today: string): string[] =>
  records.map((r) => withProblems(statusOn({ lifecycle: r.lifecycle, nextReview: r.next_review, expires: r.expires }, today, 30), (r.problems?.length ?? 0) > 0));

test('few documents are all listed, in their order', () => {
  const records = [record(1, {}), record(2, { status: 'overdue', next_review: '2026-01-01' })];
  expect(documentsToList(records)).toEqual({ listed: records, more: 0 });
});

test('many documents: at most the limit listed, and the verdict from them equals the verdict from all, on every later date', () => {
  // 60 documents: current ones due on many different days (some expiring first), overdue, draft and retired ones.
  const records = Array.from({ length: 60 }, (_, i) => {
    if (i % 10 === 0) return record(i, { status: 'overdue', next_review: '2026-02-01' });
    if (i % 10 === 1) return record(i, { lifecycle: 'draft', status: 'draft', next_review: null });
    if (i % 10 === 2) return record(i, { lifecycle: 'retired', status: 'retired' });
    const nextReview = addCycle('2026-12-01', { months: i, days: 0, text: '' });
    return record(i, { next_review: nextReview, expires: i % 7 === 0 ? '2027-02-01' : null, status: i < 5 ? 'due-soon' : 'current' });
  });
  const { listed, more } = documentsToList(records);
  expect(listed).toHaveLength(CONTROL_DOCUMENTS_LISTED);
  expect(more).toBe(records.length - CONTROL_DOCUMENTS_LISTED);
  // Listed by title order, as the full list is.
  expect(listed.map((r) => records.indexOf(r))).toEqual([...listed.map((r) => records.indexOf(r))].sort((a, b) => a - b));
  const verdicts = new Set<string>();
  for (let day = 0; day < 365 * 8; day += 5) {
    const today = addDays(BUILT_ON, day);
    const all = controlVerdict(rejudged(records, today), false);
    verdicts.add(all);
    expect(controlVerdict(rejudged(listed, today), false), today).toBe(all);
  }
  // The dates above take the control from covered to a gap.
  expect([...verdicts].sort()).toEqual(['covered', 'stale']);
});
