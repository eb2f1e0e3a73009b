import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { recordReview, setReviewDate, setTextField } from './review.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '__fixtures__', 'review');
const read = (name: string): string => readFileSync(path.join(fixtures, name), 'utf8');
const DATE = '2026-11-26';

// Each `<case>.md` has a `<case>.expected.md`: the file after `vigil review --date 2026-11-26`.
const cases = readdirSync(fixtures)
  .filter((name) => name.endsWith('.expected.md'))
  .map((name) => name.slice(0, -'.expected.md'.length))
  .sort();
const teamFields: Record<string, [field: string, cycle: string]> = { 'mapped-field': ['last_reviewed_on', 'review_in'] };

describe('setReviewDate on tricky files', () => {
  it('has the cases the issue names', () => {
    for (const name of ['crlf', 'bom', 'comment-after-value', 'single-quoted', 'double-quoted', 'flow-mapping', 'missing-field', 'no-trailing-newline', 'mapped-field']) {
      expect(cases).toContain(name);
    }
  });

  it.each(cases)('%s matches its expected file byte for byte', (name) => {
    const [field, cycle] = teamFields[name] ?? ['last_reviewed', 'review_cycle'];
    const edit = setReviewDate(read(`${name}.md`), field, DATE, cycle);
    expect(edit.ok).toBe(true);
    if (!edit.ok) return;
    expect(Buffer.from(edit.text, 'utf8').equals(readFileSync(path.join(fixtures, `${name}.expected.md`)))).toBe(true);
    expect(edit.text).toBe(read(`${name}.expected.md`));
  });

  it.each(cases)('%s: applying it again changes nothing', (name) => {
    const [field, cycle] = teamFields[name] ?? ['last_reviewed', 'review_cycle'];
    const once = read(`${name}.expected.md`);
    const again = setReviewDate(once, field, DATE, cycle);
    expect(again).toMatchObject({ ok: true, changed: false, text: once });
  });

  it('reports whether the field was inserted and what it held', () => {
    expect(setReviewDate(read('missing-field.md'), 'last_reviewed', DATE, 'review_cycle')).toMatchObject({ inserted: true, previous: undefined });
    expect(setReviewDate(read('plain.md'), 'last_reviewed', DATE, 'review_cycle')).toMatchObject({ inserted: false, previous: '2025-03-07' });
  });
});

describe('setReviewDate refuses', () => {
  it.each([
    ['broken-duplicate-key.md', 4, /duplicate key "owner"/],
    ['broken-unclosed.md', 1, /not closed/],
    ['broken-no-frontmatter.md', 1, /no frontmatter block/],
  ])('%s: broken frontmatter, at the problem', (name, line, message) => {
    const edit = setReviewDate(read(name), 'last_reviewed', DATE);
    expect(edit).toMatchObject({ ok: false, line });
    if (!edit.ok) {
      expect(edit.message).toMatch(message);
      expect(edit.message).toMatch(/not changed/);
    }
  });

  it('a value that is not a single scalar, rather than guess', () => {
    const edit = setReviewDate(read('refused-list-value.md'), 'last_reviewed', DATE);
    expect(edit).toMatchObject({ ok: false, line: 4, column: 3 });
    if (!edit.ok) expect(edit.message).toMatch(/"last_reviewed".*a list/);
  });

  it('a date that is not YYYY-MM-DD', () => {
    expect(setReviewDate(read('plain.md'), 'last_reviewed', '26/11/2026')).toMatchObject({ ok: false });
  });

  it('a block scalar value, which a splice would break', () => {
    const text = '---\ntitle: X\nlast_reviewed: |\n  2025-01-01\n---\n';
    expect(setReviewDate(text, 'last_reviewed', DATE)).toMatchObject({ ok: false, line: 3 });
  });
});

describe('recordReview: who reviewed and what they found', () => {
  const fields = { lastReviewed: 'last_reviewed', reviewCycle: 'review_cycle', reviewedBy: 'reviewed_by', reviewNote: 'review_note' };

  it('inserts reviewed_by after the date and review_note after the reviewer, in CRLF files too', () => {
    const text = '---\r\ntitle: T\r\nlast_reviewed: 2025-01-01\r\nreview_cycle: annual\r\n---\r\nbody\r\n';
    const outcome = recordReview(text, { fields, date: DATE, by: 'Ana Lima', note: 'all good' });
    expect(outcome).toMatchObject({ ok: true, changed: true });
    if (outcome.ok) expect(outcome.text).toBe('---\r\ntitle: T\r\nlast_reviewed: 2026-11-26\r\nreviewed_by: Ana Lima\r\nreview_note: all good\r\nreview_cycle: annual\r\n---\r\nbody\r\n');
  });

  it('replaces a double-quoted reviewer inside its quotes, escaping as that style does', () => {
    const text = '---\ntitle: T\nlast_reviewed: 2026-11-26\nreviewed_by: "Old"\n---\n';
    const edit = setTextField(text, 'reviewed_by', 'Ana "AL" Lima', 'last_reviewed');
    expect(edit).toMatchObject({ ok: true, text: '---\ntitle: T\nlast_reviewed: 2026-11-26\nreviewed_by: "Ana \\"AL\\" Lima"\n---\n' });
  });

  it('refuses a reviewer written as a list, saying where', () => {
    const text = '---\ntitle: T\nlast_reviewed: 2026-11-26\nreviewed_by:\n  - a\n---\n';
    const outcome = recordReview(text, { fields, date: DATE, by: 'Ana' });
    expect(outcome).toMatchObject({ ok: false, line: 5 });
  });
});
