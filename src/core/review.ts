// Sets a document's review record in its text, touching nothing else: each new value is spliced in
// where the old value sits (its quotes kept), or a line is inserted; the YAML is never re-serialized.
import { parseDocument as parseYamlDocument } from 'yaml';
import { isIsoDateShape } from './dates.js';
import { readFrontmatter, type Frontmatter, type Position } from './parse/frontmatter.js';
import { escapePointerSegment } from './pointer.js';

export type ReviewEdit =
  | { ok: true; text: string; changed: boolean; previous: unknown; inserted: boolean }
  | { ok: false; line: number; column: number; message: string };

const BOM = '\uFEFF';

/**
 * Returns `text` with `field` (the team's name for last_reviewed) set to `date`.
 * `afterField` names the key to insert after when `field` is missing (the team's review_cycle).
 * Refuses, saying where, when the frontmatter is broken or the value cannot be replaced safely.
 */
export function setReviewDate(text: string, field: string, date: string, afterField?: string): ReviewEdit {
  if (!isIsoDateShape(date)) return refuse({ line: 1, column: 1 }, `the review date must be written YYYY-MM-DD, got "${date}"`);
  return setTextField(text, field, date, afterField);
}

/**
 * Returns `text` with the top-level `field` set to the string `value` (a reviewer's name, a note),
 * written as a plain scalar when YAML reads it back as that same string, else double-quoted.
 */
export function setTextField(text: string, field: string, value: string, afterField?: string): ReviewEdit {
  const bom = text.startsWith(BOM) ? BOM : '';
  const source = text.slice(bom.length);
  const before = readFrontmatter(source);
  if (!before.data) {
    const problem = before.problems[0] ?? { line: 1, column: 1, message: 'the frontmatter cannot be read' };
    return refuse(problem, `${problem.message}; fix the frontmatter first (the file was not changed)`);
  }
  const hasField = Object.prototype.hasOwnProperty.call(before.data, field);
  const current = hasField ? before.data[field] : undefined;
  // A list or a mapping is not a value someone mistyped: leave that to a person.
  const scalar = current === null || typeof current !== 'object';
  const written = yamlScalar(value);
  const candidates = !hasField ? insertions(source, before, field, written, afterField) : scalar ? replacements(source, before, field, value, written) : [];
  for (const candidate of candidates) {
    if (candidate === source || keepsEverythingElse(before, readFrontmatter(candidate), field, value)) {
      return { ok: true, text: bom + candidate, changed: candidate !== source, previous: current, inserted: !hasField };
    }
  }
  const where = hasField ? (before.positions.get(pointer(field))?.value ?? { line: 1, column: 1 }) : { line: 1, column: 1 };
  const shown = hasField ? describe(current) : 'missing';
  return refuse(where, `cannot set "${field}" without disturbing the rest of the frontmatter (it is ${shown}); write "${field}: ${written}" by hand`);
}

export interface ReviewRecord {
  /** The team's names for the fields (config `fields` applied). */
  fields: { lastReviewed: string; reviewCycle: string; reviewedBy: string; reviewNote: string };
  date: string;
  by?: string;
  note?: string;
}

export interface FieldChange {
  field: string;
  value: string;
  changed: boolean;
  inserted: boolean;
}

export type ReviewOutcome = { ok: true; text: string; changed: boolean; changes: FieldChange[] } | { ok: false; line: number; column: number; message: string };

/**
 * The whole review record in one pass: the date, then who reviewed (inserted after the date), then
 * the note (after the reviewer). Every step is verified like a single edit; the first refusal wins.
 */
export function recordReview(text: string, record: ReviewRecord): ReviewOutcome {
  const { fields } = record;
  const steps: Array<{ field: string; value: string; after: string }> = [{ field: fields.lastReviewed, value: record.date, after: fields.reviewCycle }];
  if (record.by !== undefined) steps.push({ field: fields.reviewedBy, value: record.by, after: fields.lastReviewed });
  if (record.note !== undefined) steps.push({ field: fields.reviewNote, value: record.note, after: record.by !== undefined ? fields.reviewedBy : fields.lastReviewed });
  let current = text;
  const changes: FieldChange[] = [];
  for (const [index, step] of steps.entries()) {
    const edit = index === 0 ? setReviewDate(current, step.field, step.value, step.after) : setTextField(current, step.field, step.value, step.after);
    if (!edit.ok) return edit;
    current = edit.text;
    changes.push({ field: step.field, value: step.value, changed: edit.changed, inserted: edit.inserted });
  }
  return { ok: true, text: current, changed: current !== text, changes };
}

/** `value` as YAML writes it: plain when that reads back as the same string, else double-quoted (JSON escapes are YAML's). */
function yamlScalar(value: string): string {
  if (value !== '' && !/[\n\r]/.test(value)) {
    const probe = parseYamlDocument(`k: ${value}\n`, { schema: 'core', uniqueKeys: true });
    if (probe.errors.length === 0 && probe.warnings.length === 0 && (probe.toJS() as { k?: unknown } | null)?.k === value) return value;
  }
  return JSON.stringify(value);
}

function refuse(where: Position, message: string): ReviewEdit {
  return { ok: false, line: where.line, column: where.column, message };
}

function pointer(field: string): string {
  return `/${escapePointerSegment(field)}`;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value !== null && typeof value === 'object') return 'a mapping';
  return JSON.stringify(value) ?? String(value);
}

/** The edit is right only when the field reads back as the value and every other key is as it was. */
function keepsEverythingElse(before: Frontmatter, after: Frontmatter, field: string, value: string): boolean {
  if (!before.data || !after.data || after.problems.length > 0) return false;
  if (after.data[field] !== value || after.body !== before.body) return false;
  const rest = (data: Record<string, unknown>): string =>
    JSON.stringify(Object.entries(data).filter(([key]) => key !== field));
  return rest(before.data) === rest(after.data);
}

/** Offset in `text` of a 1-based line and column. */
function offsetOf(text: string, position: Position): number {
  let offset = 0;
  for (let line = 1; line < position.line; line++) {
    const next = text.indexOf('\n', offset);
    if (next === -1) return text.length;
    offset = next + 1;
  }
  return offset + position.column - 1;
}

function lineEnd(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  const end = newline === -1 ? text.length : newline;
  return text[end - 1] === '\r' ? end - 1 : end;
}

/** Ways to replace the existing value, most likely first; the caller keeps the first that reads back right. */
function replacements(text: string, frontmatter: Frontmatter, field: string, value: string, written: string): string[] {
  const position = frontmatter.positions.get(pointer(field));
  if (!position) return [];
  const start = offsetOf(text, position.value);
  const end = lineEnd(text, start);
  const first = text[start];
  const splice = (from: number, to: number, replacement: string): string => text.slice(0, from) + replacement + text.slice(to);

  if (first === "'" || first === '"') {
    // Keep the quotes the author chose, escaped the way that quote style escapes (a date needs none).
    const close = closingQuote(text, start, first);
    if (close === -1) return [];
    const inside = first === '"' ? JSON.stringify(value).slice(1, -1) : value.replaceAll("'", "''");
    return [splice(start + 1, close, inside), splice(start, close + 1, written)];
  }
  if (start >= end || first === '#') {
    // An empty value (`last_reviewed:`): put the value right after the colon.
    let colon = start - 1;
    while (colon >= 0 && (text[colon] === ' ' || text[colon] === '\t' || text[colon] === '\n' || text[colon] === '\r')) colon--;
    return text[colon] === ':' ? [splice(colon + 1, colon + 1, ` ${written}`)] : [];
  }
  if (first === '|' || first === '>' || first === '[' || first === '{' || first === '&' || first === '*' || first === '!') return [];

  const line = text.slice(start, end);
  const comment = /[ \t]#/.exec(line);
  const plain = (comment ? line.slice(0, comment.index) : line).replace(/[ \t]+$/, '');
  const flow = /^[^,}\]]*/.exec(plain)?.[0].replace(/[ \t]+$/, '') ?? plain;
  const quoted = JSON.stringify(value);
  const candidates = [splice(start, start + plain.length, written)];
  // Inside a flow mapping (`{last_reviewed: 2026-01-01, owner: x}`) the value ends at a comma or brace.
  if (flow.length > 0 && flow.length < plain.length) candidates.push(splice(start, start + flow.length, written), splice(start, start + flow.length, quoted));
  return candidates;
}

function closingQuote(text: string, open: number, quote: string): number {
  for (let i = open + 1; i < text.length; i++) {
    if (quote === '"' && text[i] === '\\') i++;
    else if (text[i] === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return i;
    }
  }
  return -1;
}

/** Ways to add the missing field: after `afterField`'s line, else at the end of the frontmatter. */
function insertions(text: string, frontmatter: Frontmatter, field: string, written: string, afterField?: string): string[] {
  const newline = /^[^\n]*\r\n/.test(text) ? '\r\n' : '\n';
  const candidates: string[] = [];
  const anchor = afterField ? frontmatter.positions.get(pointer(afterField)) : undefined;
  if (anchor?.key) {
    const indent = ' '.repeat(anchor.key.column - 1);
    const valueStart = offsetOf(text, anchor.value);
    const next = text.indexOf('\n', valueStart);
    if (next !== -1) candidates.push(text.slice(0, next + 1) + `${indent}${field}: ${written}${newline}` + text.slice(next + 1));
  }
  // The closing "---" sits on the line before the body.
  const closing = offsetOf(text, { line: frontmatter.bodyStartLine - 1, column: 1 });
  if (closing > 0 && closing <= text.length) {
    const lastKey = [...frontmatter.positions.entries()].filter(([key]) => key.split('/').length === 2).at(-1)?.[1].key;
    const indent = ' '.repeat((lastKey?.column ?? 1) - 1);
    candidates.push(text.slice(0, closing) + `${indent}${field}: ${written}${newline}` + text.slice(closing));
  }
  return candidates;
}
