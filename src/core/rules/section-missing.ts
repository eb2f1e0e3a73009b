import type { Rule } from '../types.js';

const normalize = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

export const rule: Rule = {
  id: 'section-missing',
  defaultSeverity: 'error',
  description: 'A heading that the document type requires (config "sections") is missing.',
  tags: ['sections'],
  scope: 'document',
  checkDocument(doc, { config }) {
    const required = doc.type ? (config.sections[doc.type] ?? []) : [];
    if (required.length === 0 || !doc.fields) return [];
    const headings = doc.body.headings.map((heading) => normalize(heading.text));
    // "Escalation" is satisfied by "Escalation" or "Escalation contacts", not by "De-escalation".
    const has = (name: string): boolean => headings.some((text) => text === name || text.startsWith(`${name} `));
    return required
      .filter((name) => !has(normalize(name)))
      .map((name) => ({ line: doc.bodyStartLine, column: 1, message: `missing section "${name}": a ${doc.type} needs a heading "## ${name}"` }));
  },
};
