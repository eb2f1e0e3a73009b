// The words a status badge and banner use, shared by the pages (at build time) and the
// browser script (when the reader's date changes the status), so both say the same thing.
import type { ReviewStatus } from '../core/dates.js';

export const STATUS_LABELS: Record<ReviewStatus, string> = {
  current: 'Current',
  'due-soon': 'Review due soon',
  overdue: 'Review overdue',
  incomplete: 'Incomplete',
  expired: 'Expired',
  draft: 'Draft',
  retired: 'Retired',
};

export interface BannerDates {
  nextReview: string | null;
  expires: string | null;
  /** False when the document names no owner: the banner then does not send the reader to one. */
  hasOwner?: boolean;
}

/** The banner for a status, in plain words with the date; null when the page needs none. */
export function bannerWords(status: ReviewStatus, dates: BannerDates): string | null {
  const ask = dates.hasOwner === false ? 'it names no owner to check with' : 'check with its owner';
  switch (status) {
    case 'expired':
      return `Expired${dates.expires ? ` on ${dates.expires}` : ''}. Do not rely on this page: ${dates.hasOwner === false ? 'it names no owner to check with' : 'check with its owner before acting on it'}.`;
    case 'incomplete':
      return 'Incomplete: this page has problems that must be fixed before you rely on it.';
    case 'overdue':
      return dates.nextReview
        ? `Review overdue: this page was due for review on ${dates.nextReview}. It may be out of date; ${ask}.`
        : `Review overdue: this page has no review date. It may be out of date; ${ask}.`;
    case 'draft':
      return 'Draft: this page has not been approved yet. Do not rely on it.';
    case 'retired':
      return 'Retired: this page is no longer in use and is kept for reference only.';
    default:
      return null;
  }
}

/** The banner's icon: draft and retired pages look different from a warning at a glance (characters every system font has). */
export const BANNER_ICONS: Record<ReviewStatus, string> = {
  current: '',
  'due-soon': '⚠',
  overdue: '⚠',
  incomplete: '⚠',
  expired: '⊘',
  draft: '✎',
  retired: '▣',
};
