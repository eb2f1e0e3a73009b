import { boundedMemo } from '../memo.js';
import { isPlaceholder } from '../placeholders.js';
import type { Finding, Rule, VigilDocument } from '../types.js';
import type { Table } from '../parse/body.js';
import { contactSection } from './contact-section.js';
import { fieldPosition } from './position.js';

// Tables under these headings list the people to call.
// Columns that name a person or a way to reach them...
const CONTACT_COLUMN = /\b(name|contact|(?:tele)?phone|tel|mobile|slack|e-?mail|person|people|who|handle|pager|backup|deputy|primary|secondary|on[\s-]?call|lead|owner)\b/i;
// ...but not columns that describe duties or timing (whole words: "Slack" is not "SLA").
const DESCRIPTIVE_COLUMN = /\b(responsib\w*|dut(y|ies)|descri\w*|notes?|when|time|sla|after|severity|scope)\b/i;

const CONTACT_KEYS = ['name', 'contact'] as const;

export const rule: Rule = {
  id: 'escalation-empty',
  defaultSeverity: 'error',
  description: 'An escalation contact is empty or a placeholder (TBD, TODO, ?, -, N/A, <name>, xxx…).',
  tags: ['contacts'],
  scope: 'document',
  checkDocument(doc, { label }) {
    const findings = frontmatterContacts(doc, label);
    for (const table of doc.body.tables) tableContacts(doc, table, findings);
    return findings;
  },
};

function frontmatterContacts(doc: VigilDocument, label: (field: string) => string): Finding[] {
  const findings: Finding[] = [];
  const entries = doc.fields?.escalation;
  if (!Array.isArray(entries)) return findings;
  entries.forEach((entry, index) => {
    if (typeof entry !== 'object' || entry === null) return;
    for (const key of CONTACT_KEYS) {
      if (key === 'name' && !('name' in entry)) continue; // a contact alone (a rota, a pager) is fine
      const value = entry[key];
      if (!isPlaceholder(value)) continue;
      const role = typeof entry.role === 'string' && entry.role.trim() ? entry.role.trim() : `entry ${index + 1}`;
      const shown = value === null || value === undefined || String(value).trim() === '' ? 'empty' : `a placeholder (${JSON.stringify(value)})`;
      // A key with no value (`name:`) has no value to point at: point at the key.
      const part = value === null || value === undefined ? 'key' : 'value';
      findings.push({
        ...fieldPosition(doc, `/escalation/${index}/${key}`, part),
        message: `escalation ${key} for "${role}" is ${shown}: give a real ${key === 'name' ? 'person or rota' : 'phone number, Slack handle or e-mail'} (${label('escalation')}[${index}].${key})`,
      });
    }
  });
  return findings;
}


/** Adds a finding to `findings` for each empty or placeholder cell in a contact table's contact columns. */
function tableContacts(doc: VigilDocument, table: Table, findings: Finding[]): void {
  if (table.rows.length === 0) return;
  const columns: Array<{ header: string; index: number }> = [];
  table.headers.forEach((header, index) => {
    if (isContactColumn(header)) columns.push({ header, index });
  });
  if (columns.length === 0) return;
  const section = contactSection(doc, table);
  if (!section) return;
  for (const row of table.rows) {
    const rowName = row[0]?.text || 'a row';
    for (const { header, index } of columns) {
      const cell = row[index];
      if (!cell || !isPlaceholder(cell.text)) continue;
      const shown = cell.text.trim() === '' ? 'empty' : `a placeholder (${JSON.stringify(cell.text)})`;
      findings.push({ line: cell.line, column: cell.column, message: `"${header}" for "${rowName}" under "${section}" is ${shown}: fill in a real contact` });
    }
  }
}

// Tables repeat their headers ("Role", "Phone"): each header is judged once.
const isContactColumn = boundedMemo((header) => CONTACT_COLUMN.test(header) && !DESCRIPTIVE_COLUMN.test(header), 5_000);
