import type { Rule } from '../types.js';

// The words a team uses for each common section. A required section is found when a heading
// holds its name, or one of these, as whole words anywhere ("On-call escalation contacts").
const SYNONYMS: Record<string, string[]> = {
  escalation: ['escalation', 'escalations', 'escalation path', 'on-call', 'on call', 'oncall', 'contacts', 'contact', 'who to call', 'roles', 'call tree'],
  purpose: ['purpose', 'objective', 'objectives', 'aim', 'aims', 'why'],
  scope: ['scope', 'applies to', 'applicability'],
  summary: ['summary', 'overview', 'at a glance'],
  containment: ['containment', 'contain', 'mitigation'],
};

// Hyphens stay inside a word, so "De-escalation" is not "Escalation" while "On-call" is one word.
const words = (text: string): string[] => text.toLowerCase().split(/[^\p{L}\p{N}-]+/u).filter(Boolean);

function holdsPhrase(heading: string[], phrase: string[]): boolean {
  for (let start = 0; start + phrase.length <= heading.length; start++) {
    if (phrase.every((word, offset) => heading[start + offset] === word)) return true;
  }
  return false;
}

/** The phrases that satisfy a required section: its own words and its synonyms. */
function phrasesFor(name: string): string[][] {
  const own = words(name);
  const synonyms = SYNONYMS[own.join(' ')] ?? [];
  return [own, ...synonyms.map(words)];
}

export const rule: Rule = {
  id: 'section-missing',
  defaultSeverity: 'error',
  description: 'A heading that the document type requires (config "sections") is missing.',
  tags: ['sections'],
  scope: 'document',
  checkDocument(doc, { config }) {
    const required = doc.type ? (config.sections[doc.type] ?? []) : [];
    if (required.length === 0 || !doc.fields) return [];
    const headings = doc.body.headings.map((heading) => words(heading.text));
    const has = (name: string): boolean => {
      // A runbook's frontmatter escalation list is its escalation section.
      if (words(name).join(' ') === 'escalation' && doc.record.escalation.length > 0) return true;
      const phrases = phrasesFor(name);
      return headings.some((heading) => phrases.some((phrase) => holdsPhrase(heading, phrase)));
    };
    return required
      .filter((name) => !has(name))
      .map((name) => ({ line: doc.bodyStartLine, column: 1, message: `missing section "${name}": a ${doc.type} needs a heading "## ${name}"` }));
  },
};
