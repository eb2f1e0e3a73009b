#!/usr/bin/env node
// Micro-benchmark: parse the Markdown bodies of a generated set with one parser.
//   node scripts/bench-parsers.mjs <corpus-dir> markdown-it|markdown-it-block|micromark
// markdown-it-block is how src/core/parse/body.ts runs it: block rules only, inline parsed on
// demand for headings and links; the other two build the full tree.
// Prints one JSON line: { parser, documents, bytes, readMs, parseMs, nodes }.
// Run once per parser in its own process so each peak RSS is its own.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const [dir, parser] = process.argv.slice(2);
if (!dir || !['markdown-it', 'markdown-it-block', 'micromark'].includes(parser)) {
  console.error('usage: bench-parsers.mjs <corpus-dir> markdown-it|markdown-it-block|micromark');
  process.exit(2);
}

function markdownFiles(folder) {
  const out = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) out.push(...markdownFiles(full));
    else if (entry.name.endsWith('.md')) out.push(full);
  }
  return out;
}

// Body only: vigil reads the frontmatter with a YAML parser, not with the Markdown tokenizer.
function body(text) {
  if (!text.startsWith('---\n')) return text;
  const end = text.indexOf('\n---\n', 4);
  return end === -1 ? text : text.slice(end + 5);
}

const readStart = performance.now();
const bodies = markdownFiles(path.join(dir, 'content')).map((file) => body(readFileSync(file, 'utf8')));
const readMs = performance.now() - readStart;

let parse;
if (parser.startsWith('markdown-it')) {
  const { default: MarkdownIt } = await import('markdown-it');
  const md = new MarkdownIt({ html: true, linkify: false });
  if (parser === 'markdown-it-block') md.core.ruler.disable(['inline', 'linkify', 'replacements', 'smartquotes', 'text_join']);
  parse = (text) => md.parse(text, {}).length;
} else {
  const { fromMarkdown } = await import('mdast-util-from-markdown');
  const { gfm } = await import('micromark-extension-gfm');
  const { gfmFromMarkdown } = await import('mdast-util-gfm');
  const options = { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] };
  parse = (text) => fromMarkdown(text, options).children.length;
}

const parseStart = performance.now();
let nodes = 0;
let bytes = 0;
for (const text of bodies) {
  nodes += parse(text);
  bytes += text.length;
}
const parseMs = performance.now() - parseStart;
console.log(JSON.stringify({ parser, documents: bodies.length, bytes, readMs: Math.round(readMs), parseMs: Math.round(parseMs), nodes }));
