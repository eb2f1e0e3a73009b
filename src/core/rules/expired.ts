import type { Rule } from '../types.js';
import { fieldPosition } from './position.js';

export const rule: Rule = {
  id: 'expired',
  name: 'DocumentExpired',
  defaultSeverity: 'error',
  description: 'The document has expired (expires is today or earlier) and must not be relied on.',
  tags: ['date', 'expiry'],
  scope: 'document',
  checkDocument(doc, { today, label }) {
    if (doc.lifecycle !== 'active' || !doc.expires || doc.expires > today) return [];
    const when = doc.expires === today ? 'today' : `on ${doc.expires}`;
    return [{
      ...fieldPosition(doc, '/expires'),
      message: `expired ${when}: renew the document and move "${label('expires')}" forward, or set ${label('status')}: retired`,
    }];
  },
};
