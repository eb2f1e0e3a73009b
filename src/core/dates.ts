// Calendar arithmetic on whole UTC days. Every date in Vigil is an ISO string
// `YYYY-MM-DD`; nothing here depends on the machine's time zone.
import { boundedMemo } from './memo.js';

export type IsoDate = string;

/** A review or exercise interval, kept as calendar parts so months clamp correctly. */
export interface Cycle {
  months: number;
  days: number;
  /** How the document wrote it, for messages. */
  text: string;
}

export type ReviewStatus = 'retired' | 'draft' | 'expired' | 'incomplete' | 'overdue' | 'due-soon' | 'current';

/** The statuses the dates alone give (statusOn): every status but `incomplete`, which needs the run's findings. */
export type DateStatus = Exclude<ReviewStatus, 'incomplete'>;

/**
 * A status from the dates, given whether the run found a problem that is not about dates
 * (SPEC: retired, draft, expired, incomplete, overdue, due-soon, current — first that applies).
 * Shared by the engine and the browser's re-check, so neither can turn an incomplete page green.
 */
export function withProblems(dateStatus: DateStatus, hasProblems: boolean): ReviewStatus {
  if (!hasProblems || dateStatus === 'retired' || dateStatus === 'draft' || dateStatus === 'expired') return dateStatus;
  return 'incomplete';
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Parses `YYYY-MM-DD`; returns null for anything else, including impossible dates such as 2026-02-30. */
export function parseIsoDate(value: unknown): IsoDate | null {
  // ISO_DATE's test, by position: every document's dates pass through here.
  if (typeof value !== 'string' || value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return null;
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 2);
  const day = digitsAt(value, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return value;
}

/** The number written by `count` ASCII digits from `start`, or -1 when one of them is not a digit. */
function digitsAt(text: string, start: number, count: number): number {
  let number = 0;
  for (let i = start; i < start + count; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    number = number * 10 + digit;
  }
  return number;
}

export function isIsoDateShape(value: unknown): boolean {
  return typeof value === 'string' && ISO_DATE.test(value);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  // Date.UTC reads years 0–99 as 1900–1999; toEpochDay does too, so such a year is judged as it reads them.
  if (year < 100) return new Date(Date.UTC(year, month, 0)).getUTCDate();
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return leap ? 29 : MONTH_DAYS[month - 1];
}

// Read by position, not split: every document's dates pass through here several times.
export function toEpochDay(date: IsoDate): number {
  return Math.floor(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS);
}

export function fromEpochDay(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function todayUtc(clock: Date = new Date()): IsoDate {
  return clock.toISOString().slice(0, 10);
}

/** The days Vigil judges documents as of (`--now`): wide enough for any real use, far from year 9999. */
export const EARLIEST_TODAY = '1970-01-01';
export const LATEST_TODAY = '2999-12-31';

/** Why `date` cannot be "today" (outside EARLIEST_TODAY..LATEST_TODAY), or null when it can. */
export function todayOutOfRange(date: IsoDate): string | null {
  return date < EARLIEST_TODAY || date > LATEST_TODAY ? `${date} is outside the dates Vigil judges by (${EARLIEST_TODAY} to ${LATEST_TODAY})` : null;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** The last day an ISO date can name; a date past it is written as this day (never `10000-01-01`). */
export const LAST_ISO_DATE = '9999-12-31';

/**
 * Adds a cycle the way a calendar does: 2026-01-31 plus one month is 2026-02-28. A result past
 * 9999-12-31 is that day: "not due before the end of the calendar", never a five-digit year.
 */
export function addCycle(date: IsoDate, cycle: Cycle): IsoDate {
  const [y, m, d] = [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
  const monthIndex = y * 12 + (m - 1) + cycle.months;
  const year = Math.floor(monthIndex / 12);
  if (year > 9999) return LAST_ISO_DATE;
  const month = (monthIndex % 12) + 1;
  const day = Math.min(d, daysInMonth(year, month));
  const shifted = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (!cycle.days) return shifted;
  const end = toEpochDay(shifted) + cycle.days;
  return end > toEpochDay(LAST_ISO_DATE) ? LAST_ISO_DATE : fromEpochDay(end);
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

const NAMED_CYCLES: Record<string, [months: number, days: number]> = {
  daily: [0, 1],
  weekly: [0, 7],
  fortnightly: [0, 14],
  monthly: [1, 0],
  quarterly: [3, 0],
  semiannual: [6, 0],
  'semi-annual': [6, 0],
  biannual: [6, 0],
  annual: [12, 0],
  yearly: [12, 0],
  biennial: [24, 0],
};

export const NAMED_CYCLE_NAMES = ['monthly', 'quarterly', 'semiannual', 'annual', 'biennial'];

const ISO_DURATION = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/;
const HUMAN_INTERVAL = /^(\d+)\s*(d|days?|w|weeks?|m|months?|y|years?)$/;

/** The longest cycle or window Vigil accepts: beyond a century a date is no longer a schedule. */
export const MAX_SPAN_YEARS = 100;
const MAX_SPAN_MONTHS = MAX_SPAN_YEARS * 12;
const MAX_SPAN_DAYS = MAX_SPAN_YEARS * 366;

/**
 * Parses a review cycle: a named one (`annual`), an ISO 8601 duration (`P6M`, `P90D`),
 * or a human interval (`6 months`, `3 weeks`, `30d`). Returns null when unknown, zero or
 * longer than a century.
 */
export function parseCycle(value: unknown): Cycle | null {
  return typeof value === 'string' ? cycleOf(value) : null;
}

// Documents share a few cycles (`annual`, `P180D`): each text is read once. Cycles are never changed.
const cycleOf = boundedMemo((text: string): Cycle | null => {
  const span = parseSpan(text);
  return span && span.months + span.days > 0 ? span : null;
}, 10_000);

/** A cycle's grammar, zero allowed, bounded to a century. */
function parseSpan(value: unknown): Cycle | null {
  const span = parseSpanParts(value);
  if (!span || span.months > MAX_SPAN_MONTHS || span.days > MAX_SPAN_DAYS) return null;
  return span;
}

function parseSpanParts(value: unknown): Cycle | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  const lower = text.toLowerCase();
  const named = Object.prototype.hasOwnProperty.call(NAMED_CYCLES, lower) ? NAMED_CYCLES[lower] : undefined;
  if (named) return { months: named[0], days: named[1], text };

  const iso = ISO_DURATION.exec(text.toUpperCase());
  if (iso && text.length > 1) {
    const [, y = '0', m = '0', w = '0', d = '0'] = iso;
    return { months: Number(y) * 12 + Number(m), days: Number(w) * 7 + Number(d), text };
  }

  const human = HUMAN_INTERVAL.exec(lower);
  if (human) {
    const amount = Number(human[1]);
    const unit = human[2][0];
    if (unit === 'd') return { months: 0, days: amount, text };
    if (unit === 'w') return { months: 0, days: amount * 7, text };
    if (unit === 'm') return { months: amount, days: 0, text };
    return { months: amount * 12, days: 0, text };
  }
  return null;
}

export interface ReviewInput {
  status: 'draft' | 'active' | 'retired';
  lastReviewed: IsoDate | null;
  cycle: Cycle | null;
  expires: IsoDate | null;
}

export interface ReviewState {
  status: DateStatus;
  nextReview: IsoDate | null;
  /** Days until the next review (negative when overdue); null without a next review. */
  daysToReview: number | null;
  daysToExpiry: number | null;
}

/** The review status, first that applies: retired, draft, expired, overdue, due-soon, current. */
export function reviewState(input: ReviewInput, today: IsoDate, warningWindowDays: number): ReviewState {
  const nextReview = input.lastReviewed && input.cycle ? addCycle(input.lastReviewed, input.cycle) : null;
  const status = statusOn({ lifecycle: input.status, nextReview, expires: input.expires }, today, warningWindowDays);
  return {
    status,
    nextReview,
    daysToReview: nextReview ? daysBetween(today, nextReview) : null,
    daysToExpiry: input.expires ? daysBetween(today, input.expires) : null,
  };
}

export interface StatusDates {
  lifecycle: 'draft' | 'active' | 'retired';
  /** The next review due; null when it cannot be known. */
  nextReview: IsoDate | null;
  expires: IsoDate | null;
}

/**
 * The status on `today` from dates already worked out: the one rule, used by the build and
 * shipped to the browser (this module imports only memo.ts, which imports nothing) to re-judge old pages.
 */
export function statusOn(dates: StatusDates, today: IsoDate, warningWindowDays: number): DateStatus {
  if (dates.lifecycle === 'retired') return 'retired';
  if (dates.lifecycle === 'draft') return 'draft';
  // In the browser the dates come from page attributes: anything malformed counts as missing.
  const expires = parseIsoDate(dates.expires);
  const nextReview = parseIsoDate(dates.nextReview);
  const daysToExpiry = expires ? daysBetween(today, expires) : null;
  if (daysToExpiry !== null && daysToExpiry <= 0) return 'expired';
  const daysToReview = nextReview ? daysBetween(today, nextReview) : null;
  // An active document that cannot say when it is next due is treated as overdue, never current.
  if (daysToReview === null || daysToReview < 0) return 'overdue';
  if (daysToReview <= warningWindowDays || (daysToExpiry !== null && daysToExpiry <= warningWindowDays)) return 'due-soon';
  return 'current';
}

/**
 * Parses a window ahead of today (`30d`, `4 weeks`, `P2M`, `1y`, or a bare number of days) as
 * calendar parts, so `1y` ends on the same day next year. Zero is allowed; null when unknown,
 * negative or longer than a century.
 */
export function parseWindow(value: unknown): Cycle | null {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 && value <= MAX_SPAN_DAYS ? { months: 0, days: value, text: `${value}d` } : null;
  if (typeof value !== 'string') return null;
  const text = value.trim();
  return parseSpan(/^\d+$/.test(text) ? `${text}d` : text);
}

/** The last day of a window that starts today: calendar months and years, clamped like review dates. */
export function windowEnd(today: IsoDate, window: Cycle): IsoDate {
  return addCycle(today, window);
}

/**
 * Parses a warning window such as `30d`, `4 weeks`, `P30D` or a bare number of days into days.
 * The config keeps the window as a count of days (the status rule and the page script take
 * that); months and years count from 2026-01-01 as a fixed reference, so `1 month` is 31 days.
 */
export function parseWindowDays(value: unknown): number | null {
  const window = parseWindow(value);
  return window ? daysBetween(WINDOW_REFERENCE_DAY, windowEnd(WINDOW_REFERENCE_DAY, window)) : null;
}
const WINDOW_REFERENCE_DAY = '2026-01-01';

/**
 * Parses a duration such as `10s`, `500ms`, `2m` (or a number of seconds) into milliseconds.
 * Null for anything else, including values that are not finite; the caller checks the range.
 */
export function parseDurationMs(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value * 1000 : null;
  if (typeof value !== 'string') return null;
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m)$/.exec(value.trim());
  if (!match) return null;
  const amount = Number(match[1]);
  return match[2] === 'ms' ? amount : match[2] === 's' ? amount * 1000 : amount * 60_000;
}
