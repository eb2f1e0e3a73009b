// A document is `incomplete` when the run found an error-level problem that is not about
// dates (SPEC "Documents"). The engine calls markIncomplete once every rule has run; the
// record then carries its status and the problems in plain words for the page's banner,
// so no front end has to judge the findings again.
import { withProblems, type DateStatus } from './dates.js';
import { rulesTagged } from './rules/index.js';
import type { CheckedDocument, Diagnostic, DocumentRecord } from './types.js';

/** One problem that makes a document incomplete, said for a responder, with the rule that found it. */
export interface DocumentProblem {
  rule: string;
  /** Plain words, e.g. "No primary on-call contact", "Status page for Neon is not reachable". */
  text: string;
  line: number;
}

// Rules that fire because a day passed: a page falls overdue, it is not incomplete.
const DATE_RULES: ReadonlySet<string> = new Set(rulesTagged('date').map((rule) => rule.id));

/** The diagnostics that make a document incomplete: errors from rules that are not about dates. */
export function isCompletenessProblem(diagnostic: Diagnostic): boolean {
  return diagnostic.severity === 'error' && !DATE_RULES.has(diagnostic.rule);
}

/** Sets each record's status and problems from the run's diagnostics (the documents' own paths). */
export function markIncomplete(docs: readonly CheckedDocument[], diagnostics: readonly Diagnostic[]): void {
  const byPath = new Map<string, Diagnostic[]>();
  for (const diagnostic of diagnostics) {
    if (!isCompletenessProblem(diagnostic)) continue;
    const list = byPath.get(diagnostic.path);
    if (list) list.push(diagnostic);
    else byPath.set(diagnostic.path, [diagnostic]);
  }
  for (const doc of docs) {
    const found = byPath.get(doc.path) ?? [];
    const record = doc.record;
    const seen = new Set<string>();
    record.problems = [];
    for (const diagnostic of found) {
      const text = plainWords(diagnostic, record);
      // One banner line per problem, even when a rule reports the same thing at two places.
      if (seen.has(`${diagnostic.rule}\0${text}`)) continue;
      seen.add(`${diagnostic.rule}\0${text}`);
      record.problems.push({ rule: diagnostic.rule, text, line: diagnostic.line });
    }
    record.status = withProblems(record.status as DateStatus, record.problems.length > 0);
  }
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
// Roles are written as titles ("Primary on-call"); in the middle of a sentence they read lower-case.
const inSentence = (role: string): string => (/^[A-Z][a-z]/.test(role) ? role.charAt(0).toLowerCase() + role.slice(1) : role);
/** The part of a rule message before its advice (`…: give a real …`). */
const beforeAdvice = (message: string): string => message.split(/: (?=[a-z])/)[0];

/** A diagnostic in the words a responder reads in a banner. */
export function plainWords(diagnostic: Diagnostic, record: Pick<DocumentRecord, 'status_pages'>): string {
  const { rule, message } = diagnostic;
  if (rule === 'escalation-empty') {
    const frontmatter = /^escalation (name|contact) for "([^"]*)"/.exec(message);
    if (frontmatter) return frontmatter[1] === 'contact' ? `No ${inSentence(frontmatter[2])} contact` : `No name for ${inSentence(frontmatter[2])}`;
    const table = /^"([^"]*)" for "([^"]*)" under "([^"]*)"/.exec(message);
    if (table) return `No ${table[1].toLowerCase()} for ${inSentence(table[2])} in the ${table[3]} table`;
  }
  if (rule === 'status-page-dead' || rule === 'status-page-url') {
    const page = record.status_pages.find((candidate) => message.includes(candidate.url));
    const name = page?.name ?? 'a dependency';
    return rule === 'status-page-dead' ? `Status page for ${name} is not reachable` : `Status page for ${name} has an address that cannot be used`;
  }
  if (rule === 'section-missing') {
    const section = /^missing section "([^"]*)"/.exec(message);
    if (section) return `No "${section[1]}" section`;
  }
  if (rule === 'link-broken') return `Broken link: ${beforeAdvice(message)}`;
  if (rule === 'duplicate-id') return `Its id is also used by another document`;
  if (rule === 'schema') {
    const field = /^missing required field "([^"]*)"/.exec(message);
    if (field) return `The frontmatter has no "${field[1]}"`;
  }
  if (rule === 'schema' || rule === 'frontmatter-syntax') return `Frontmatter: ${beforeAdvice(message)}`;
  return capitalise(beforeAdvice(message));
}
