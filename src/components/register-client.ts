// Sorts and filters the register table in place: type, owner, status and free text, no
// reload. Filters are kept in the address (?type=runbook) so a filtered view can be shared.
// Statuses are re-checked against the reader's date first (status-client.ts).
import './status-client.ts';

// Most urgent first, in the spec's order of statuses (an incomplete page needs fixing before an overdue one).
const STATUS_RANK: Record<string, number> = { expired: 0, incomplete: 1, overdue: 2, 'due-soon': 3, draft: 4, current: 5, retired: 6 };
const FILTERS = ['q', 'type', 'owner', 'status'] as const;

const table = document.getElementById('vigil-register') as HTMLTableElement | null;
const form = document.getElementById('vigil-register-filters') as HTMLFormElement | null;
const count = document.getElementById('vigil-register-count');

if (table && form && count) {
  const body = table.tBodies[0];
  const rows = [...body.rows];
  const headers = [...table.tHead!.rows[0].cells];
  const searchText = new Map(rows.map((row) => [row, (row.textContent ?? '').toLowerCase()]));
  const field = (name: string): HTMLInputElement | HTMLSelectElement => form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement;

  const params = new URLSearchParams(location.search);
  for (const name of FILTERS) {
    const value = params.get(name);
    if (value !== null) field(name).value = value;
  }

  const applyFilters = (): void => {
    const query = field('q').value.trim().toLowerCase();
    const type = field('type').value;
    const owner = field('owner').value;
    const status = field('status').value;
    let shown = 0;
    for (const row of rows) {
      const match =
        (!type || row.dataset.type === type) &&
        (!owner || row.dataset.owner === owner) &&
        (!status || row.dataset.vigilStatus === status) &&
        (!query || query.split(/\s+/).every((word) => searchText.get(row)!.includes(word)));
      row.hidden = !match;
      if (match) shown++;
    }
    count.textContent = shown === rows.length ? `${rows.length} documents` : `Showing ${shown} of ${rows.length} documents`;
    const next = new URLSearchParams();
    for (const name of FILTERS) if (field(name).value) next.set(name, field(name).value);
    const search = next.toString();
    history.replaceState(null, '', search ? `?${search}` : location.pathname);
  };

  const sortKey = (row: HTMLTableRowElement, index: number, column: string): string | number => {
    if (column === 'status') return STATUS_RANK[row.dataset.vigilStatus ?? ''] ?? 9;
    return (row.cells[index].textContent ?? '').trim().toLowerCase();
  };

  const sortBy = (index: number): void => {
    const header = headers[index];
    const column = header.dataset.column ?? '';
    const direction = header.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
    for (const other of headers) other.removeAttribute('aria-sort');
    header.setAttribute('aria-sort', direction === 1 ? 'ascending' : 'descending');
    const keyed = rows.map((row) => ({ row, key: sortKey(row, index, column) }));
    keyed.sort((a, b) => {
      // Empty cells go last whichever way the column is sorted.
      if (a.key === '' || b.key === '') return a.key === b.key ? 0 : a.key === '' ? 1 : -1;
      return (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) * direction;
    });
    rows.splice(0, rows.length, ...keyed.map((entry) => entry.row));
    body.append(...rows);
  };

  headers.forEach((header, index) => header.querySelector('button')?.addEventListener('click', () => sortBy(index)));
  form.addEventListener('input', applyFilters);
  form.addEventListener('submit', (event) => event.preventDefault());
  applyFilters();
}
