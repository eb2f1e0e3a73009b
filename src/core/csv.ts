// CSV per RFC 4180 (CRLF line ends, quotes doubled) for spreadsheets that auditors open:
// a cell that starts with =, +, -, @ (or a tab / carriage return) would run as a formula,
// so it is neutralised with a leading apostrophe (OWASP "CSV injection").
export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: CsvCell): string {
  let text = value === null || value === undefined ? '' : String(value);
  // A finite number is data, never a formula: -12 stays a number a spreadsheet can sum.
  if (!Number.isFinite(value) && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows (the first is usually the header) → CSV text ending in CRLF. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + (rows.length > 0 ? '\r\n' : '');
}
