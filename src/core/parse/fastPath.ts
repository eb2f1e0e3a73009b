// The fast reading of plain frontmatter: block mappings and sequences of one-line scalars, the
// shape nearly every document has. It is not a second YAML reader with its own opinions: it
// accepts only text whose meaning under YAML 1.2 is unambiguous, resolves every plain scalar with
// the `yaml` package's own core-schema tags, and says "not sure" (null) for anything else, which
// then goes to the full reader (frontmatter.ts readYaml). fastPath.test.ts proves on the bad-input
// fixtures, generated corpora and a table of tricky inputs that whenever it answers, it answers
// exactly what the full reader does: the same values, no problems, the same positions.
import { Schema } from 'yaml';
import { boundedMemo } from '../memo.js';
import { escapePointerSegment } from '../pointer.js';
import type { FieldPosition } from './frontmatter.js';

type Plain = string | number | boolean | null;
type Value = Plain | Value[] | { [key: string]: Value };

// The tags `yaml` tries, in its order, on a plain scalar (compose-scalar.js findScalarTagByTest).
const CORE_TAGS = new Schema({ schema: 'core' }).tags.filter(
  (tag) => tag.default === true && tag.test instanceof RegExp && typeof tag.resolve === 'function',
);
// Every core tag but the string's wants one of these first characters, or nothing at all (null).
const MAYBE_NOT_STRING = /^[-+.0-9~nNtTfF]/;
const NOT_SURE = Symbol('not sure');
type Sure<T> = T | typeof NOT_SURE;

/** A plain scalar as the core schema reads it: null, a boolean, a number or the string itself. */
function resolvePlain(text: string): Sure<Plain> {
  if (text !== '' && !MAYBE_NOT_STRING.test(text)) return text;
  return resolveByTags(text);
}

// Keys and values repeat across documents (`type`, `null`, dates, versions): each text is tried
// against the tags once.
const resolveByTags = boundedMemo((text: string): Sure<Plain> => {
  for (const tag of CORE_TAGS) {
    if (!(tag.test as RegExp).test(text)) continue;
    let failed = false;
    const resolve = tag.resolve as (value: string, onError: (message: string) => void, options: object) => unknown;
    const resolved = resolve(text, () => (failed = true), { intAsBigInt: false });
    if (failed) return NOT_SURE;
    const value = typeof resolved === 'object' && resolved !== null && 'value' in resolved ? (resolved as { value: unknown }).value : resolved;
    return value === null || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string' ? value : NOT_SURE;
  }
  return text;
}, 20_000);

// Characters that change what a line means, or that the full reader treats specially: tabs,
// control characters, byte order marks and line separators. Any of them sends the text there.
const UNUSUAL = /[\t\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\u2028\u2029]|\r(?!\n)/;
/**
 * Where the colon of a key as people write them sits: a name, not a number, not too long (YAML
 * caps implicit keys at 1,024), then `:` and a space or the end of the line. `owner: x` → 5;
 * -1 for anything else. (As /^([A-Za-z_][A-Za-z0-9_-]{0,127}):(?: |$)/, without a match object per key.)
 */
export function keyColon(text: string): number {
  const first = text.charCodeAt(0);
  if (!(isLetter(first) || first === 95 /* _ */)) return -1;
  let at = 1;
  while (at <= 128 && at < text.length) {
    const char = text.charCodeAt(at);
    if (!(isLetter(char) || (char >= 48 && char <= 57) || char === 95 || char === 45 /* - */)) break;
    at++;
  }
  if (at > 128 || text.charCodeAt(at) !== 58 /* : */) return -1;
  return at + 1 === text.length || text.charCodeAt(at + 1) === 32 ? at : -1;
}

const isLetter = (char: number): boolean => (char >= 65 && char <= 90) || (char >= 97 && char <= 122);
// A plain scalar may not start with an indicator (YAML 1.2 c-indicator); `-` is fine before a number.
const PLAIN_START = /^(?:[^-?:,[\]{}#&*!|>'"%@`\s]|-[0-9.])/;
// What may follow a complete value on its line: spaces, then perhaps a comment.
const LINE_END = /^ *(?:#.*)?$/;

/** Only the space is YAML's indentation here (tabs never get this far); String trim would also eat no-break and other Unicode spaces, which YAML keeps as content. */
function trimSpacesEnd(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 32) end--;
  return end === text.length ? text : text.slice(0, end);
}

function countLeadingSpaces(text: string, from = 0): number {
  let i = from;
  while (text.charCodeAt(i) === 32) i++;
  return i - from;
}

interface Line {
  /** 1-based line of the file (the YAML starts on line 2). */
  line: number;
  indent: number;
  /** The line after its indentation, trailing spaces kept (they place an empty value). */
  text: string;
}

export interface PlainYaml {
  data: Record<string, unknown>;
  /** Filled only when asked for: JSON Pointer → where that key and value sit, as the full reader gives them. */
  positions: Map<string, FieldPosition> | null;
}

/**
 * The frontmatter as plain data when it is written in the plain subset; null when not sure
 * (anchors, tags, block scalars, multi-line scalars, flow mappings, escapes, text after a closing
 * quote, duplicate keys, anything the full reader could call an error).
 */
export function readPlainYaml(yamlText: string, options: { positions?: boolean } = {}): PlainYaml | null {
  if (UNUSUAL.test(yamlText)) return null;
  const lines: Line[] = [];
  let lineNumber = 1;
  // Line by line without a copy of each: only a line that means something is cut out, once.
  for (let start = 0; start <= yamlText.length; ) {
    const newline = yamlText.indexOf('\n', start);
    let end = newline === -1 ? yamlText.length : newline;
    const next = end + 1;
    lineNumber++;
    if (end > start && yamlText.charCodeAt(end - 1) === 13 /* \r */) end--;
    const indent = countLeadingSpaces(yamlText, start);
    // Blank lines and whole-line comments carry no meaning outside block scalars, which are never read here.
    if (start + indent < end && yamlText.charCodeAt(start + indent) !== 35 /* # */) lines.push({ line: lineNumber, indent, text: yamlText.slice(start + indent, end) });
    start = next;
  }
  if (lines.length === 0 || lines[0].indent !== 0) return null;
  const reader = new BlockReader(lines, options.positions ? new Map() : null);
  const root = reader.mapping(0, '');
  if (root === NOT_SURE || reader.next < lines.length) return null;
  return { data: root, positions: reader.positions };
}

const isItem = (text: string): boolean => text.charCodeAt(0) === 45 /* - */ && (text.length === 1 || text.charCodeAt(1) === 32);

class BlockReader {
  next = 0;

  constructor(
    private readonly lines: Line[],
    readonly positions: Map<string, FieldPosition> | null,
  ) {}

  private place(pointer: string, line: Line, offset: number, keyOffset?: number): void {
    if (!this.positions) return;
    const value = { line: line.line, column: line.indent + offset + 1 };
    this.positions.set(pointer, keyOffset === undefined ? { value } : { key: { line: line.line, column: line.indent + keyOffset + 1 }, value });
  }

  /**
   * A block mapping whose keys sit at `indent`. `first` is a mapping that opens inside a
   * sequence item ("- role: IC"): its first key is on the item's line, at column `firstAt`.
   */
  mapping(indent: number, pointer: string, first?: { line: Line; at: number }): Sure<{ [key: string]: Value }> {
    const map: { [key: string]: Value } = {};
    let current = first;
    for (;;) {
      if (!current) {
        const line = this.lines[this.next];
        if (!line || line.indent < indent) return map;
        if (line.indent > indent) return NOT_SURE;
        if (isItem(line.text)) return map; // a sequence at its parent key's indentation
        current = { line, at: 0 };
        this.next++;
      }
      const { line, at } = current;
      const text = at === 0 ? line.text : line.text.slice(at);
      const colon = keyColon(text);
      if (colon === -1) return NOT_SURE;
      const name = text.slice(0, colon);
      if (name === '__proto__' || Object.prototype.hasOwnProperty.call(map, name) || resolvePlain(name) !== name) return NOT_SURE;
      const childPointer = this.positions ? `${pointer}/${escapePointerSegment(name)}` : '';
      const keyLength = colon + 1 + countLeadingSpaces(text, colon + 1);
      const valueAt = at + keyLength;
      const rest = keyLength === text.length ? '' : text.slice(keyLength);
      let value: Sure<Value>;
      if (rest === '' || rest.charCodeAt(0) === 35 /* # */) {
        const nested = this.lines[this.next];
        const opensBlock = nested && (nested.indent > indent || (nested.indent === indent && isItem(nested.text)));
        if (opensBlock) {
          // The value starts where the nested block does.
          this.positions?.set(childPointer, { key: { line: line.line, column: line.indent + at + 1 }, value: { line: nested.line, column: nested.indent + 1 } });
          value = isItem(nested.text) ? this.sequence(nested.indent, childPointer) : this.mapping(nested.indent, childPointer);
        } else {
          this.place(childPointer, line, valueAt, at);
          value = null;
        }
      } else {
        this.place(childPointer, line, valueAt, at);
        value = this.positions ? inline(rest, (offset) => this.place(`${childPointer}/${offset.index}`, line, valueAt + offset.at), true) : inline(rest, NO_PLACE, false);
        // A scalar's next line must not be indented further: that would continue it over lines.
        if ((this.lines[this.next]?.indent ?? -1) > indent) return NOT_SURE;
      }
      if (value === NOT_SURE) return NOT_SURE;
      map[name] = value;
      current = undefined;
    }
  }

  /** A block sequence whose `- ` markers all sit at `indent`. */
  private sequence(indent: number, pointer: string): Sure<Value[]> {
    const items: Value[] = [];
    for (;;) {
      const line = this.lines[this.next];
      if (!line || line.indent < indent) return items;
      if (line.indent > indent) return NOT_SURE;
      if (!isItem(line.text)) return items;
      this.next++;
      const at = 1 + countLeadingSpaces(line.text, 1);
      if (at === 1 || at === line.text.length) return NOT_SURE; // "-" alone: the item is on the next lines
      const content = line.text.slice(at);
      const first = content.charCodeAt(0);
      if (first === 35 /* # */ || isItem(content)) return NOT_SURE;
      const itemPointer = this.positions ? `${pointer}/${items.length}` : '';
      this.place(itemPointer, line, at);
      let item: Sure<Value>;
      if (keyColon(content) !== -1) {
        // "- role: IC" opens a mapping whose keys sit at the column of "role".
        item = this.mapping(line.indent + at, itemPointer, { line, at });
      } else {
        item = this.positions ? inline(content, (offset) => this.place(`${itemPointer}/${offset.index}`, line, at + offset.at), true) : inline(content, NO_PLACE, false);
        if ((this.lines[this.next]?.indent ?? -1) > indent) return NOT_SURE;
      }
      if (item === NOT_SURE) return NOT_SURE;
      items.push(item);
    }
  }
}

type PlaceItem = (offset: { index: number; at: number }) => void;
// Without positions nothing is placed: one shared function rather than a closure per value.
const NO_PLACE: PlaceItem = () => undefined;

/** A value on the rest of a line: a quoted or plain scalar, or a one-line flow sequence of scalars. */
function inline(text: string, placeItem: PlaceItem, wantPositions: boolean): Sure<Value> {
  const first = text.charCodeAt(0);
  if (first === 91 /* [ */) return flowSequence(text, wantPositions ? placeItem : null);
  if (first === 34 /* " */ || first === 39 /* ' */) {
    const quoted = readQuoted(text, 0);
    if (quoted === NOT_SURE || !afterValue(text, quoted.end)) return NOT_SURE;
    return quoted.value;
  }
  return plainScalar(text, 'block');
}

/** After a closing quote or bracket: nothing, or spaces and a comment (a `#` right after it is an error). */
function afterValue(text: string, end: number): boolean {
  if (end === text.length) return true;
  return text.charCodeAt(end) === 32 && LINE_END.test(text.slice(end));
}

/** A plain scalar on one line, up to a comment; not sure when it could mean anything else. */
function plainScalar(text: string, context: 'block' | 'flow'): Sure<Plain> {
  const comment = text.indexOf(' #');
  // In a flow sequence a comment runs to the end of the line, past the closing bracket.
  if (context === 'flow' && comment !== -1) return NOT_SURE;
  const value = trimSpacesEnd(comment === -1 ? text : text.slice(0, comment));
  if (value === '' || !PLAIN_START.test(value)) return NOT_SURE;
  // ": " would open a mapping; in a flow sequence ", [ ] { }" end or nest the item.
  if (value.includes(': ') || value.endsWith(':')) return NOT_SURE;
  if (context === 'flow' && /[,[\]{}]|:[,\]]/.test(value)) return NOT_SURE;
  return resolvePlain(value);
}

/** A quoted scalar that closes on the same line, without escapes. */
function readQuoted(text: string, start: number): Sure<{ value: string; end: number }> {
  const quote = text.charCodeAt(start);
  let value = '';
  let from = start + 1;
  for (let i = from; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (quote === 34 && char === 92 /* \ */) return NOT_SURE;
    if (char !== quote) continue;
    if (quote === 39 && text.charCodeAt(i + 1) === 39) {
      value += text.slice(from, i + 1);
      from = i + 2;
      i++;
      continue;
    }
    return { value: value + text.slice(from, i), end: i + 1 };
  }
  return NOT_SURE; // continues on the next line
}

/** `[a, "b", 3]` on one line: scalars only, no empty entries. */
function flowSequence(text: string, placeItem: PlaceItem | null): Sure<Value[]> {
  const items: Value[] = [];
  let i = 1 + countLeadingSpaces(text, 1);
  if (text.charCodeAt(i) === 93 /* ] */) return afterValue(text, i + 1) ? items : NOT_SURE;
  for (;;) {
    i += countLeadingSpaces(text, i);
    placeItem?.({ index: items.length, at: i });
    let item: Sure<Plain>;
    const first = text.charCodeAt(i);
    if (first === 34 || first === 39) {
      const quoted = readQuoted(text, i);
      if (quoted === NOT_SURE) return NOT_SURE;
      item = quoted.value;
      i = quoted.end;
      i += countLeadingSpaces(text, i);
    } else {
      let end = i;
      while (end < text.length && text.charCodeAt(end) !== 44 /* , */ && text.charCodeAt(end) !== 93 /* ] */) end++;
      if (end === text.length) return NOT_SURE;
      item = plainScalar(text.slice(i, end), 'flow');
      i = end;
    }
    if (item === NOT_SURE) return NOT_SURE;
    items.push(item);
    const next = text.charCodeAt(i);
    if (next === 93) return afterValue(text, i + 1) ? items : NOT_SURE;
    if (next !== 44) return NOT_SURE;
    i++;
    i += countLeadingSpaces(text, i);
    if (text.charCodeAt(i) === 93 || text.charCodeAt(i) === 44) return NOT_SURE; // trailing or empty entry
  }
}
