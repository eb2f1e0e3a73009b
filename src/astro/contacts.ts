// How an escalation contact or status page is shown: a phone number becomes a tel: link, an
// e-mail address a mailto: link, a Slack handle or channel stays text, and only http(s)
// addresses become web links. Anything else is shown as plain (escaped) text.

export type ContactLink =
  | { kind: 'phone'; text: string; href: string }
  | { kind: 'email'; text: string; href: string }
  | { kind: 'web'; text: string; href: string }
  | { kind: 'slack'; text: string }
  | { kind: 'text'; text: string };

const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$/;
const PHONE = /^\+?[0-9][0-9 ().-]{4,}[0-9]$/;
const SLACK = /^[@#][A-Za-z0-9._-]+$/;

/** An absolute http(s) URL, normalised; null for anything else (javascript:, relative, malformed). */
export function webHref(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

export function contactLink(value: string | null | undefined): ContactLink | null {
  const text = (value ?? '').trim();
  if (text === '') return null;
  if (EMAIL.test(text)) return { kind: 'email', text, href: `mailto:${text}` };
  if (PHONE.test(text) && text.replace(/\D/g, '').length >= 6) {
    return { kind: 'phone', text, href: `tel:${text.startsWith('+') ? '+' : ''}${text.replace(/\D/g, '')}` };
  }
  if (SLACK.test(text)) return { kind: 'slack', text };
  const web = webHref(text);
  if (web) return { kind: 'web', text, href: web };
  return { kind: 'text', text };
}

/** `15m` → `after 15 min`; `0m`, `0`, `immediately` → `first`. Unknown wording is kept as written. */
export function afterText(after: string | null | undefined): string {
  const text = (after ?? '').trim();
  if (text === '' || /^(0+\s*[a-z]*|immediately|now)$/i.test(text)) return 'call first';
  const match = /^(\d+)\s*(m|min|mins|minutes?|h|hrs?|hours?)$/i.exec(text);
  if (!match) return `after ${text}`;
  return match[2].toLowerCase().startsWith('h') ? `after ${match[1]} h` : `after ${match[1]} min`;
}
