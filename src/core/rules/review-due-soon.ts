import { daysBetween } from '../dates.js';
import type { Rule } from '../types.js';
import { fieldPosition } from './position.js';

export const rule: Rule = {
  id: 'review-due-soon',
  defaultSeverity: 'warn',
  description: 'The next review falls within the warning window.',
  tags: ['date', 'review'],
  scope: 'document',
  checkDocument(doc, { today, config }) {
    const due = doc.record.next_review;
    if (doc.lifecycle !== 'active' || !due || due < today) return [];
    const days = daysBetween(today, due);
    if (days > config.warningWindowDays) return [];
    const when = days === 0 ? 'today' : `in ${days} day${days === 1 ? '' : 's'}`;
    return [{ ...fieldPosition(doc, '/last_reviewed'), message: `review due ${when} (${due}): schedule it with the owner` }];
  },
};
