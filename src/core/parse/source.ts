// Turns a file's bytes into text, or says plainly why it is not a text document.
import type { SyntaxProblem } from './frontmatter.js';

export type DecodedSource = { ok: true; text: string } | { ok: false; problem: SyntaxProblem };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const lenientUtf8 = new TextDecoder('utf-8');

export function decodeSource(bytes: Uint8Array): DecodedSource {
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const where = positionAt(bytes, nul);
    return { ok: false, problem: { ...where, message: 'the file contains NUL bytes: it looks binary, not Markdown' } };
  }
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    const lenient = lenientUtf8.decode(bytes);
    const bad = lenient.indexOf('\uFFFD');
    const where = positionAt(lenient, Math.max(bad, 0));
    return { ok: false, problem: { ...where, message: 'the file is not valid UTF-8: save it as UTF-8' } };
  }
  // A byte order mark is harmless; drop it so the first line reads "---".
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { ok: true, text };
}

/**
 * Text already decoded as UTF-8 by Node (`readFileSync(file, 'utf8')`, which replaces what does
 * not decode with U+FFFD): when it holds neither a NUL nor a U+FFFD, the bytes were valid and this
 * is exactly what decodeSource gives for them. Otherwise null: decodeSource, from the bytes, says
 * what is wrong (or that a U+FFFD was written on purpose).
 */
export function decodedText(text: string): DecodedSource | null {
  if (text.includes('\0') || text.includes('\uFFFD')) return null;
  // TextDecoder drops one byte order mark, and decodeSource one more.
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (text.charCodeAt(start) === 0xfeff) start++;
  return { ok: true, text: start === 0 ? text : text.slice(start) };
}

/** Line and column of `index` in bytes or text, counting "\n" line breaks. */
function positionAt(source: Uint8Array | string, index: number): { line: number; column: number } {
  const nextBreak = (from: number): number => (typeof source === 'string' ? source.indexOf('\n', from) : source.indexOf(10, from));
  let line = 1;
  let lineStart = 0;
  for (let i = nextBreak(0); i !== -1 && i < index; i = nextBreak(i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: index - lineStart + 1 };
}
