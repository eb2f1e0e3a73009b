// Which documents need attention within a window, grouped by owner. Pure: records in, data out.
// Statuses come from the records as the engine judged them; only day counts are computed here.
import { addDays, daysBetween, statusOn, type IsoDate, type ReviewStatus } from './dates.js';
import type { DocumentRecord } from './types.js';

/** Why a document is in the report. A document can have more than one reason. */
export type DueReason = 'overdue' | 'due' | 'expired' | 'expiring';

export interface DueDocument {
  path: string;
  slug: string;
  id: string | null;
  type: string | null;
  title: string;
  owner: string | null;
  status: ReviewStatus;
  reasons: DueReason[];
  last_reviewed: IsoDate | null;
  next_review: IsoDate | null;
  /** Days from `now` to the next review; negative when overdue, null without a review date. */
  days_to_review: number | null;
  expires: IsoDate | null;
  days_to_expiry: number | null;
  /** When the status is `incomplete`: what is wrong, in plain words (the engine's record.problems). */
  problems: string[];
}

export interface OwnerGroup {
  /** null when the document names no owner. */
  owner: string | null;
  documents: DueDocument[];
}

export interface DueReport {
  now: IsoDate;
  within_days: number;
  /** Last day of the window (now + within_days). */
  until: IsoDate;
  /** `incomplete`: documents in the report that also have problems not about dates (a missing contact, a dead status page). */
  summary: { documents: number; overdue: number; due: number; expired: number; expiring: number; incomplete: number };
  owners: OwnerGroup[];
}

/** Draft and retired documents have no review obligation, so they never fall due. */
const OUT_OF_SCOPE: ReadonlySet<ReviewStatus> = new Set(['draft', 'retired']);

export function buildDueReport(documents: readonly DocumentRecord[], now: IsoDate, withinDays: number): DueReport {
  const due: DueDocument[] = [];
  for (const record of documents) {
    if (OUT_OF_SCOPE.has(record.status)) continue;
    const daysToReview = record.next_review ? daysBetween(now, record.next_review) : null;
    const daysToExpiry = record.expires ? daysBetween(now, record.expires) : null;
    const reasons: DueReason[] = [];
    // `incomplete` outranks overdue in the status: ask the dates alone whether it is overdue as well.
    const byDates = record.status === 'incomplete' ? statusOn({ lifecycle: record.lifecycle, nextReview: record.next_review, expires: record.expires }, now, 0) : record.status;
    if (record.status === 'expired') reasons.push('expired');
    else if (daysToExpiry !== null && daysToExpiry <= withinDays) reasons.push('expiring');
    if (byDates === 'overdue') reasons.push('overdue');
    else if (daysToReview !== null && daysToReview <= withinDays) reasons.push(daysToReview < 0 ? 'overdue' : 'due');
    if (reasons.length === 0) continue;
    due.push({
      path: record.path,
      slug: record.slug,
      id: record.id,
      type: record.type,
      title: record.title,
      owner: record.owner,
      status: record.status,
      reasons,
      last_reviewed: record.last_reviewed,
      next_review: record.next_review,
      days_to_review: daysToReview,
      expires: record.expires,
      days_to_expiry: daysToExpiry,
      problems: (record.problems ?? []).map((problem) => problem.text),
    });
  }
  const count = (reason: DueReason) => due.filter((doc) => doc.reasons.includes(reason)).length;
  return {
    now,
    within_days: withinDays,
    until: addDays(now, withinDays),
    summary: { documents: due.length, overdue: count('overdue'), due: count('due'), expired: count('expired'), expiring: count('expiring'), incomplete: due.filter((doc) => doc.status === 'incomplete').length },
    owners: groupByOwner(due),
  };
}

function groupByOwner(documents: DueDocument[]): OwnerGroup[] {
  const groups = new Map<string | null, DueDocument[]>();
  for (const doc of documents) {
    const owner = doc.owner?.trim() ? doc.owner : null;
    groups.set(owner, [...(groups.get(owner) ?? []), doc]);
  }
  return [...groups]
    .map(([owner, docs]) => ({ owner, documents: docs.sort(byUrgency) }))
    .sort((a, b) => compareOwners(a.owner, b.owner));
}

// Owners alphabetically, documents without an owner last.
function compareOwners(a: string | null, b: string | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return a.localeCompare(b, 'en', { sensitivity: 'base' }) || (a < b ? -1 : a > b ? 1 : 0);
}

// Most urgent first: the earliest day that matters (review or expiry), then by path.
function byUrgency(a: DueDocument, b: DueDocument): number {
  return urgency(a) - urgency(b) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}

function urgency(doc: DueDocument): number {
  // An active document with no review date is as urgent as it gets.
  const days = [doc.days_to_review ?? (doc.reasons.includes('overdue') ? Number.MIN_SAFE_INTEGER : Number.MAX_SAFE_INTEGER), doc.days_to_expiry ?? Number.MAX_SAFE_INTEGER];
  return Math.min(...days);
}
