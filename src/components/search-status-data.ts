// What a search result needs to re-judge a document's status in the browser, packed into one
// Pagefind meta value (no commas: Pagefind splits meta attributes on them). Written at build
// time by DocumentHeader.astro, read by search-status.ts. Fields: lifecycle, next review,
// expires, incomplete (1/0), build date, warning window in days.
import type { DocumentRecord } from '../core/index.js';

export interface SearchStatusData {
  lifecycle: 'draft' | 'active' | 'retired';
  nextReview: string | null;
  expires: string | null;
  incomplete: boolean;
  builtOn: string;
  windowDays: number;
}

export function searchStatusData(record: Pick<DocumentRecord, 'lifecycle' | 'next_review' | 'expires' | 'problems'>, builtOn: string, windowDays: number): string {
  return [record.lifecycle, record.next_review ?? '', record.expires ?? '', (record.problems?.length ?? 0) > 0 ? '1' : '0', builtOn, String(windowDays)].join('|');
}

export function parseSearchStatusData(value: string): SearchStatusData | null {
  const [lifecycle, nextReview, expires, incomplete, builtOn, windowDays] = value.split('|');
  if (!['draft', 'active', 'retired'].includes(lifecycle) || !builtOn || !/^\d+$/.test(windowDays ?? '')) return null;
  return { lifecycle: lifecycle as SearchStatusData['lifecycle'], nextReview: nextReview || null, expires: expires || null, incomplete: incomplete === '1', builtOn, windowDays: Number(windowDays) };
}
