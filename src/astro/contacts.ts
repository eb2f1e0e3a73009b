// How an escalation contact or status page is shown: a phone number becomes a tel: link (E.164
// in the link, shown as written), an e-mail address a mailto: link, a Slack handle or channel a
// link into the workspace when the config names one (`site.slack`), and only http(s) addresses
// become web links. Anything else is shown as plain (escaped) text.
//
// libphonenumber-js is not installed here; numbers are normalised by hand, and only what is
// safe to normalise without knowing the country: a number written with a leading `+` becomes
// `+<digits>` (a trunk `(0)` dropped, an extension kept as `;ext=`), a local number keeps its digits.

export type ContactLink =
  | { kind: 'phone'; text: string; href: string }
  | { kind: 'email'; text: string; href: string }
  | { kind: 'web'; text: string; href: string }
  | { kind: 'slack'; text: string; href?: string }
  | { kind: 'text'; text: string };

export interface ContactOptions {
  /** The Slack workspace, e.g. `https://acme.slack.com` (config `site.slack`); without it handles stay text. */
  slack?: string | null;
}

const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$/;
const PHONE = /^\+?[0-9(][0-9 ().-]{4,}[0-9](?:\s*(?:x|ext\.?|extension)\s*\d{1,6})?$/i;
const SLACK = /^[@#][A-Za-z0-9._-]+$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
// E.164: at most 15 digits after the +; fewer than 7 is no phone number anyone can call.
const MIN_DIGITS = 7;
const MAX_E164_DIGITS = 15;

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

/**
 * The `tel:` address for a number as written, or null when it is not one: `+44 (0)20 7946 0018`
 * → `tel:+442079460018`, `+1 555 010 0199 ext. 12` → `tel:+15550100199;ext=12`, `020 7946 0000`
 * → `tel:02079460000` (a local number cannot be made international without its country).
 */
export function telHref(value: string): string | null {
  const text = value.trim();
  if (!PHONE.test(text) || ISO_DATE.test(text)) return null;
  const [number, extension] = text.split(/\s*(?:x|ext\.?|extension)\s*(?=\d)/i);
  const international = number.startsWith('+');
  // "+44 (0)20…": the (0) is dialled only from inside the country, never after the country code.
  const digits = (international ? number.replace(/\(0\)/g, '') : number).replace(/\D/g, '');
  if (digits.length < MIN_DIGITS || (international && digits.length > MAX_E164_DIGITS)) return null;
  if (international && digits.startsWith('0')) return null; // no country code starts with 0
  return `tel:${international ? '+' : ''}${digits}${extension ? `;ext=${extension.replace(/\D/g, '')}` : ''}`;
}

/** A Slack handle or channel as a link into the workspace; null without a workspace. */
export function slackHref(handle: string, workspace: string | null | undefined): string | null {
  const base = webHref(workspace);
  if (!base || !SLACK.test(handle)) return null;
  const root = base.replace(/\/+$/, '');
  const name = handle.slice(1);
  // Channels open by name through Slack's documented redirect; a person's handle through the
  // workspace's direct-message address.
  return handle.startsWith('#') ? `${root}/app_redirect?channel=${encodeURIComponent(name)}` : `${root}/messages/@${encodeURIComponent(name)}`;
}

export function contactLink(value: string | null | undefined, options: ContactOptions = {}): ContactLink | null {
  const text = (value ?? '').trim();
  if (text === '') return null;
  if (EMAIL.test(text)) return { kind: 'email', text, href: `mailto:${text}` };
  const tel = telHref(text);
  if (tel) return { kind: 'phone', text, href: tel };
  if (SLACK.test(text)) {
    const href = slackHref(text, options.slack);
    return href ? { kind: 'slack', text, href } : { kind: 'slack', text };
  }
  const web = webHref(text);
  if (web) return { kind: 'web', text, href: web };
  return { kind: 'text', text };
}

/** A piece of a contact written in free text: plain text, or something to reach someone by. */
export type ContactPart = ContactLink;

// In free text ("Rota: +44 20 7946 0018 or ops@example.com") a phone number must start with +, (
// or 0 so that counts and dates are not taken for one; e-mails, handles and web addresses as above.
const IN_TEXT = /([A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)|((?:\+|\(|\b0)[0-9][0-9 ().-]{4,}[0-9](?:\s*(?:x|ext\.?)\s*\d{1,6})?)|((?<![\w@#])[@#][A-Za-z0-9._-]*[A-Za-z0-9_])|(https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)])/gi;

/**
 * Splits free text into parts: phone numbers, e-mails, Slack handles and web addresses as links
 * (shown as written), the rest as text. Used for contact table cells and multi-part contacts.
 */
export function contactParts(value: string, options: ContactOptions = {}): ContactPart[] {
  const whole = contactLink(value, options);
  if (whole && whole.kind !== 'text') return [whole];
  const parts: ContactPart[] = [];
  let last = 0;
  for (const match of value.matchAll(IN_TEXT)) {
    const found = match[0];
    const link = match[2] ? phonePart(found) : contactLink(found, options);
    if (!link || link.kind === 'text') continue;
    if (match.index > last) parts.push({ kind: 'text', text: value.slice(last, match.index) });
    parts.push(link);
    last = match.index + found.length;
  }
  if (last < value.length) parts.push({ kind: 'text', text: value.slice(last) });
  return parts;
}

function phonePart(text: string): ContactLink | null {
  const trimmed = text.trim();
  const href = telHref(trimmed);
  return href ? { kind: 'phone', text: trimmed, href } : null;
}

/** `15m` → `after 15 min`; `0m`, `0`, `immediately` → `first`. Unknown wording is kept as written. */
export function afterText(after: string | null | undefined): string {
  const text = (after ?? '').trim();
  if (text === '' || /^(0+\s*[a-z]*|immediately|now)$/i.test(text)) return 'call first';
  const match = /^(\d+)\s*(m|min|mins|minutes?|h|hrs?|hours?)$/i.exec(text);
  if (!match) return `after ${text}`;
  return match[2].toLowerCase().startsWith('h') ? `after ${match[1]} h` : `after ${match[1]} min`;
}
