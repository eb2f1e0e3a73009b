// Which body tables are contact lists: the rules that read escalation contacts from the body
// (escalation-empty, escalation-mismatch) must agree on it.
import type { Table } from '../parse/body.js';
import type { VigilDocument } from '../types.js';

const CONTACT_SECTION = /escalat|contact|on[\s-]?call|\broles?\b|responders?|who to call|pager/i;

/**
 * The heading that makes a table a contact list: the nearest heading above it, or one it is
 * nested under ("## Escalation" > "### Out of hours"). Null when none is about contacts.
 */
export function contactSection(doc: VigilDocument, table: Table): string | null {
  const enclosing: Array<{ level: number; text: string }> = [];
  for (const heading of doc.body.headings) {
    if (heading.line > table.line) break;
    while (enclosing.length > 0 && enclosing[enclosing.length - 1].level >= heading.level) enclosing.pop();
    enclosing.push(heading);
  }
  return enclosing.reverse().find((heading) => CONTACT_SECTION.test(heading.text))?.text ?? null;
}
