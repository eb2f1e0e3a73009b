import { boundedMemo } from '../memo.js';
import type { Finding, Rule } from '../types.js';

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
// ASCII text takes the same split without Unicode classes: its letters and digits are a-z and 0-9.
const ASCII = /^[\x00-\x7f]*$/;
const NOT_ASCII_WORD = /[^a-z0-9-]+/;
const NOT_WORD = /[^\p{L}\p{N}-]+/u;

function splitWords(text: string): string[] {
  const lower = text.toLowerCase();
  return lower.split(ASCII.test(lower) ? NOT_ASCII_WORD : NOT_WORD).filter(Boolean);
}

// Headings repeat across documents ("## Purpose"): each text is split once.
// The arrays are shared, so nothing here changes them.
const words = boundedMemo(splitWords, 20_000);

function holdsPhrase(heading: string[], phrase: string[]): boolean {
  for (let start = 0; start + phrase.length <= heading.length; start++) {
    let offset = 0;
    while (offset < phrase.length && heading[start + offset] === phrase[offset]) offset++;
    if (offset === phrase.length) return true;
  }
  return false;
}

interface Required {
  /** The required section is "escalation", which a runbook's frontmatter list satisfies. */
  escalation: boolean;
  /** The phrases that satisfy it: its own words and its synonyms. */
  phrases: string[][];
}

// The config's section names are few: each is worked out once.
const requiredSection = boundedMemo((name): Required => {
  const own = splitWords(name);
  const joined = own.join(' ');
  const synonyms = Object.hasOwn(SYNONYMS, joined) ? SYNONYMS[joined] : [];
  return { escalation: joined === 'escalation', phrases: [own, ...synonyms.map(splitWords)] };
}, 20_000);

export const rule: Rule = {
  id: 'section-missing',
  defaultSeverity: 'error',
  description: 'A heading that the document type requires (config "sections") is missing.',
  tags: ['sections'],
  scope: 'document',
  checkDocument(doc, { config }) {
    // Own keys only: a document typed `constructor` or `toString` must not find Object's.
    const required = doc.type && Object.hasOwn(config.sections, doc.type) ? config.sections[doc.type] : [];
    if (required.length === 0 || !doc.fields) return [];
    let headings: string[][] | undefined;
    const has = (name: string): boolean => {
      const { escalation, phrases } = requiredSection(name);
      // A runbook's frontmatter escalation list is its escalation section.
      if (escalation && doc.record.escalation.length > 0) return true;
      headings ??= doc.body.headings.map((heading) => words(heading.text));
      return headings.some((heading) => phrases.some((phrase) => holdsPhrase(heading, phrase)));
    };
    const findings: Finding[] = [];
    for (const name of required) {
      if (!has(name)) findings.push({ line: doc.bodyStartLine, column: 1, message: `missing section "${name}": a ${doc.type} needs a heading "## ${name}"` });
    }
    return findings;
  },
};
