// The body scan: headings with GitHub's anchors, links and table cells, each at its line and
// column in the file; long bodies scanned in pieces give the same answers.
import { describe, expect, it } from 'vitest';
import { CHUNK_CHARS, INLINE_LIMIT, scanBody, splitAtBlocks } from './body.js';

const FIRST_LINE = 10; // the body starts on line 10 of the file, after the frontmatter

const BODY = [
  '# Database failover', // 10
  '', // 11
  '## Escalation & contacts', // 12
  '', // 13
  '| Role | Name | Contact |', // 14
  '| ---- | ---- | ------- |', // 15
  '| Lead | Ana  | [page](#escalation--contacts) |', // 16
  '|  | TBD | \\| pipe |', // 17
  '', // 18
  '## Escalation & contacts', // 19
  '', // 20
  'See [the runbook](../runbooks/db.md#summary) and', // 21
  '[a reference][r].', // 22
  '', // 23
  '  ### `code` heading \\*escaped\\* &amp; more', // 24
  '', // 25
  '```md', // 26
  '# not a heading', // 27
  '```', // 28
  '', // 29
  '[r]: ./other.md', // 30
  '',
].join('\n');

describe('scanBody', () => {
  it.each([
    ['LF', BODY],
    ['CRLF', BODY.replace(/\n/g, '\r\n')],
  ])('finds headings with their slugs and columns (%s)', (_name, body) => {
    const { headings } = scanBody(body, FIRST_LINE);
    expect(headings).toEqual([
      { level: 1, text: 'Database failover', slug: 'database-failover', line: 10, column: 1 },
      { level: 2, text: 'Escalation & contacts', slug: 'escalation--contacts', line: 12, column: 1 },
      { level: 2, text: 'Escalation & contacts', slug: 'escalation--contacts-1', line: 19, column: 1 },
      { level: 3, text: 'code heading *escaped* & more', slug: 'code-heading-escaped--more', line: 24, column: 3 },
    ]);
  });

  it.each([
    ['LF', BODY],
    ['CRLF', BODY.replace(/\n/g, '\r\n')],
  ])('finds links, in tables too, at their targets (%s)', (_name, body) => {
    const { links } = scanBody(body, FIRST_LINE);
    expect(links).toEqual([
      { href: '#escalation--contacts', line: 16, column: 24 },
      { href: '../runbooks/db.md#summary', line: 21, column: 19 },
      // A reference link's target is written elsewhere: it is placed at its paragraph.
      { href: './other.md', line: 21, column: 1 },
    ]);
  });

  it('finds table cells with the column where each text starts, and the section above', () => {
    const { tables } = scanBody(BODY, FIRST_LINE);
    expect(tables).toHaveLength(1);
    expect(tables[0]).toMatchObject({ section: 'Escalation & contacts', headers: ['Role', 'Name', 'Contact'], line: 14, column: 1 });
    expect(tables[0].rows).toEqual([
      [
        { text: 'Lead', line: 16, column: 3 },
        { text: 'Ana', line: 16, column: 10 },
        { text: 'page', line: 16, column: 17 },
      ],
      [
        { text: '', line: 17, column: 2 },
        { text: 'TBD', line: 17, column: 6 },
        { text: '| pipe', line: 17, column: 12 },
      ],
    ]);
  });

  it('returns nothing for an empty or blank body', () => {
    expect(scanBody('', 1)).toEqual({ headings: [], links: [], tables: [] });
    expect(scanBody('\n  \n', 1)).toEqual({ headings: [], links: [], tables: [] });
  });
});

describe('scanBody on a body longer than one piece', () => {
  // Each section is about 2 kB; enough of them to make several pieces.
  const section = (i: number): string =>
    `## Repeat\n\nParagraph ${i} with [a link](#repeat) and text. ${'Filler words here. '.repeat(100)}\n\n` +
    '```text\nfenced\n\n# not a heading\n\nstill fenced\n```\n\n' +
    '<!--\n\n# not a heading either\n\n-->\n\n';
  const count = Math.ceil((3 * CHUNK_CHARS) / section(0).length);
  const body = `[early use][defined-late]\n\n${Array.from({ length: count }, (_, i) => section(i)).join('')}[defined-late]: #late-target\n`;

  it('is cut into several pieces that join back into the body, never inside a fence or comment', () => {
    const pieces = splitAtBlocks(body, CHUNK_CHARS);
    expect(pieces.length).toBeGreaterThanOrEqual(3);
    expect(pieces.map((piece) => piece.text).join('')).toBe(body);
    for (const piece of pieces.slice(1)) {
      expect(piece.text.startsWith('## Repeat') || piece.text.startsWith('Paragraph'), piece.text.slice(0, 40)).toBe(true);
      expect(body.slice(0, body.indexOf(piece.text)).split('\n').length - 1).toBe(piece.line);
    }
  });

  it('finds every heading with slugs numbered across pieces, and lines true to the end', () => {
    const scan = scanBody(body, FIRST_LINE);
    expect(scan.headings).toHaveLength(count);
    expect(scan.headings.map((h) => h.slug)).toEqual(Array.from({ length: count }, (_, i) => (i === 0 ? 'repeat' : `repeat-${i}`)));
    const lastHeadingLine = body.split('\n').lastIndexOf('## Repeat') + FIRST_LINE;
    expect(scan.headings.at(-1)?.line).toBe(lastHeadingLine);
  });

  it('resolves a reference defined in a later piece', () => {
    const scan = scanBody(body, FIRST_LINE);
    expect(scan.links[0]).toEqual({ href: '#late-target', line: FIRST_LINE, column: 1 });
    expect(scan.links).toHaveLength(count + 1);
  });
});

describe('scanBody on a paragraph longer than the inline limit', () => {
  it('still finds its links, at their columns, without running the inline parser over it', () => {
    // 700,000 emphasis markers would cost about 400 MiB of inline tokens.
    const line = `${'*a '.repeat(Math.ceil(INLINE_LIMIT / 3))}[first](#one) and [second](<./two.md>) end`;
    const scan = scanBody(`# Title\n\n${line}\n`, FIRST_LINE);
    expect(scan.links).toEqual([
      { href: '#one', line: FIRST_LINE + 2, column: line.indexOf('#one') + 1 },
      { href: './two.md', line: FIRST_LINE + 2, column: line.indexOf('./two.md') + 1 },
    ]);
    expect(scan.headings.map((h) => h.slug)).toEqual(['title']);
  });
});
