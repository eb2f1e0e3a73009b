// Scans a Markdown body once for what the rules need: headings, links and tables, with positions.
import { createRequire } from 'node:module';
import type MarkdownItType from 'markdown-it';
import type TokenType from 'markdown-it/lib/token.mjs';
import type { AnchorStyle } from '../config/presets.js';
import { boundedMemo } from '../memo.js';
import { sluggerFor, type Slugger } from './anchors.js';
import type { Position } from './frontmatter.js';

export interface Heading extends Position {
  level: number;
  text: string;
  /** The anchor GitHub and Starlight give this heading. */
  slug: string;
}

export interface Link extends Position {
  href: string;
  /** Where the link leads, as link-broken resolved it once the set rules ran: what the site renders. */
  target?: LinkDestination;
}

/**
 * A link's destination. `document`: a page of the set, by its record's slug, and the heading slug
 * the anchor matched (null without one); `file`: a file beside the documents that is not one;
 * `external`: not a path in this tree (a scheme, `//host`, a site-absolute path, or empty), left
 * as written; `broken`: what link-broken reports.
 */
export type LinkDestination =
  | { kind: 'document'; slug: string; anchor: string | null }
  | { kind: 'file' }
  | { kind: 'external' }
  | { kind: 'broken' };

export interface TableCell extends Position {
  text: string;
}

export interface Table extends Position {
  /** Text of the nearest heading above the table, or null. */
  section: string | null;
  headers: string[];
  rows: TableCell[][];
}

export interface BodyScan {
  headings: Heading[];
  links: Link[];
  tables: Table[];
  /** The Markdown scanned (absent when blank); kept past the rules only when the engine is asked to (keepBody: the site renders it). */
  text?: string;
}

// markdown-it's CommonJS build: one file where its ES modules are 53, which every run would load
// one by one (measured at start-up: 16 ms against 42 ms).
type MarkdownIt = MarkdownItType;
const MarkdownIt = createRequire(import.meta.url)('markdown-it') as typeof MarkdownItType;

// markdown-it: measured faster than micromark/mdast on the bench set, with GFM tables built in.
// Inline parsing runs one block at a time (below), so the core's inline pass is switched off:
// a 20 MB body then needs about half the memory and time (measured: 553 → 313 MiB, 2.0 → 1.1 s).
// Its normalisation of line endings and NULs copies the whole text twice even with nothing to
// change: parseBlocks does it only where there is something to change.
const markdown = new MarkdownIt({ html: true, linkify: false });
markdown.core.ruler.disable(['normalize', 'inline', 'linkify', 'replacements', 'smartquotes', 'text_join']);

/** markdown-it's own token class, for the tokens the scan makes itself. */
type Token = TokenType;
const Token = markdown.core.State.prototype.Token;

// A paragraph is read for its links only: the same inline rules but those that only mark text
// (emphasis, strikethrough, line breaks, entities), which neither make nor hide a link. Links
// inside code spans, escapes, raw HTML and images are still not links. Headings and table cells,
// whose text counts, are read by the full inline parser.
const linkFinder = new MarkdownIt({ html: true, linkify: false });
linkFinder.inline.ruler.enableOnly(['text', 'escape', 'backticks', 'link', 'image', 'autolink', 'html_inline']);
linkFinder.inline.ruler2.enableOnly([]);

// A link's href is markdown-it's own normalisation and check of what was written: pure functions
// of the text, and documents link to the same few places, so each is worked out once per text.
for (const parser of [markdown, linkFinder]) {
  parser.normalizeLink = boundedMemo(parser.normalizeLink.bind(parser), 20_000);
  parser.validateLink = boundedMemo(parser.validateLink.bind(parser), 20_000);
}

// Bodies longer than this are parsed in pieces cut at safe block boundaries, so the token
// arrays in memory stay the size of one piece however long the document is (20 MB body: 390 MiB
// peak in one piece, 160 MiB in 100 kB pieces).
export const CHUNK_CHARS = 100_000;

type MarkdownEnv = Record<string, unknown>;

export function scanBody(body: string, firstLine: number, anchors: AnchorStyle = 'github'): BodyScan {
  const scan: BodyScan = { headings: [], links: [], tables: [] };
  if (!NOT_BLANK.test(body)) return scan; // nothing to render either
  scan.text = body;
  const slugger = sluggerFor(anchors);
  const env: MarkdownEnv = {};
  const pieces = body.length > CHUNK_CHARS ? splitAtBlocks(body, CHUNK_CHARS) : [{ text: body, line: 0 }];
  // Reference definitions ([x]: /url) may sit in a later piece than their use: collect them first.
  if (pieces.length > 1 && REFERENCE_DEFINITION.test(body)) for (const piece of pieces) parseBlocks(piece.text, env);
  let section: string | null = null;
  for (const piece of pieces) section = scanPiece(piece.text, firstLine + piece.line, env, slugger, section, scan);
  return scan;
}

const NOT_BLANK = /\S/;
const REFERENCE_DEFINITION = /^ {0,3}\[[^\]\n]+\]:/m;

/** markdown-it's block parse, with its own normalisation done only where there is something to normalise. */
function parseBlocks(text: string, env: MarkdownEnv): Token[] {
  const normalized = text.includes('\r') || text.includes('\0') ? text.replace(/\r\n?/g, '\n').replace(/\0/g, '\uFFFD') : text;
  return markdown.parse(normalized, env);
}

function scanPiece(text: string, firstLine: number, env: MarkdownEnv, slugger: Slugger, section: string | null, scan: BodyScan): string | null {
  const tokens = parseBlocks(text, env);
  const lines = new LazyLines(text);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    // Only a block with a "[" can hold a link; headings and table cells are parsed where they are read.
    if (token.type === 'inline' && token.content.includes('[')) parseInline(token, env, linkFinder);
    if (token.type === 'heading_open') {
      const text = readInline(tokens[i + 1], env);
      const line = token.map ? token.map[0] : 0;
      const column = lines.get(line).search(/\S/) + 1 || 1;
      scan.headings.push({ level: Number(token.tag.slice(1)), text, slug: slugger.slug(text, Number(token.tag.slice(1))), line: line + firstLine, column });
      section = text;
    } else if (token.type === 'inline' && token.children) {
      collectLinks(token, lines, firstLine, scan.links);
      token.children = null; // done with it: keep memory to one block's inline tokens
    } else if (token.type === 'table_open') {
      i = readTable(tokens, i, lines, firstLine, section, scan, env);
    }
  }
  return section;
}

// A paragraph longer than this (a line of megabytes) is not run through the inline parser: there,
// adversarial text such as "*a " repeated costs about 200 bytes of tokens per byte (a 2 MB line:
// 400 MiB). Its links are found by pattern instead.
export const INLINE_LIMIT = 1_000_000;

// Text with none of the characters that start inline syntax (emphasis, code, links, HTML,
// entities, escapes, strikethrough, hard breaks).
const PLAIN_INLINE = /^[^[\]*_`<>&\\~!\n]*$/;

/** Runs markdown-it's inline parser on one block, once. */
function parseInline(token: Token | undefined, env: MarkdownEnv, parser: MarkdownIt = markdown): void {
  // The block parser leaves each inline token an empty children array; fill it once.
  if (!token || token.type !== 'inline' || (token.children && token.children.length > 0)) return;
  if (token.content.length > INLINE_LIMIT) {
    token.children = linksByPattern(token.content);
    return;
  }
  const children: Token[] = [];
  parser.inline.parse(token.content, parser, env, children);
  token.children = children;
}

/** The text and the inline links `[text](href)` of a huge block, as the tokens the scan reads. */
function linksByPattern(content: string): Token[] {
  const text = new Token('text', '', 0);
  text.content = content;
  const children = [text];
  for (const match of content.matchAll(/\]\(\s*<?([^\s()<>]+)/g)) {
    const open = new Token('link_open', 'a', 1);
    open.attrs = [['href', match[1]]];
    children.push(open);
  }
  return children;
}

/**
 * Cuts a long body before a line that starts a new top-level paragraph or heading after a blank
 * line, outside fenced code and multi-line HTML blocks: each piece then parses as it would in
 * the whole (only a list split in two would differ, which no rule looks at).
 */
export function splitAtBlocks(body: string, size: number): Array<{ text: string; line: number }> {
  const pieces: Array<{ text: string; line: number }> = [];
  let pieceStart = 0;
  let pieceLine = 0;
  let line = 0;
  let fence: { marker: string; length: number } | null = null;
  let htmlEnd: RegExp | null = null;
  let previousBlank = false;
  for (let start = 0; start < body.length; line++) {
    const newline = body.indexOf('\n', start);
    const end = newline === -1 ? body.length : newline;
    const text = body.slice(start, end);
    if (previousBlank && !fence && !htmlEnd && start - pieceStart >= size && /^[A-Za-z0-9#]/.test(text)) {
      pieces.push({ text: body.slice(pieceStart, start), line: pieceLine });
      pieceStart = start;
      pieceLine = line;
    }
    if (fence) {
      const close = /^ {0,3}(`{3,}|~{3,})[ \t]*\r?$/.exec(text);
      if (close && close[1][0] === fence.marker && close[1].length >= fence.length) fence = null;
    } else if (htmlEnd) {
      if (htmlEnd.test(text)) htmlEnd = null;
    } else {
      const open = /^ {0,3}(`{3,}|~{3,})/.exec(text);
      if (open) fence = { marker: open[1][0], length: open[1].length };
      else htmlEnd = htmlBlockEnd(text);
    }
    previousBlank = !fence && !htmlEnd && text.trim() === '';
    start = end + 1;
  }
  if (pieceStart < body.length) pieces.push({ text: body.slice(pieceStart), line: pieceLine });
  return pieces;
}

/** CommonMark HTML blocks 1–5 run past blank lines until their end marker; the others end at one. */
function htmlBlockEnd(line: string): RegExp | null {
  const open = /^ {0,3}<(script|pre|style|textarea|!--|\?|!\[CDATA\[|![A-Za-z])/i.exec(line);
  if (!open) return null;
  const kind = open[1].toLowerCase();
  const end =
    kind === '!--' ? /-->/ : kind === '?' ? /\?>/ : kind === '![cdata[' ? /\]\]>/ : kind.startsWith('!') ? />/ : new RegExp(`</${kind}>`, 'i');
  return end.test(line.slice(open[0].length)) ? null : end;
}

/** The text of a heading or a table cell, as the page shows it; its links are then on its children. */
function readInline(token: Token | undefined, env: MarkdownEnv): string {
  if (!token || token.type !== 'inline') return '';
  // Most headings and table cells are plain words: their text is their content, no parse needed.
  if (PLAIN_INLINE.test(token.content)) return token.content.trim();
  parseInline(token, env);
  return inlineText(token);
}

function inlineText(inline: Token | undefined): string {
  if (!inline?.children) return inline?.content ?? '';
  let text = '';
  for (const child of inline.children) {
    // text_special: escapes and entities (\\*, &amp;), which the core's text_join would fold into text.
    if (child.type === 'text' || child.type === 'text_special' || child.type === 'code_inline') text += child.content;
  }
  return text.trim();
}

/** `map`: the block's source lines (table cells carry none of their own: their row's line is used). */
function collectLinks(inline: Token, lines: LazyLines, firstLine: number, links: Link[], map = inline.map): void {
  for (const child of inline.children ?? []) {
    if (child.type !== 'link_open') continue;
    const href = child.attrGet('href') ?? '';
    const [start, end] = map ?? [0, 1];
    const at = locate(lines, start, end, href, firstLine);
    links.push({ href, line: at.line, column: at.column });
  }
}

/** Finds where a link target is written within a block's lines; falls back to the block start. */
function locate(lines: LazyLines, start: number, end: number, href: string, firstLine: number): Position {
  // Most links are found at once as `](href`; the other spellings are tried only when it is not there.
  const found = find(lines, start, end, `](${href}`, 2) ?? find(lines, start, end, `(${href}`, 1) ?? find(lines, start, end, href, 0);
  if (found) return { line: found.line + firstLine, column: found.column };
  let decoded: string | null = null;
  try {
    decoded = decodeURI(href);
  } catch {
    // Malformed escapes: the raw form is all we can look for.
  }
  const fallback = decoded === null ? null : find(lines, start, end, decoded, 0);
  return fallback ? { line: fallback.line + firstLine, column: fallback.column } : { line: start + firstLine, column: 1 };
}

/** The first of the block's lines holding `needle`, and the column `skip` characters into it. */
function find(lines: LazyLines, start: number, end: number, needle: string, skip: number): Position | null {
  for (let line = start; line < Math.max(end, start + 1); line++) {
    const index = lines.get(line).indexOf(needle);
    if (index !== -1) return { line, column: index + skip + 1 };
  }
  return null;
}

function readTable(
  tokens: Token[],
  openIndex: number,
  lines: LazyLines,
  firstLine: number,
  section: string | null,
  scan: BodyScan,
  env: MarkdownEnv,
): number {
  const open = tokens[openIndex];
  const table: Table = { section, headers: [], rows: [], line: (open.map?.[0] ?? 0) + firstLine, column: 1 };
  let row: TableCell[] | null = null;
  let rowLine = 0;
  let inHead = false;
  let i = openIndex + 1;
  for (; i < tokens.length && tokens[i].type !== 'table_close'; i++) {
    const token = tokens[i];
    if (token.type === 'thead_open') inHead = true;
    else if (token.type === 'thead_close') inHead = false;
    else if (token.type === 'tr_open') {
      row = [];
      rowLine = token.map?.[0] ?? 0;
    } else if (token.type === 'tr_close' && row) {
      if (!inHead) table.rows.push(row);
      row = null;
    } else if (token.type === 'inline' && row) {
      const text = readInline(token, env) || token.content.trim();
      collectLinks(token, lines, firstLine, scan.links, [rowLine, rowLine + 1]); // links in cells count too
      if (inHead) table.headers.push(text);
      else row.push({ text, line: rowLine + firstLine, column: 0 });
    }
  }
  for (const cells of table.rows) placeCells(cells, lines.get(cells[0]?.line - firstLine));
  scan.tables.push(table);
  return i;
}

/** Gives each cell the column where its text starts in the source row. */
function placeCells(cells: TableCell[], source: string): void {
  const starts: number[] = [];
  let cellStart = source.trimStart().startsWith('|') ? source.indexOf('|') + 1 : 0;
  for (let i = cellStart; i <= source.length; i++) {
    if (i === source.length || (source[i] === '|' && source[i - 1] !== '\\')) {
      const raw = source.slice(cellStart, i);
      const lead = raw.length - raw.trimStart().length;
      starts.push(cellStart + (raw.trim() === '' ? 0 : lead) + 1);
      cellStart = i + 1;
    }
  }
  cells.forEach((cell, index) => {
    cell.column = starts[index] ?? 1;
  });
}

/** A line of the body by its index, found when a position is needed: only line starts are kept, not a copy of every line. */
class LazyLines {
  /** Offset where each line found so far starts. */
  private readonly starts: number[] = [0];
  private done = false;
  constructor(private readonly text: string) {}
  get(index: number): string {
    while (!this.done && this.starts.length <= index + 1) {
      const newline = this.text.indexOf('\n', this.starts[this.starts.length - 1]);
      if (newline === -1) this.done = true;
      else this.starts.push(newline + 1);
    }
    if (!(index >= 0) || index >= this.starts.length) return '';
    const start = this.starts[index];
    let end = index + 1 < this.starts.length ? this.starts[index + 1] - 1 : this.text.length;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return this.text.slice(start, end);
  }
}
