import { expect, test } from 'vitest';
import { csvCell, toCsv } from './csv.js';

test('rows end in CRLF and cells with commas, quotes or line breaks are quoted', () => {
  expect(toCsv([['id', 'title'], ['A-1', 'Fire, flood and "theft"'], ['B-2', 'two\nlines']])).toBe(
    'id,title\r\nA-1,"Fire, flood and ""theft"""\r\nB-2,"two\nlines"\r\n',
  );
});

test.each([
  ['=1+1', "'=1+1"],
  ['+44 20 7946 0000', "'+44 20 7946 0000"],
  ['-2', "'-2"],
  ['@team', "'@team"],
  ['\tx', "'\tx"],
  ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
])('a cell starting like a formula (%s) is neutralised', (input, expected) => {
  expect(csvCell(input)).toBe(expected);
});

test('empty values are empty cells and plain text is left alone', () => {
  expect(toCsv([[null, undefined, 'a b', 3]])).toBe(',,a b,3\r\n');
  expect(toCsv([])).toBe('');
});
