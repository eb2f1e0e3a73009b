import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { markdownLink, markdownTable, markdownText } from './markdown.js';

// Render as a GFM-like parser would, with raw HTML allowed, to see what a reader would get.
const md = new MarkdownIt({ html: true });

describe('markdown escaping of document text', () => {
  it('renders hostile text as the same visible text, with no links, images or HTML', () => {
    const hostile = 'Evil [click](javascript:alert(1)) ![x](http://t.example/p.png) <img src=x onerror=alert(1)> **bold** `code` a|b\nnext & co #1';
    const html = md.renderInline(markdownText(hostile));
    expect(html).not.toMatch(/<a |<img|<strong|<code/);
    const visible = html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    expect(visible).toBe(hostile.replace('\n', ' '));
  });

  it('keeps a table row one row whatever the cell holds', () => {
    const table = markdownTable(['a', 'b'], [[markdownText('x | y\r\nz'), markdownLink('t|x]', 'content/a (b).md')]]);
    const html = md.render(table);
    expect(html.match(/<td>/g)).toHaveLength(2);
    expect(html).toContain('<a href="content/a%20%28b%29.md">t|x]</a>');
  });
});
