import type { Rule } from '../types.js';

export const rule: Rule = {
  id: 'frontmatter-syntax',
  defaultSeverity: 'error',
  description: 'The file must be UTF-8 Markdown that opens with a valid YAML frontmatter mapping.',
  tags: ['frontmatter'],
  scope: 'document',
  checkDocument(doc) {
    return doc.syntaxProblems.map((problem) => ({ ...problem }));
  },
};
