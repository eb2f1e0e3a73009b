// The register in the browser: every row comes from /register.json (the HTML holds only the
// first rows, so a register of 10,000 documents stays a small page), re-judged against the
// reader's date, then sorted and filtered in memory and drawn a page of rows at a time.
// Filters are kept in the address (?type=runbook) so a filtered view can be shared. Free text
// ignores case and accents ("wojcik" finds "Wójcik").
import { statusOn, utcDate, withProblems } from '../core/clientStatus.js';
import type { ReviewStatus } from '../core/dates.js';
import type { RegisterJson } from '../astro/register.js';
import './status-client.ts';
import { STATUS_LABELS } from './statusWords.js';

// Most urgent first, in the spec's order of statuses (an incomplete page needs fixing before an overdue one).
const STATUS_RANK: Record<string, number> = { expired: 0, incomplete: 1, overdue: 2, 'due-soon': 3, draft: 4, current: 5, retired: 6 };
const FILTERS = ['q', 'type', 'owner', 'status'] as const;
const COLUMNS = ['id', 'title', 'type', 'owner', 'status', 'last_reviewed', 'next_review', 'expires', 'controls'] as const;
type Column = (typeof COLUMNS)[number];
type Document = RegisterJson['documents'][number];

interface Row {
  document: Document;
  status: ReviewStatus;
  /** Every searchable value, lower case and without accents. */
  text: string;
}

/** Lower case, accents and other combining marks removed: "Wójcik" → "wojcik". */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

function sortValue(row: Row, column: Column): string | number {
  if (column === 'status') return STATUS_RANK[row.status] ?? 9;
  const value = row.document[column];
  if (Array.isArray(value)) return value.join(', ').toLowerCase();
  return (value ?? '').toString().toLowerCase();
}

const table = document.getElementById('vigil-register') as HTMLTableElement | null;
const form = document.getElementById('vigil-register-filters') as HTMLFormElement | null;
const count = document.getElementById('vigil-register-count');
const empty = document.getElementById('vigil-register-empty');
const more = document.getElementById('vigil-register-more') as HTMLButtonElement | null;

if (table && form && count && empty && more) {
  const body = table.tBodies[0];
  const headers = [...table.tHead!.rows[0].cells];
  const pageSize = Number(table.dataset.pageSize ?? 100);
  const builtOn = table.dataset.builtOn ?? '';
  const windowDays = Number(table.dataset.window ?? 30);
  const field = (name: string): HTMLInputElement | HTMLSelectElement => form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement;
  // A template row from the build, so drawn rows look exactly like the built ones.
  const template = body.rows[0]?.cloneNode(true) as HTMLTableRowElement | undefined;
  let rows: Row[] = [];
  let matching: Row[] = [];
  let shownRows = pageSize;
  let sort: { column: Column; direction: 1 | -1 } | null = null;

  const params = new URLSearchParams(location.search);
  for (const name of FILTERS) {
    const value = params.get(name);
    if (value !== null) field(name).value = value;
  }
  // The controls page links here with ?control=<ref> for a control with many documents: an
  // exact match on one of each document's controls (free text would also find A.5.24 for A.5.2).
  let control = params.get('control') ?? '';

  const judge = (document: Document): ReviewStatus => {
    const today = utcDate(new Date());
    // A reader whose clock is behind the build keeps the build's statuses.
    if (!builtOn || today <= builtOn) return document.status;
    const byDates = statusOn({ lifecycle: document.lifecycle, nextReview: document.next_review, expires: document.expires }, today, windowDays);
    return withProblems(byDates, document.problems.length > 0);
  };

  const drawRow = (row: Row, template: HTMLTableRowElement): HTMLTableRowElement => {
    const { document: doc, status } = row;
    const tr = template.cloneNode(true) as HTMLTableRowElement;
    tr.hidden = false;
    tr.dataset.vigilStatus = status;
    tr.dataset.type = doc.type ?? '';
    tr.dataset.owner = doc.owner ?? '';
    // The dates status-client.ts re-judges from (before printing), as StatusScope.astro writes them.
    tr.dataset.lifecycle = doc.lifecycle;
    tr.dataset.nextReview = doc.next_review ?? '';
    tr.dataset.expires = doc.expires ?? '';
    if (doc.problems.length > 0) tr.dataset.incomplete = 'true';
    else delete tr.dataset.incomplete;
    if (doc.owner) delete tr.dataset.hasOwner;
    else tr.dataset.hasOwner = 'false';
    const cells = tr.cells;
    const text = (index: number, value: string | null): void => {
      cells[index].textContent = value ?? '';
    };
    text(0, doc.id);
    const link = cells[1].querySelector('a') ?? cells[1].appendChild(window.document.createElement('a'));
    link.href = doc.url;
    link.textContent = doc.title;
    text(2, doc.type);
    text(3, doc.owner);
    const badge = cells[4].querySelector<HTMLElement>('[data-vigil-badge]');
    if (badge) {
      badge.textContent = STATUS_LABELS[status];
      badge.className = `vigil-badge vigil-badge--${status}`;
    }
    text(5, doc.last_reviewed);
    text(6, doc.next_review);
    text(7, doc.expires);
    text(8, doc.controls.join(', '));
    return tr;
  };

  const draw = (): void => {
    const visible = matching.slice(0, shownRows);
    if (template) body.replaceChildren(...visible.map((row) => drawRow(row, template)));
    empty.hidden = matching.length > 0;
    more.hidden = matching.length <= visible.length;
    more.textContent = `Show ${Math.min(pageSize, matching.length - visible.length)} more (${visible.length} of ${matching.length} shown)`;
    count.textContent = `${matching.length === rows.length ? `${rows.length} documents` : `Showing ${matching.length} of ${rows.length} documents`}${control ? ` naming ${control}` : ''}`;
  };

  const applyFilters = (): void => {
    const words = foldForSearch(field('q').value.trim()).split(/\s+/).filter(Boolean);
    const type = field('type').value;
    const owner = field('owner').value;
    const status = field('status').value;
    matching = rows.filter(
      (row) =>
        (!type || row.document.type === type) &&
        (!owner || row.document.owner === owner) &&
        (!status || row.status === status) &&
        (!control || row.document.controls.includes(control)) &&
        words.every((word) => row.text.includes(word)),
    );
    if (sort) sortRows(matching, sort.column, sort.direction);
    shownRows = pageSize;
    draw();
    const next = new URLSearchParams();
    for (const name of FILTERS) if (field(name).value) next.set(name, field(name).value);
    if (control) next.set('control', control);
    const search = next.toString();
    history.replaceState(null, '', search ? `?${search}` : location.pathname);
  };

  const sortRows = (list: Row[], column: Column, direction: 1 | -1): void => {
    const keyed = list.map((row) => ({ row, key: sortValue(row, column) }));
    keyed.sort((a, b) => {
      // Empty cells go last whichever way the column is sorted.
      if (a.key === '' || b.key === '') return a.key === b.key ? 0 : a.key === '' ? 1 : -1;
      return (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) * direction;
    });
    list.splice(0, list.length, ...keyed.map((entry) => entry.row));
  };

  const sortBy = (header: HTMLTableCellElement): void => {
    const column = header.dataset.column as Column;
    const direction = header.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
    for (const other of headers) other.removeAttribute('aria-sort');
    header.setAttribute('aria-sort', direction === 1 ? 'ascending' : 'descending');
    sort = { column, direction };
    sortRows(matching, column, direction);
    draw();
  };

  // The reset event fires before the fields change; filter once they have.
  const afterReset = (): void => {
    control = '';
    setTimeout(applyFilters);
  };

  const load = async (): Promise<void> => {
    const response = await fetch(table.dataset.source ?? '');
    if (!response.ok) throw new Error(`${table.dataset.source}: ${response.status}`);
    const data = (await response.json()) as RegisterJson;
    rows = data.documents.map((doc) => {
      const status = judge(doc);
      return { document: doc, status, text: foldForSearch([doc.id, doc.title, doc.type, doc.owner, STATUS_LABELS[status], doc.controls.join(' ')].join('\n')) };
    });
    headers.forEach((header) => header.querySelector('button')?.addEventListener('click', () => sortBy(header)));
    form.addEventListener('input', applyFilters);
    form.addEventListener('reset', afterReset);
    for (const button of document.querySelectorAll('[data-vigil-clear]')) button.addEventListener('click', () => form.reset());
    more.addEventListener('click', () => {
      shownRows += pageSize;
      draw();
    });
    applyFilters();
    table.dataset.vigilReady = '';
  };

  form.addEventListener('submit', (event) => event.preventDefault());
  load().catch((error: unknown) => {
    // Without the data the built rows stay as they are, with their statuses re-checked.
    count.textContent = `${count.textContent ?? ''} (sorting and filtering are unavailable: ${error instanceof Error ? error.message : String(error)})`;
  });
}
