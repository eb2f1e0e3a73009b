// Small pure HTML helpers for the pieces rendered outside Astro (body contact tables, the
// break-glass export). Every value from a document goes through escapeHtml.
import { contactParts, type ContactOptions, type ContactPart } from '../../astro/contacts.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ESCAPES[char]);
}

/** One contact part as HTML: a link (tel:, mailto:, Slack, web) with the text as written, or text. */
export function contactPartHtml(part: ContactPart): string {
  if (part.kind === 'text' || !('href' in part) || !part.href) {
    return part.kind === 'slack' ? `<code class="vigil-contact vigil-contact--slack">${escapeHtml(part.text)}</code>` : escapeHtml(part.text);
  }
  const external = part.kind === 'web' || part.kind === 'slack' ? ' rel="noopener noreferrer"' : '';
  return `<a class="vigil-contact vigil-contact--${part.kind}" href="${escapeHtml(part.href)}"${external}>${escapeHtml(part.text)}</a>`;
}

/** Free text with every phone number, e-mail, Slack handle and web address in it made a link. */
export function contactTextHtml(text: string, options: ContactOptions = {}): string {
  return contactParts(text, options).map(contactPartHtml).join('');
}
