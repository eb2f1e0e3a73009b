import { addDays, daysBetween } from '../dates.js';
import type { Rule } from '../types.js';
import { fieldPosition } from './position.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

// The last day inside the warning window, for the run's today and window: the same two for
// every document, so worked out once. Null when it is not a four-digit-year date to compare as text.
let windowFor: { today: string; days: number; last: string | null } | null = null;

function lastDayInWindow(today: string, days: number): string | null {
  if (windowFor === null || windowFor.today !== today || windowFor.days !== days) {
    let last: string | null = null;
    try {
      last = addDays(today, days);
    } catch {
      // No fast test: every document is judged in days.
    }
    windowFor = { today, days, last: last !== null && ISO_DATE.test(last) ? last : null };
  }
  return windowFor.last;
}

export const rule: Rule = {
  id: 'review-due-soon',
  defaultSeverity: 'warn',
  description: 'The next review falls within the warning window.',
  tags: ['date', 'review'],
  scope: 'document',
  checkDocument(doc, { today, config }) {
    const due = doc.record.next_review;
    if (doc.lifecycle !== 'active' || !due || due < today) return [];
    // ISO dates sort as text: a review due after the window's last day is not due soon.
    const last = lastDayInWindow(today, config.warningWindowDays);
    if (last !== null && due > last) return [];
    const days = daysBetween(today, due);
    if (days > config.warningWindowDays) return [];
    const when = days === 0 ? 'today' : `in ${days} day${days === 1 ? '' : 's'}`;
    return [{ ...fieldPosition(doc, '/last_reviewed'), message: `review due ${when} (${due}): schedule it with the owner` }];
  },
};
