import { describe, expect, it } from 'vitest';
import { addCycle, parseCycle, parseDurationMs, parseIsoDate, parseWindow, parseWindowDays, reviewState, todayOutOfRange, todayUtc, windowEnd, type ReviewInput } from './dates.js';

describe('parseIsoDate', () => {
  it('accepts real dates and rejects impossible or malformed ones', () => {
    expect(parseIsoDate('2026-03-07')).toBe('2026-03-07');
    expect(parseIsoDate('2024-02-29')).toBe('2024-02-29');
    expect(parseIsoDate('2026-02-29')).toBeNull();
    expect(parseIsoDate('2026-02-30')).toBeNull();
    expect(parseIsoDate('2026-13-01')).toBeNull();
    expect(parseIsoDate('2026-3-7')).toBeNull();
    expect(parseIsoDate('2026-03-07T00:00:00Z')).toBeNull();
    expect(parseIsoDate(20260307)).toBeNull();
  });

  it('reads by position exactly what /^(\\d{4})-(\\d{2})-(\\d{2})$/ reads', () => {
    // The written form of the check parseIsoDate makes by character codes.
    const byPattern = (value: string): string | null => {
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
      if (!match) return null;
      const [year, month, day] = match.slice(1).map(Number);
      return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate() ? value : null;
    };
    const samples = ['0000-01-01', '0099-02-29', '0100-02-29', '1900-02-29', '2000-02-29', '9999-12-31', '2026-00-10', '2026-01-00', '2026-04-31', '2026-12-32',
      '2026-01-1a', '2026/01/01', '2026-01-01\n', ' 2026-01-01', '２０２６-01-01', '2026-0١-01', '+026-01-01', '-026-01-01', '2026--1-01', '2026-1--01', ''];
    let seed = 7;
    const random = (n: number): number => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % n;
    const alphabet = '0123456789-/a ';
    for (let i = 0; i < 20_000; i++) samples.push(Array.from({ length: 8 + random(4) }, () => alphabet[random(alphabet.length)]).join(''));
    for (let i = 0; i < 5_000; i++) samples.push(`${String(random(10_000)).padStart(4, '0')}-${String(random(14)).padStart(2, '0')}-${String(random(33)).padStart(2, '0')}`);
    for (const sample of samples) expect(parseIsoDate(sample), JSON.stringify(sample)).toBe(byPattern(sample));
  });
});

describe('addCycle', () => {
  it('does calendar arithmetic that clamps to the end of the month', () => {
    const monthly = parseCycle('monthly')!;
    expect(addCycle('2026-01-31', monthly)).toBe('2026-02-28');
    expect(addCycle('2024-01-31', monthly)).toBe('2024-02-29');
    expect(addCycle('2026-12-15', monthly)).toBe('2027-01-15');
    expect(addCycle('2024-02-29', parseCycle('annual')!)).toBe('2025-02-28');
    expect(addCycle('2026-03-07', parseCycle('P90D')!)).toBe('2026-06-05');
    expect(addCycle('2026-03-07', parseCycle('P1Y2M10D')!)).toBe('2027-05-17');
  });
});

describe('parseCycle', () => {
  it.each([
    ['monthly', 1, 0], ['quarterly', 3, 0], ['semiannual', 6, 0], ['annual', 12, 0], ['biennial', 24, 0],
    ['P6M', 6, 0], ['P90D', 0, 90], ['P2W', 0, 14], ['6 months', 6, 0], ['3 weeks', 0, 21], ['1 year', 12, 0], ['90 days', 0, 90],
  ])('reads %s', (text, months, days) => {
    expect(parseCycle(text)).toMatchObject({ months, days });
  });
  it.each(['fortnightly-ish', 'P', 'P0D', '0 months', '', 'PT5H', 'sometimes', 'constructor', 'toString', '__proto__', 'hasOwnProperty'])('rejects %j', (text) => {
    expect(parseCycle(text)).toBeNull();
  });
});

describe('reviewState', () => {
  const active = (over: Partial<ReviewInput>): ReviewInput => ({ status: 'active', lastReviewed: '2026-01-01', cycle: parseCycle('annual'), expires: null, ...over });
  const today = '2026-11-26';

  it('orders statuses: retired, draft, expired, overdue, due-soon, current', () => {
    expect(reviewState(active({ status: 'retired', lastReviewed: '2020-01-01' }), today, 30).status).toBe('retired');
    expect(reviewState(active({ status: 'draft', expires: '2020-01-01' }), today, 30).status).toBe('draft');
    expect(reviewState(active({ lastReviewed: '2020-01-01', expires: today }), today, 30).status).toBe('expired');
    expect(reviewState(active({ lastReviewed: '2025-11-25' }), today, 30).status).toBe('overdue');
    expect(reviewState(active({ lastReviewed: '2025-11-26' }), today, 30).status).toBe('due-soon');
    expect(reviewState(active({ lastReviewed: '2025-12-26' }), today, 30).status).toBe('due-soon');
    expect(reviewState(active({ lastReviewed: '2025-12-27' }), today, 30).status).toBe('current');
    expect(reviewState(active({ lastReviewed: '2026-06-01', expires: '2026-12-20' }), today, 30).status).toBe('due-soon');
  });

  it('gives the next review date and day counts', () => {
    const state = reviewState(active({ lastReviewed: '2026-03-07' }), today, 30);
    expect(state).toEqual({ status: 'current', nextReview: '2027-03-07', daysToReview: 101, daysToExpiry: null });
  });

  it('never calls an active document without review dates current', () => {
    expect(reviewState(active({ lastReviewed: null }), today, 30).status).toBe('overdue');
  });
});

describe('windows and durations', () => {
  it('parses warning windows', () => {
    expect(parseWindowDays('30d')).toBe(30);
    expect(parseWindowDays('4 weeks')).toBe(28);
    expect(parseWindowDays('P30D')).toBe(30);
    expect(parseWindowDays(14)).toBe(14);
    expect(parseWindowDays('soon')).toBeNull();
  });
  it('parses timeouts', () => {
    expect(parseDurationMs('10s')).toBe(10_000);
    expect(parseDurationMs('500ms')).toBe(500);
    expect(parseDurationMs('2m')).toBe(120_000);
    expect(parseDurationMs('fast')).toBeNull();
  });
  it('takes today as the UTC date', () => {
    expect(todayUtc(new Date('2026-11-26T23:30:00-05:00'))).toBe('2026-11-27');
  });
});

describe('spans and dates at the edges of the calendar', () => {
  it('reads windows as calendar parts: 1y ends on the same day next year', () => {
    const year = parseWindow('1y')!;
    expect(windowEnd('2026-11-26', year)).toBe('2027-11-26');
    expect(windowEnd('2027-03-01', year)).toBe('2028-03-01');
    expect(windowEnd('2026-01-31', parseWindow('1 month')!)).toBe('2026-02-28');
    expect(parseWindow('0d')).toMatchObject({ months: 0, days: 0 });
    expect(parseWindow('45')).toMatchObject({ months: 0, days: 45 });
    expect(parseWindow(-5)).toBeNull();
    expect(parseWindow('-5d')).toBeNull();
  });

  it.each(['99999999999d', '1000000y', 'P99999999Y', '101 years'])('refuses %s, longer than a century, as a window and as a cycle', (text) => {
    expect(parseWindow(text)).toBeNull();
    expect(parseWindowDays(text)).toBeNull();
    expect(parseCycle(text)).toBeNull();
  });

  it('counts a configured window in months and years from a fixed day, not as 30 and 360 days', () => {
    expect(parseWindowDays('1y')).toBe(365);
    expect(parseWindowDays('P1Y')).toBe(365);
  });

  it('never writes a five-digit year: a next review past 9999 is 9999-12-31', () => {
    expect(addCycle('9999-06-30', parseCycle('annual')!)).toBe('9999-12-31');
    expect(addCycle('9999-12-01', parseCycle('P60D')!)).toBe('9999-12-31');
    expect(addCycle('9998-12-31', parseCycle('annual')!)).toBe('9999-12-31');
  });

  it('keeps "today" to a sane range', () => {
    expect(todayOutOfRange('2026-12-02')).toBeNull();
    expect(todayOutOfRange('9999-12-31')).toMatch(/outside the dates Vigil judges by \(1970-01-01 to 2999-12-31\)/);
    expect(todayOutOfRange('1969-12-31')).not.toBeNull();
  });

  it('refuses durations that are not finite', () => {
    expect(parseDurationMs(Infinity)).toBeNull();
    expect(parseDurationMs(Number.NaN)).toBeNull();
    expect(parseDurationMs(1.5)).toBe(1500);
  });
});
