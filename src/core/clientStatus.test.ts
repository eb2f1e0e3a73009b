import { describe, expect, test } from 'vitest';
import { statusOn, utcDate } from './clientStatus.js';
import { addDays, parseCycle, reviewState, type ReviewInput } from './dates.js';

// The browser's rule must give the same answer as the core's for every day a page may be read.
describe('the page script (statusOn on built dates) agrees with reviewState', () => {
  const inputs: ReviewInput[] = [
    { status: 'active', lastReviewed: '2026-01-31', cycle: parseCycle('monthly'), expires: null },
    { status: 'active', lastReviewed: '2026-03-07', cycle: parseCycle('annual'), expires: '2026-12-01' },
    { status: 'active', lastReviewed: '2026-06-15', cycle: parseCycle('P90D'), expires: '2026-08-01' },
    { status: 'active', lastReviewed: null, cycle: null, expires: null },
    { status: 'active', lastReviewed: '2026-05-01', cycle: null, expires: '2027-01-01' },
    { status: 'draft', lastReviewed: '2020-01-01', cycle: parseCycle('annual'), expires: '2021-01-01' },
    { status: 'retired', lastReviewed: '2020-01-01', cycle: parseCycle('annual'), expires: null },
  ];
  for (const [index, input] of inputs.entries()) {
    test(`case ${index}: every day from 2026-01-01 for two years, windows 0, 30 and 45 days`, () => {
      for (const windowDays of [0, 30, 45]) {
        for (let day = 0; day < 730; day++) {
          const today = addDays('2026-01-01', day);
          const core = reviewState(input, today, windowDays);
          const client = statusOn({ lifecycle: input.status, nextReview: core.nextReview, expires: input.expires }, today, windowDays);
          if (client !== core.status) expect({ today, windowDays, client }).toEqual({ today, windowDays, client: core.status });
        }
      }
    });
  }

  test('a malformed date is treated as missing, never as current', () => {
    expect(statusOn({ lifecycle: 'active', nextReview: 'soon', expires: null }, '2026-11-26', 30)).toBe('overdue');
  });

  test('utcDate takes the UTC calendar day', () => {
    expect(utcDate(new Date('2026-11-26T23:59:59Z'))).toBe('2026-11-26');
    expect(utcDate(new Date('2026-11-27T00:00:00+02:00'))).toBe('2026-11-26');
  });
});
