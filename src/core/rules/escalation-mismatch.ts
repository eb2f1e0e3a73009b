import { boundedMemo } from '../memo.js';
import { isPlaceholder } from '../placeholders.js';
import type { Table, TableCell } from '../parse/body.js';
import type { Finding, Rule, VigilDocument } from '../types.js';
import { contactSection } from './contact-section.js';
import { fieldPosition } from './position.js';

// Tables under these headings list the people to call: the same headings escalation-empty reads.
const ROLE_COLUMN = /\b(role|position|function|tier|level)\b/i;
const NAME_COLUMN = /\b(name|person|people|who)\b/i;
// A phone number in a cell or a contact: at least 7 digits with the usual separators.
// One shared global regex: phoneNumbers resets its lastIndex before each scan.
const PHONE = /\+?\(?\d[\d ().-]{5,}\d/g;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const TRUNK_ZERO = /\(0\)/g;
const NOT_DIGIT = /\D/g;
const ASCII = /^[\x00-\x7f]*$/;
const NOT_ASCII_ALNUM = /[^a-z0-9]+/g;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;
const LEADING_ZEROS = /^0+/;

interface Entry {
  role: string;
  /** roleKey(role), worked out once. */
  key: string;
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
    // Only two lists can disagree: a runbook with one of them has nothing to compare.
    if (doc.type !== 'runbook' || doc.body.tables.length === 0) return [];
    const listed = frontmatterEntries(doc);
    if (listed.length === 0) return [];
    const tabled: TableEntry[] = [];
    for (const table of doc.body.tables) tableEntries(doc, table, tabled);
    if (tabled.length === 0) return [];
    const findings: Finding[] = [];
    const section = tabled[0].section;
    const byRole = new Map<string, TableEntry>();
    for (const entry of tabled) byRole.set(entry.key, entry);
    const listedRoles = new Set<string>();
    for (const entry of listed) listedRoles.add(entry.key);
    for (const entry of listed) {
      const row = byRole.get(entry.key);
      if (!row) {
        findings.push({
          ...fieldPosition(doc, `/escalation/${entry.index}/role`),
          message: `"${entry.role}" is in the frontmatter ${label('escalation')} but not in the contact table under "${section}": add it to the table or remove it from the list`,
        });
        continue;
      }
      // Empty and placeholder values are escalation-empty's to report.
      if (entry.name && row.name && personKey(entry.name) !== personKey(row.name) && !isPlaceholder(entry.name) && !isPlaceholder(row.name)) {
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
      if (listedRoles.has(row.key)) continue;
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
    if (typeof entry !== 'object' || entry === null || typeof entry.role !== 'string') return;
    const role = entry.role.trim();
    if (role === '') return;
    const name = typeof entry.name === 'string' && entry.name.trim() ? entry.name.trim() : null;
    const contact = typeof entry.contact === 'string' || typeof entry.contact === 'number' ? String(entry.contact) : '';
    result.push({ index, role, key: roleKey(role), name, numbers: phoneNumbers(contact) });
  });
  return result;
}

/** Adds the rows of a contact table that name a role to `entries`; none when the table has no role column. */
function tableEntries(doc: VigilDocument, table: Table, entries: TableEntry[]): void {
  const roleIndex = table.headers.findIndex((header) => ROLE_COLUMN.test(header));
  if (roleIndex === -1) return;
  const section = contactSection(doc, table);
  if (!section) return;
  const nameIndex = table.headers.findIndex((header, index) => index !== roleIndex && NAME_COLUMN.test(header));
  for (const row of table.rows) {
    const roleCell = row[roleIndex];
    if (!roleCell) continue;
    const role = roleCell.text.trim();
    if (role === '') continue;
    const nameCell = nameIndex === -1 ? undefined : row[nameIndex];
    // The first cell (not the role's) with a phone number, and every cell's numbers in order.
    let numberCell: TableCell | undefined;
    let numbers: string[] = [];
    for (let index = 0; index < row.length; index++) {
      if (index === roleIndex) continue;
      const found = phoneNumbers(row[index].text);
      if (found.length === 0) continue;
      if (numberCell === undefined) {
        numberCell = row[index];
        numbers = found;
      } else {
        numbers.push(...found);
      }
    }
    entries.push({
      role,
      key: roleKey(role),
      name: nameCell?.text.trim() || null,
      numbers,
      roleCell: { line: roleCell.line, column: roleCell.column },
      nameCell: nameCell ? { line: nameCell.line, column: nameCell.column } : null,
      numberCell: numberCell ? { line: numberCell.line, column: numberCell.column } : null,
      section,
    });
  }
}

// Roles and names repeat across documents ("Incident commander"): each is keyed once.
const roleKey = boundedMemo(
  (role) =>
    // NFKC leaves ASCII as it is, and ASCII's letters and digits are a-z and 0-9 once lower-cased.
    ASCII.test(role)
      ? role.toLowerCase().replace(NOT_ASCII_ALNUM, ' ').trim()
      : role.normalize('NFKC').toLowerCase().replace(NOT_LETTER_OR_DIGIT, ' ').trim(),
  20_000,
);
const personKey = roleKey;

/** The digits of each phone number in a text, with a trunk `(0)` after a country code dropped. */
function phoneNumbers(text: string): string[] {
  const numbers: string[] = [];
  // A number is at least 7 characters long.
  if (text.length < 7) return numbers;
  PHONE.lastIndex = 0;
  for (let match = PHONE.exec(text); match !== null; match = PHONE.exec(text)) {
    // A match starts with +, ( or a digit and ends with a digit: it has no white space to trim.
    const found = match[0];
    if (ISO_DATE.test(found)) continue;
    const digits = (found.startsWith('+') ? found.replace(TRUNK_ZERO, '') : found).replace(NOT_DIGIT, '');
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
  const short = (a.length <= b.length ? a : b).replace(LEADING_ZEROS, '');
  const long = a.length <= b.length ? b : a;
  return short.length >= 7 && long.endsWith(short);
}
