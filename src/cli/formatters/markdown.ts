// Escaping for text that comes from documents and lands in GitHub-flavoured Markdown.

/**
 * Text safe inside a paragraph, heading, table cell or link text: no markup, no HTML, one line.
 * Brackets are escaped, so `(`, `)` and `!` cannot start a link or an image.
 */
export function markdownText(text: string): string {
  return text
    .replace(/\r\n?|\n/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]#|~]/g, (char) => `\\${char}`);
}

/** A link whose text and address cannot break out of the Markdown around them. */
export function markdownLink(text: string, url: string): string {
  const safeUrl = url.replace(/[\s()<>]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `[${markdownText(text)}](${safeUrl})`;
}

/** Inline code; `<code>` rather than backticks so a backtick in the value cannot end it. */
export function markdownCode(text: string): string {
  return `<code>${markdownText(text)}</code>`;
}

export function markdownTable(header: string[], rows: string[][], align?: Array<'left' | 'right'>): string {
  const rule = header.map((_, index) => (align?.[index] === 'right' ? '---:' : '---'));
  return [header, rule, ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
