// Re-judges every status on the page against the reader's date, so a site built months ago
// never shows an overdue page as current. Uses the core's client rule (src/core/clientStatus.ts,
// the same rule dates.ts reviewState uses) and the same words as the build. No framework.
import { statusOn, utcDate } from '../core/clientStatus.js';
import type { ReviewStatus } from '../core/dates.js';
import { bannerWords, STATUS_LABELS } from './statusWords.js';

type Lifecycle = 'draft' | 'active' | 'retired';

export function recheckStatuses(root: ParentNode, clock: Date): void {
  const today = utcDate(clock);
  for (const element of root.querySelectorAll<HTMLElement>('[data-vigil-status]')) {
    const { lifecycle, nextReview, expires } = element.dataset;
    // Lists carry the build date and window once, on an enclosing element.
    const { builtOn, window: windowDays } = element.closest<HTMLElement>('[data-built-on]')?.dataset ?? {};
    // A reader whose clock is behind the build cannot make a page look better than the build said.
    if (!builtOn || today <= builtOn) continue;
    const status = statusOn(
      { lifecycle: (lifecycle ?? 'active') as Lifecycle, nextReview: nextReview || null, expires: expires || null },
      today,
      Number(windowDays ?? 30),
    );
    if (status === element.dataset.vigilStatus) continue;
    applyStatus(element, status, { nextReview: nextReview || null, expires: expires || null });
  }
}

function applyStatus(element: HTMLElement, status: ReviewStatus, dates: { nextReview: string | null; expires: string | null }): void {
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
  }
}

recheckStatuses(document, new Date());
