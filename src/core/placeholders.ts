// What counts as "nobody filled this in yet".

const PLACEHOLDER_WORDS = new Set([
  'tbd', 'tba', 'tbc', 'todo', 'fixme', 'n/a', 'na', 'none', 'nobody', 'unknown', 'unassigned',
  'placeholder', 'changeme', 'change me', 'name', 'contact', 'someone', 'to be confirmed',
  'to be decided', 'to be determined', 'lorem ipsum', 'xxx', 'null', 'nil',
]);
// Lower-casing a value (a new string to hash) is most of the cost of looking it up, so first two
// cheap tests that rule a value out: lower-casing never halves a string, so one this long is none
// of the words; and a word's first letter, lower-cased, only ever comes from that ASCII letter in
// either case (checked over every code point: no other character lower-cases to t, f, n, u, p, c, s, l or x).
const LONGEST_WORD_TWICE = 2 * Math.max(...[...PLACEHOLDER_WORDS].map((word) => word.length));
const WORD_FIRST_LETTERS = new Set([...PLACEHOLDER_WORDS].flatMap((word) => [word[0], word[0].toUpperCase()]));

// Values that are only punctuation (`?`, `-`, `—`, `...`, `…`), bracketed stand-ins
// (`<name>`, `[name]`, `{name}`), runs of x (`xxx`, `XXX-XXXX`) or that start with TBD/TODO.
const PUNCTUATION = /^[\s?\-–—_.…*/\\]*$/;
const ANGLED = /^<[^<>]*>$/;
const SQUARED = /^\[[^[\]]*\]$/;
const CURLED = /^\{[^{}]*\}$/;
const XS = /^[x\s\-().+]{3,}$/i;
const STARTS_TBD = /^(?:tbd|tba|tbc|todo|fixme)\b/i;
const HOLDS_TBD = /\b(?:TBD|TODO|FIXME)\b/;
const ZEROS = /^(?:\+?[0\s\-().]{7,})$/;

/**
 * Whether a trimmed, non-empty value matches one of the anchored patterns. Only the patterns
 * its first character can start are tried (a trimmed value never starts with white space).
 */
function startsAsPlaceholder(text: string): boolean {
  switch (text[0]) {
    case '<': return ANGLED.test(text);
    case '[': return SQUARED.test(text);
    case '{': return CURLED.test(text);
    case 't': case 'T': case 'f': case 'F': return STARTS_TBD.test(text);
    case 'x': case 'X': return XS.test(text);
    case '0': return ZEROS.test(text);
    case '-': case '.': return PUNCTUATION.test(text) || XS.test(text) || ZEROS.test(text);
    case '(': case ')': case '+': return XS.test(text) || ZEROS.test(text);
    case '?': case '–': case '—': case '_': case '…': case '*': case '/': case '\\': return PUNCTUATION.test(text);
    default: return false;
  }
}

/** True when a contact or owner value is empty or obviously a stand-in. */
export function isPlaceholder(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value !== 'string') return false;
  const text = value.trim();
  if (text === '') return true;
  if (text.length <= LONGEST_WORD_TWICE && WORD_FIRST_LETTERS.has(text[0]) && PLACEHOLDER_WORDS.has(text.toLowerCase())) return true;
  if (startsAsPlaceholder(text)) return true;
  // TBD, TODO or FIXME anywhere, as whole words: only a value that holds one of them can match.
  return (text.includes('TBD') || text.includes('TODO') || text.includes('FIXME')) && HOLDS_TBD.test(text);
}
