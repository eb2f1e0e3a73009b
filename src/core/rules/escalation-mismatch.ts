import { isPlaceholder } from '../placeholders.js';
import type { Table } from '../parse/body.js';
import type { Finding, Rule, VigilDocument } from '../types.js';
import { contactSection } from './contact-section.js';
import { fieldPosition } from './position.js';

// Tables under these headings list the people to call: the same headings escalation-empty reads.
const ROLE_COLUMN = /\b(role|position|function|tier|level)\b/i;
const NAME_COLUMN = /\b(name|person|people|who)\b/i;
// A phone number in a cell or a contact: at least 7 digits with the usual separators.
const PHONE = /\+?\(?\d[\d ().-]{5,}\d/g;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

interface Entry {
  role: string;
  name: string | null;
  numbers: string[];
}

interface TableEntry extends Entry {
  roleCell: { line: number; column: number };
  nameCell: { line: number; column: number } | null;
  numberCell: { line: number; column: number } | null;
  section: string;
}

export const rule: Rule = {
  id: 'escalation-mismatch',
  defaultSeverity: 'warn',
  description: "A runbook's frontmatter escalation and the contact table in its body disagree on a role, person or number.",
  tags: ['contacts'],
  scope: 'document',
  checkDocument(doc, { label }) {
    if (doc.type !== 'runbook') return [];
    const listed = frontmatterEntries(doc);
    const tabled = doc.body.tables.flatMap((table) => tableEntries(doc, table));
    // Only two lists can disagree: a runbook with one of them has nothing to compare.
    if (listed.length === 0 || tabled.length === 0) return [];
    const findings: Finding[] = [];
    const section = tabled[0].section;
    const byRole = new Map(tabled.map((entry) => [roleKey(entry.role), entry]));
    const listedRoles = new Set(listed.map((entry) => roleKey(entry.role)));
    for (const entry of listed) {
      const row = byRole.get(roleKey(entry.role));
      if (!row) {
        findings.push({
          ...fieldPosition(doc, `/escalation/${entry.index}/role`),
          message: `"${entry.role}" is in the frontmatter ${label('escalation')} but not in the contact table under "${section}": add it to the table or remove it from the list`,
        });
        continue;
      }
      // Empty and placeholder values are escalation-empty's to report.
      if (entry.name && row.name && !isPlaceholder(entry.name) && !isPlaceholder(row.name) && personKey(entry.name) !== personKey(row.name)) {
        findings.push({
          ...(row.nameCell ?? row.roleCell),
          message: `"${entry.role}" is ${JSON.stringify(row.name)} in the table under "${row.section}" but ${JSON.stringify(entry.name)} in the frontmatter ${label('escalation')}: make them the same person`,
        });
      }
      if (entry.numbers.length > 0 && row.numbers.length > 0 && !entry.numbers.some((number) => row.numbers.some((other) => sameNumber(number, other)))) {
        findings.push({
          ...(row.numberCell ?? row.roleCell),
          message: `"${entry.role}" has a different phone number in the table under "${row.section}" than in the frontmatter ${label('escalation')}: make them the same number`,
        });
      }
    }
    for (const row of tabled) {
      if (listedRoles.has(roleKey(row.role))) continue;
      findings.push({
        ...row.roleCell,
        message: `"${row.role}" is in the contact table under "${row.section}" but not in the frontmatter ${label('escalation')}: add it to the list (the page header shows that list) or remove the row`,
      });
    }
    return findings;
  },
};

function frontmatterEntries(doc: VigilDocument): Array<Entry & { index: number }> {
  const entries = doc.fields?.escalation;
  if (!Array.isArray(entries)) return [];
  const result: Array<Entry & { index: number }> = [];
  entries.forEach((entry, index) => {
    if (typeof entry !== 'object' || entry === null || typeof entry.role !== 'string' || entry.role.trim() === '') return;
    const name = typeof entry.name === 'string' && entry.name.trim() ? entry.name.trim() : null;
    const contact = typeof entry.contact === 'string' || typeof entry.contact === 'number' ? String(entry.contact) : '';
    result.push({ index, role: entry.role.trim(), name, numbers: phoneNumbers(contact) });
  });
  return result;
}

/** The rows of a contact table that name a role; none when the table has no role column. */
function tableEntries(doc: VigilDocument, table: Table): TableEntry[] {
  const section = contactSection(doc, table);
  if (!section) return [];
  const roleIndex = table.headers.findIndex((header) => ROLE_COLUMN.test(header));
  if (roleIndex === -1) return [];
  const nameIndex = table.headers.findIndex((header, index) => index !== roleIndex && NAME_COLUMN.test(header));
  const entries: TableEntry[] = [];
  for (const row of table.rows) {
    const roleCell = row[roleIndex];
    if (!roleCell || roleCell.text.trim() === '') continue;
    const nameCell = nameIndex === -1 ? undefined : row[nameIndex];
    const numberCell = row.find((cell, index) => index !== roleIndex && phoneNumbers(cell.text).length > 0);
    entries.push({
      role: roleCell.text.trim(),
      name: nameCell?.text.trim() || null,
      numbers: row.filter((_cell, index) => index !== roleIndex).flatMap((cell) => phoneNumbers(cell.text)),
      roleCell: { line: roleCell.line, column: roleCell.column },
      nameCell: nameCell ? { line: nameCell.line, column: nameCell.column } : null,
      numberCell: numberCell ? { line: numberCell.line, column: numberCell.column } : null,
      section,
    });
  }
  return entries;
}


const roleKey = (role: string): string => role.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
const personKey = roleKey;

/** The digits of each phone number in a text, with a trunk `(0)` after a country code dropped. */
function phoneNumbers(text: string): string[] {
  const numbers: string[] = [];
  for (const match of text.matchAll(PHONE)) {
    if (ISO_DATE.test(match[0].trim())) continue;
    const digits = (match[0].trim().startsWith('+') ? match[0].replace(/\(0\)/g, '') : match[0]).replace(/\D/g, '');
    if (digits.length >= 7) numbers.push(digits);
  }
  return numbers;
}

/**
 * The same number written two ways: `+44 20 7946 0555` and `020 7946 0555` are one number (the
 * national form's trunk 0 stands for the country code), so compare without it, from the end.
 */
function sameNumber(a: string, b: string): boolean {
  if (a === b) return true;
  const national = (digits: string): string => digits.replace(/^0+/, '');
  const [short, long] = a.length <= b.length ? [national(a), b] : [national(b), a];
  return short.length >= 7 && long.endsWith(short);
}
