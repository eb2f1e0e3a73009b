// Search results (Pagefind's UI) show each document's status re-judged against the reader's
// date, the way status-client.ts re-judges the page itself: the build wrote the dates into a
// `vigil` meta value (search-status-data.ts); each result's "Status" tag becomes a badge with
// the status as of today, and the raw `vigil` tag is hidden (vigil.css).
import { statusOn, utcDate, withProblems } from '../core/clientStatus.js';
import { parseSearchStatusData } from './search-status-data.js';
import { STATUS_LABELS } from './statusWords.js';

export function judgeSearchResults(root: ParentNode, clock: Date): void {
  const today = utcDate(clock);
  for (const raw of root.querySelectorAll<HTMLElement>('.pagefind-ui__result-tag[data-pagefind-ui-meta="vigil"]:not([data-vigil-judged])')) {
    raw.dataset.vigilJudged = '';
    // The tag reads "Vigil: active|2027-10-01||0|2026-11-26|30".
    const data = parseSearchStatusData((raw.textContent ?? '').replace(/^[^:]*:\s*/, '').trim());
    const tag = raw.parentElement?.querySelector<HTMLElement>('[data-pagefind-ui-meta="status"]');
    if (!data || !tag) continue;
    // A reader whose clock is behind the build keeps the build's status (as on the page).
    const byDates = statusOn({ lifecycle: data.lifecycle, nextReview: data.nextReview, expires: data.expires }, today > data.builtOn ? today : data.builtOn, data.windowDays);
    const status = withProblems(byDates, data.incomplete);
    const badge = document.createElement('span');
    badge.className = `vigil-badge vigil-badge--${status}`;
    badge.dataset.vigilBadge = '';
    badge.textContent = STATUS_LABELS[status];
    tag.dataset.vigilStatus = status;
    tag.replaceChildren('Status: ', badge);
  }
}

if (typeof document !== 'undefined' && typeof MutationObserver !== 'undefined') {
  const judge = (): void => {
    judgeSearchResults(document, new Date());
    // Pagefind's search field has only a title (axe: label-title-only, serious); name it as its placeholder does.
    const input = document.querySelector<HTMLInputElement>('.pagefind-ui__search-input:not([aria-label])');
    if (input) input.setAttribute('aria-label', input.placeholder || 'Search');
  };
  // Pagefind renders results (and loads each one's data) after the page has loaded.
  new MutationObserver(judge).observe(document.getElementById('starlight__search') ?? document.documentElement, { childList: true, subtree: true });
}
