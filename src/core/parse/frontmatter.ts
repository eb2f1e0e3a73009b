// Reads the YAML frontmatter block with a source position for every key and value.
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { escapePointerSegment } from '../pointer.js';
import { readPlainYaml } from './fastPath.js';

export interface Position {
  line: number;
  column: number;
}

export interface FieldPosition {
  /** Where the key starts (absent for list items). */
  key?: Position;
  /** Where the value starts. */
  value: Position;
}

export interface SyntaxProblem extends Position {
  message: string;
}

export interface Frontmatter {
  /** The frontmatter as plain data, or null when it could not be read. */
  data: Record<string, unknown> | null;
  /** JSON Pointer (`/escalation/0/contact`) → where that key and value sit in the file. */
  positions: Map<string, FieldPosition>;
  problems: SyntaxProblem[];
  body: string;
  /** 1-based line of the file where `body` starts. */
  bodyStartLine: number;
  /** The YAML between the delimiters (it starts on line 2), when there was a closed block. */
  yamlText?: string;
}

export interface ReadOptions {
  /**
   * Compute positions now (default). Without them, plain frontmatter is read by the fast path
   * (fastPath.ts: the same values as the full reader, or none), and `yamlPositions(yamlText)`
   * finds positions later, only for files with findings.
   */
  positions?: boolean;
}

const OPENING = /^---[ \t]*\r?$/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*\r?$/m;
// Aliases beyond this count are a "billion laughs" attack, not a real document.
const MAX_ALIAS_COUNT = 100;
// Real frontmatter is a few kilobytes; a megabyte of YAML is not metadata, and parsing far more
// would cost memory out of all proportion. (20,000 keys is about 450 kB and is still read.)
export const MAX_FRONTMATTER_CHARS = 1_000_000;

export function readFrontmatter(text: string, options: ReadOptions = {}): Frontmatter {
  const empty = (message: string, line = 1, column = 1): Frontmatter => ({
    data: null,
    positions: new Map(),
    problems: [{ line, column, message }],
    body: text,
    bodyStartLine: 1,
  });

  const firstBreak = text.indexOf('\n');
  const firstLine = firstBreak === -1 ? text : text.slice(0, firstBreak);
  if (text.length === 0) return empty('the file is empty: a document needs a frontmatter block starting with "---"');
  if (!OPENING.test(firstLine)) {
    return empty('no frontmatter block: the first line must be "---", followed by YAML and a closing "---"');
  }
  if (firstBreak === -1) return empty('frontmatter block is not closed: add a line "---" after the YAML');

  const yamlStart = firstBreak + 1;
  CLOSING.lastIndex = 0;
  const rest = text.slice(yamlStart);
  const closing = CLOSING.exec(rest);
  if (!closing) return empty('frontmatter block is not closed: add a line "---" after the YAML');

  const yamlText = rest.slice(0, closing.index);
  const closingEnd = yamlStart + closing.index + closing[0].length;
  const afterClosing = text.indexOf('\n', closingEnd);
  const body = afterClosing === -1 ? '' : text.slice(afterClosing + 1);
  const yamlLineCount = countLines(yamlText);
  const bodyStartLine = 2 + yamlLineCount + 1;

  if (yamlText.length > MAX_FRONTMATTER_CHARS) {
    const size = `${(yamlText.length / 1_000_000).toFixed(1)} MB`;
    const message = `frontmatter block is ${size}, over the ${MAX_FRONTMATTER_CHARS / 1_000_000} MB limit: keep long text in the body`;
    return { data: null, positions: new Map(), problems: [{ line: 2, column: 1, message }], body, bodyStartLine };
  }
  if (options.positions === false) {
    const data = readPlainYaml(yamlText)?.data;
    if (data) return { data, positions: new Map(), problems: [], body, bodyStartLine, yamlText };
  }
  return { ...readYaml(yamlText), body, bodyStartLine, yamlText };
}

/** Positions of every key and value in a frontmatter's YAML (as returned in `yamlText`). */
export function yamlPositions(yamlText: string): Map<string, FieldPosition> {
  // The fast path places plain frontmatter exactly as the full reader does (fastPath.test.ts).
  return readPlainYaml(yamlText, { positions: true })?.positions ?? readYaml(yamlText).positions;
}

function countLines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

function readYaml(yamlText: string): Omit<Frontmatter, 'body' | 'bodyStartLine'> {
  const lineCounter = new LineCounter();
  // The YAML starts on line 2 of the file, after the opening "---".
  const at = (offset: number): Position => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line + 1, column: pos.col };
  };
  const problems: SyntaxProblem[] = [];
  const doc = parseDocument(yamlText, {
    lineCounter,
    // yaml's own duplicate check compares each key with every earlier one (20,000 keys: 4 s);
    // findDuplicateKeys does the same job in one pass.
    uniqueKeys: false,
    prettyErrors: false,
    schema: 'core',
    // Without this, !!set, !!omap, !!binary and !!timestamp build Set, Map, Buffer and Date objects.
    resolveKnownTags: false,
    strict: true,
  });

  for (const error of doc.errors) {
    let message = `YAML syntax error: ${error.message}`;
    if (/tab/i.test(error.message)) {
      message = `YAML syntax error: tabs are not allowed for indentation; use spaces (${error.message})`;
    }
    problems.push({ ...at(error.pos[0]), message });
  }
  for (const warning of doc.warnings) {
    // Unknown tags (`!!js/function`, `!!python/object`) would build objects elsewhere; here they are errors.
    const tag = /Unresolved tag: (\S+)/.exec(warning.message)?.[1].replace(/^tag:yaml\.org,2002:/, '!!');
    const message = tag
      ? `YAML tag ${tag} is not allowed: frontmatter holds plain values only`
      : `YAML problem: ${warning.message}`;
    problems.push({ ...at(warning.pos[0]), message });
  }
  if (doc.contents) {
    for (const { key, offset } of findDuplicateKeys(doc.contents)) {
      problems.push({ ...at(offset), message: `duplicate key "${key}": each key may appear only once` });
    }
  }
  const positions = new Map<string, FieldPosition>();
  if (problems.length > 0) return { data: null, positions, problems };

  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) {
    return { data: {}, positions, problems };
  }
  if (!isMap(root)) {
    const kind = isSeq(root) ? 'a list' : 'a single value';
    const start = at(root.range?.[0] ?? 0);
    return { data: null, positions, problems: [{ ...start, message: `frontmatter must be a mapping of keys to values, found ${kind}` }] };
  }

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const firstAlias = yamlText.search(/\*[^\s,\]}]/);
    const where = firstAlias >= 0 ? at(firstAlias) : { line: 2, column: 1 };
    return {
      data: null,
      positions,
      problems: [{ ...where, message: `YAML aliases expand too far (${(error as Error).message}); write the values out` }],
    };
  }
  collectPositions(root, '', positions, at);
  return { data: data as Record<string, unknown>, positions, problems };
}

/** Keys written twice in the same mapping, at any depth, each with the offset of its second use. */
function findDuplicateKeys(root: YamlNode): Array<{ key: string; offset: number }> {
  const duplicates: Array<{ key: string; offset: number }> = [];
  const stack: YamlNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as YamlNode;
    if (isMap(node)) {
      // Same test as yaml's uniqueKeys: scalar keys with the same value (1 and "1" differ).
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        const keyNode = pair.key as YamlNode | null;
        if (isScalar(keyNode)) {
          if (seen.has(keyNode.value)) duplicates.push({ key: String(keyNode.value), offset: keyNode.range?.[0] ?? 0 });
          seen.add(keyNode.value);
        }
        if (pair.value) stack.push(pair.value as YamlNode);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) if (item) stack.push(item as YamlNode);
    }
  }
  return duplicates.sort((a, b) => a.offset - b.offset);
}

function collectPositions(
  node: YamlNode,
  pointer: string,
  positions: Map<string, FieldPosition>,
  at: (offset: number) => Position,
): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key as YamlNode | null;
      const keyText = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
      const childPointer = `${pointer}/${escapePointerSegment(keyText)}`;
      const keyOffset = keyNode?.range?.[0];
      const valueNode = pair.value as YamlNode | null;
      const valueOffset = valueNode?.range?.[0] ?? keyNode?.range?.[1];
      const key = keyOffset !== undefined ? at(keyOffset) : undefined;
      positions.set(childPointer, { key, value: valueOffset !== undefined ? at(valueOffset) : (key ?? { line: 2, column: 1 }) });
      if (valueNode) collectPositions(valueNode, childPointer, positions, at);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => {
      const itemNode = item as YamlNode;
      const childPointer = `${pointer}/${index}`;
      if (itemNode?.range) positions.set(childPointer, { value: at(itemNode.range[0]) });
      if (itemNode) collectPositions(itemNode, childPointer, positions, at);
    });
  }
}
