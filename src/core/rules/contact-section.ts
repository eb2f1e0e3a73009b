// Which body tables are contact lists: the rules that read escalation contacts from the body
// (escalation-empty, escalation-mismatch) must agree on it.
import type { Table } from '../parse/body.js';
import type { VigilDocument } from '../types.js';

const CONTACT_SECTION = /escalat|contact|on[\s-]?call|\broles?\b|responders?|who to call|pager/i;

// Both rules ask about the same tables: each table's answer is worked out once.
const sections = new WeakMap<Table, string | null>();

/**
 * The heading that makes a table a contact list: the nearest heading above it, or one it is
 * nested under ("## Escalation" > "### Out of hours"). Null when none is about contacts.
 */
export function contactSection(doc: VigilDocument, table: Table): string | null {
  let section = sections.get(table);
  if (section === undefined) {
    section = findContactSection(doc, table);
    sections.set(table, section);
  }
  return section;
}

function findContactSection(doc: VigilDocument, table: Table): string | null {
  const enclosing: Array<{ level: number; text: string }> = [];
  for (const heading of doc.body.headings) {
    if (heading.line > table.line) break;
    while (enclosing.length > 0 && enclosing[enclosing.length - 1].level >= heading.level) enclosing.pop();
    enclosing.push(heading);
  }
  for (let at = enclosing.length - 1; at >= 0; at--) {
    if (CONTACT_SECTION.test(enclosing[at].text)) return enclosing[at].text;
  }
  return null;
}
