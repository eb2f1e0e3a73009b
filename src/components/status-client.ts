// Re-judges every status on the page against the reader's date, so a site built months ago
// never shows an overdue page as current. Uses the core's client rule (src/core/clientStatus.ts,
// the same rule dates.ts reviewState uses) and the same words as the build. No framework.
// A page the build found incomplete (`data-incomplete`) stays incomplete unless a date makes
// it expired: the reader's clock can never turn it green.
import { statusOn, utcDate, withProblems } from '../core/clientStatus.js';
import type { ReviewStatus } from '../core/dates.js';
import { BANNER_ICONS, bannerWords, STATUS_LABELS } from './statusWords.js';
// Search results re-judged too, also on a Starlight site whose Search Vigil does not override.
import './search-status.ts';

type Lifecycle = 'draft' | 'active' | 'retired';

export function recheckStatuses(root: ParentNode, clock: Date): void {
  const today = utcDate(clock);
  for (const element of root.querySelectorAll<HTMLElement>('[data-vigil-status]')) {
    const { lifecycle, nextReview, expires, incomplete, hasOwner } = element.dataset;
    // Lists carry the build date and window once, on an enclosing element.
    const { builtOn, window: windowDays } = element.closest<HTMLElement>('[data-built-on]')?.dataset ?? {};
    // A reader whose clock is behind the build cannot make a page look better than the build said.
    if (!builtOn || today <= builtOn) continue;
    const byDates = statusOn(
      { lifecycle: (lifecycle ?? 'active') as Lifecycle, nextReview: nextReview || null, expires: expires || null },
      today,
      Number(windowDays ?? 30),
    );
    const status = withProblems(byDates, incomplete === 'true');
    if (status === element.dataset.vigilStatus) continue;
    applyStatus(element, status, { nextReview: nextReview || null, expires: expires || null, hasOwner: hasOwner !== 'false' });
  }
  for (const notice of root.querySelectorAll<HTMLElement>('[data-vigil-exercise-due]')) {
    const { builtOn } = notice.closest<HTMLElement>('[data-built-on]')?.dataset ?? {};
    // The same comparison as the exercise-overdue rule: overdue once the due day has passed.
    if (builtOn && today > builtOn && (notice.dataset.vigilExerciseDue ?? '') < today) notice.hidden = false;
  }
}

function applyStatus(element: HTMLElement, status: ReviewStatus, dates: { nextReview: string | null; expires: string | null; hasOwner: boolean }): void {
  element.dataset.vigilStatus = status;
  for (const badge of element.querySelectorAll<HTMLElement>('[data-vigil-badge]')) {
    badge.textContent = STATUS_LABELS[status];
    badge.className = `vigil-badge vigil-badge--${status}`;
  }
  const banner = element.querySelector<HTMLElement>('[data-vigil-banner]');
  if (banner) {
    const words = bannerWords(status, dates);
    banner.hidden = words === null;
    banner.className = `vigil-banner vigil-banner--${status}`;
    const text = banner.querySelector<HTMLElement>('[data-vigil-banner-text]');
    if (text) text.textContent = words ?? '';
    const icon = banner.querySelector<HTMLElement>('.vigil-banner-icon');
    if (icon) icon.textContent = BANNER_ICONS[status];
  }
}

/**
 * The line every printed page carries (vigil.css prints it on each page): where the page lives,
 * when it was printed and the day its status was judged for (the reader's day once re-checked).
 */
export function stampPrint(root: ParentNode, clock: Date, address: string): void {
  const today = utcDate(clock);
  for (const stamp of root.querySelectorAll<HTMLElement>('[data-vigil-print-stamp]')) {
    const builtOn = stamp.closest<HTMLElement>('[data-built-on]')?.dataset.builtOn ?? '';
    const asOf = builtOn && today > builtOn ? today : builtOn || today;
    stamp.textContent = `${address} · printed on ${today}; status as of ${asOf}`;
  }
}

/**
 * A link into the header of a document (its escalation contacts, status pages) lands on the
 * whole header, so the badge and banner above the contacts are on screen too, even on a phone.
 */
export function revealStatusFor(hash: string): void {
  const id = decodeURIComponent(hash.replace(/^#/, ''));
  const target = id ? document.getElementById(id) : null;
  const header = target?.closest<HTMLElement>('.vigil-doc');
  if (!header || target === header) return;
  const title = header.querySelector<HTMLElement>('.vigil-title') ?? header;
  title.scrollIntoView({ block: 'start' });
}

recheckStatuses(document, new Date());
stampPrint(document, new Date(), location.href);
revealStatusFor(location.hash);
addEventListener('hashchange', () => revealStatusFor(location.hash));
// A page left open overnight and printed in the morning says the morning's date.
addEventListener('beforeprint', () => {
  recheckStatuses(document, new Date());
  stampPrint(document, new Date(), location.href);
});
