// What counts as "nobody filled this in yet".

const PLACEHOLDER_WORDS = new Set([
  'tbd', 'tba', 'tbc', 'todo', 'fixme', 'n/a', 'na', 'none', 'nobody', 'unknown', 'unassigned',
  'placeholder', 'changeme', 'change me', 'name', 'contact', 'someone', 'to be confirmed',
  'to be decided', 'to be determined', 'lorem ipsum', 'xxx', 'null', 'nil',
]);

// Values that are only punctuation (`?`, `-`, `—`, `...`, `…`), bracketed stand-ins
// (`<name>`, `[name]`, `{name}`), runs of x (`xxx`, `XXX-XXXX`) or that start with TBD/TODO.
const PLACEHOLDER_PATTERNS = [
  /^[\s?\-–—_.…*/\\]*$/,
  /^<[^<>]*>$/,
  /^\[[^[\]]*\]$/,
  /^\{[^{}]*\}$/,
  /^[x\s\-().+]{3,}$/i,
  /^(?:tbd|tba|tbc|todo|fixme)\b/i,
  /\b(?:TBD|TODO|FIXME)\b/,
  /^(?:\+?[0\s\-().]{7,})$/,
];

/** True when a contact or owner value is empty or obviously a stand-in. */
export function isPlaceholder(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value !== 'string') return false;
  const text = value.trim();
  if (text === '') return true;
  if (PLACEHOLDER_WORDS.has(text.toLowerCase())) return true;
  return PLACEHOLDER_PATTERNS.some((pattern) => pattern.test(text));
}
