// The review status rule, small enough to ship to the browser: no Node imports, no config.
// It MIRRORS `reviewState` in dates.ts (same rule order: retired, draft, expired, overdue,
// due-soon, current) but starts from the dates the build already computed, so a page can
// re-judge itself against the reader's date. clientStatus.test.ts checks the two agree.
import type { IsoDate, ReviewStatus } from './dates.js';

export interface StatusDates {
  lifecycle: 'draft' | 'active' | 'retired';
  /** The next review due, as the core computed it; null when it cannot be known. */
  nextReview: IsoDate | null;
  expires: IsoDate | null;
}

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function epochDay(date: IsoDate): number | null {
  const match = ISO_DATE.exec(date);
  if (!match) return null;
  return Math.floor(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS);
}

function daysFrom(today: IsoDate, date: IsoDate | null): number | null {
  if (!date) return null;
  const from = epochDay(today);
  const to = epochDay(date);
  return from === null || to === null ? null : to - from;
}

/** The status a document has on `today` (UTC `YYYY-MM-DD`), first rule that applies. */
export function statusOn(dates: StatusDates, today: IsoDate, warningWindowDays: number): ReviewStatus {
  if (dates.lifecycle === 'retired') return 'retired';
  if (dates.lifecycle === 'draft') return 'draft';
  const daysToExpiry = daysFrom(today, dates.expires);
  if (daysToExpiry !== null && daysToExpiry <= 0) return 'expired';
  const daysToReview = daysFrom(today, dates.nextReview);
  // As in dates.ts: an active document without a next review date is overdue, never current.
  if (daysToReview === null || daysToReview < 0) return 'overdue';
  if (daysToReview <= warningWindowDays || (daysToExpiry !== null && daysToExpiry <= warningWindowDays)) return 'due-soon';
  return 'current';
}

/** Today's UTC date as the core writes dates. */
export function utcDate(clock: Date): IsoDate {
  return clock.toISOString().slice(0, 10);
}
