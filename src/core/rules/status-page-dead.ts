import type { Rule } from '../types.js';

// Findings come from the network check (core/links), which runs unless --offline.
export const rule: Rule = {
  id: 'status-page-dead',
  defaultSeverity: 'error',
  description: 'A status page does not answer with success.',
  scope: 'network',
};
