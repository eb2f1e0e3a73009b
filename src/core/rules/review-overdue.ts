import type { Rule } from '../types.js';
import { fieldPosition } from './position.js';

export const rule: Rule = {
  id: 'review-overdue',
  defaultSeverity: 'error',
  description: 'The next review date (last_reviewed + review_cycle) has passed.',
  tags: ['date', 'review'],
  scope: 'document',
  checkDocument(doc, { today, label }) {
    const { next_review: due, last_reviewed: last, review_cycle: cycle } = doc.record;
    if (doc.lifecycle !== 'active' || !due || due >= today) return [];
    return [{
      ...fieldPosition(doc, '/last_reviewed'),
      message: `review overdue since ${due} (${label('last_reviewed')} ${last}, ${label('review_cycle')} ${cycle}): review it, then run "vigil review ${doc.path}"`,
    }];
  },
};
