// The body scan reads a paragraph for its links with fewer inline rules than the full parser
// (body.ts linkFinder), normalises line endings only where there are some, and slugs headings
// through a memo. Each shortcut must give exactly what the full reading gives: this test runs
// markdown-it with every rule over tricky paragraphs and compares, link by link.
import GithubSlugger from 'github-slugger';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { sluggerFor } from './anchors.js';
import { scanBody } from './body.js';

const full = new MarkdownIt({ html: true, linkify: false });

/** Every link a paragraph holds, as markdown-it with all of its rules reads it. */
function fullLinks(markdown: string): string[] {
  const hrefs: string[] = [];
  for (const token of full.parse(markdown, {})) {
    if (token.type !== 'inline' || !token.children) continue;
    for (const child of token.children) if (child.type === 'link_open') hrefs.push(child.attrGet('href') ?? '');
  }
  return hrefs;
}

const PARAGRAPHS = [
  'See [the runbook](../runbooks/db.md#summary) now.',
  '*[a](b)* and **[c](d)** and _[e](f)_ and __[g](h)__',
  '~~[a](b)~~ ~~[c](~~d)',
  '`[not](a-link)` but [this](one)',
  '``[not](x)`` and `` ` [also not](y) ` `` then [yes](z)',
  '`open code [a](b)',
  '\\[not](a) and [a\\](b) and [c](d\\))',
  '<span>[a](b)</span> <a href="x">[c](d)</a>',
  '<img alt="[not](a)"> then [yes](b)',
  '![image](i.png) ![alt [inner](x)](y) [![img](i)](outer)',
  '[a](<b c>) [d](e "title") [f]( g ) [h](i \'t\')',
  '[a](b) [c](d) [[e]](f) [g]](h) [i[j](k)',
  '[a [b] c](d) [*emph*](e) [`code`](f)',
  '&#91;not](a) &amp;[a](b) [a&amp;b](c&amp;d) [x](&#x2F;y)',
  'A label over\nlines: [first\nsecond](target.md) and [a](b\nc)',
  '[a](b)  \nhard break [c](d)\\\nbackslash break [e](f)',
  '_x [a](b_c_d) y_ and *p [q](r*s) t*',
  '[bad](javascript:alert(1)) [data](data:image/png;base64,AAAA) [vb](vbscript:x)',
  '[unicode](ü/straße.md) [host](http://ÿ.example/x) [space](a%20b.md) [pct](a%zz)',
  '[x] <https://example.com/y> <mailto:a@b.example> [z](w)',
  '[ref] [ref][] [text][ref] [missing][nope] [Ref]',
  '[ref]: ./defined.md\n\nUse [ref] and [again][ref].',
  '*a [b](c) d* e **f [g](h)** i ***j [k](l)***',
  '[a](b)*c*[d](e)_f_[g](h)',
  'tab\t[a](b)\tand [c]\t(d)',
  '[a](#Rollback-Plan) [b](./guide) [c](./sub/) [d](?q=1#x)',
  '\\`[a](b)\\` and \\<[c](d)>',
  '<!-- [not](a) --> [yes](b) <?php [no](c) ?>',
  '[link with ~strike~ and *em*](x.md) ~single~ [y](z)',
  '**[unclosed](a) *[b](c)',
  'entity in url [a](b&quot;c) [d](e&#32;f)',
  '[a](b)[c](d)![e](f)[g](h)',
];

describe('links of a paragraph, read with the link rules only', () => {
  it.each(PARAGRAPHS.map((text) => [text]))('%j gives what the full parser gives', (text) => {
    expect(scanBody(text, 1).links.map((link) => link.href)).toEqual(fullLinks(text));
  });

  it.each([
    ['CRLF', 'a [b](c)\r\nd [e](f)\r\n\r\n# H\r\n[g](h)'],
    ['CR alone', 'a [b](c)\rd [e](f)\r\r# H\r[g](h)'],
    ['NUL', 'a\0[b](c\0d) [e\0](f)'],
  ])('reads %s line endings and NULs as markdown-it normalises them', (_name, text) => {
    expect(scanBody(text, 1).links.map((link) => link.href)).toEqual(fullLinks(text));
  });
});

describe('heading anchors', () => {
  const TEXTS = ['Scope', 'Scope', 'Scope-1', 'scope', 'Scope 1', 'Scope-1', '', '', 'A', 'a-1', 'A', 'A', 'Élan vital', 'élan vital', '😀 Call now!', 'Call now', 'constructor', '__proto__', 'hasOwnProperty', 'toString', 'x-2', 'x', 'x', 'x'];

  it('numbers repeats exactly as GithubSlugger does, however often a text comes back', () => {
    const ours = sluggerFor('github');
    const theirs = new GithubSlugger();
    expect(TEXTS.map((text) => ours.slug(text, 2))).toEqual(TEXTS.map((text) => theirs.slug(text)));
  });

  it('gives each document its own numbering', () => {
    const first = sluggerFor('github');
    first.slug('Scope', 2);
    expect(sluggerFor('github').slug('Scope', 2)).toBe('scope');
  });
});
