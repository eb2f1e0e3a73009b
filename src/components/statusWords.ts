// The words a status badge and banner use, shared by the pages (at build time) and the
// browser script (when the reader's date changes the status), so both say the same thing.
import type { ReviewStatus } from '../core/dates.js';

export const STATUS_LABELS: Record<ReviewStatus, string> = {
  current: 'Current',
  'due-soon': 'Review due soon',
  overdue: 'Review overdue',
  expired: 'Expired',
  draft: 'Draft',
  retired: 'Retired',
};

export interface BannerDates {
  nextReview: string | null;
  expires: string | null;
}

/** The banner for a status, in plain words with the date; null when the page needs none. */
export function bannerWords(status: ReviewStatus, dates: BannerDates): string | null {
  switch (status) {
    case 'expired':
      return `Expired${dates.expires ? ` on ${dates.expires}` : ''}. Do not rely on this page: check with its owner before acting on it.`;
    case 'overdue':
      return dates.nextReview
        ? `Review overdue: this page was due for review on ${dates.nextReview}. It may be out of date; check with its owner.`
        : 'Review overdue: this page has no review date. It may be out of date; check with its owner.';
    case 'draft':
      return 'Draft: this page has not been approved yet. Do not rely on it.';
    case 'retired':
      return 'Retired: this page is no longer in use and is kept for reference only.';
    default:
      return null;
  }
}
