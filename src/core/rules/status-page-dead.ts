import type { Rule } from '../types.js';

// Findings come from the network check (core/links/check.ts), which runs unless --offline;
// a hop or address the guard refuses is reported under status-page-url instead.
export const rule: Rule = {
  id: 'status-page-dead',
  defaultSeverity: 'error',
  description: 'A status page does not answer with success: an HTTP error, a timeout, a refused or reset connection, a redirect loop.',
  tags: ['status-pages', 'network'],
  scope: 'network',
};
