import type { Rule } from '../types.js';

// Findings come from the file walk (symlinks out of the tree, loops, unreadable files);
// this module holds the rule's identity so the engine can report them.
export const rule: Rule = {
  id: 'file-skipped',
  defaultSeverity: 'warn',
  description: 'A file or link under the content folder could not be read, or points out of the tree, and was not checked.',
  tags: ['files'],
  scope: 'set',
};
