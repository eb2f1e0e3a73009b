// A file is read as text in one call (readFile.ts) and judged from its bytes only when the text
// shows a NUL or a U+FFFD. Whatever the bytes, that must come to exactly what decodeSource says.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodedText, decodeSource } from './source.js';

const dir = mkdtempSync(path.join(tmpdir(), 'vigil-source-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const bytes = (...parts: Array<string | number[]>): Buffer => Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part))));

const CASES: Array<[string, Buffer]> = [
  ['plain ASCII', bytes('---\ntitle: A\n---\nbody\n')],
  ['accents and an em dash', bytes('---\ntitle: Café — Wójcik\n---\n')],
  ['a byte order mark', bytes([0xef, 0xbb, 0xbf], '---\ntitle: A\n---\n')],
  ['two byte order marks', bytes([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], '---\ntitle: A\n---\n')],
  ['three byte order marks', bytes([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], '---\n')],
  ['a byte order mark later on', bytes('---\ntitle: A', [0xef, 0xbb, 0xbf], '\n---\n')],
  ['a U+FFFD written on purpose', bytes('---\ntitle: \uFFFD\n---\n')],
  ['a NUL byte', bytes('---\ntitle: A', [0], '\n---\n')],
  ['a lone continuation byte', bytes('---\ntitle: ', [0x80], '\n---\n')],
  ['a truncated sequence at the end', bytes('---\ntitle: A\n---\n', [0xe2, 0x80])],
  ['an overlong encoding', bytes('---\ntitle: ', [0xc0, 0xaf], '\n---\n')],
  ['an encoded surrogate', bytes('---\ntitle: ', [0xed, 0xa0, 0x80], '\n---\n')],
  ['Latin-1, not UTF-8', Buffer.from('---\ntitle: Caf\xe9\n---\n', 'latin1')],
  ['emoji (four bytes)', bytes('---\ntitle: 🚨 Incident\n---\n')],
  ['empty', Buffer.alloc(0)],
];

describe('decodedText', () => {
  it.each(CASES)('%s: Node\'s UTF-8 text, or else the bytes, decode as decodeSource decodes the bytes', (name, content) => {
    const file = path.join(dir, `${name.replace(/\W+/g, '-')}.md`);
    writeFileSync(file, content);
    const viaText = decodedText(readFileSync(file, 'utf8')) ?? decodeSource(readFileSync(file));
    expect(viaText).toEqual(decodeSource(content));
  });

  it('leaves to decodeSource every text that shows a NUL or a replacement character', () => {
    expect(decodedText('a\0b')).toBeNull();
    expect(decodedText('a\uFFFDb')).toBeNull();
    expect(decodedText('\uFEFF---')).toEqual({ ok: true, text: '---' });
  });
});
