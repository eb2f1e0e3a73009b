import { daysBetween } from '../dates.js';
import type { Rule } from '../types.js';
import { fieldPosition } from './position.js';

export const rule: Rule = {
  id: 'expires-soon',
  defaultSeverity: 'warn',
  description: 'The expiry date falls within the warning window.',
  tags: ['date', 'expiry'],
  scope: 'document',
  checkDocument(doc, { today, config }) {
    if (doc.lifecycle !== 'active' || !doc.expires || doc.expires <= today) return [];
    const days = daysBetween(today, doc.expires);
    if (days > config.warningWindowDays) return [];
    return [{ ...fieldPosition(doc, '/expires'), message: `expires in ${days} day${days === 1 ? '' : 's'} (${doc.expires}): renew it before then` }];
  },
};
