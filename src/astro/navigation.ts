// The per-page sidebar: documents grouped by type, each group small at any size. A group
// lists every document when it is short; a long one shows a few neighbours of the current
// page and a link to the register filtered by type (the register and search do the finding).
import type { DocumentRecord } from '../core/index.js';

export const GROUP_LIMIT = 25;
const NEIGHBOURS = 5;

export interface NavGroup {
  type: string;
  label: string;
  total: number;
  documents: DocumentRecord[];
  /** True when `documents` is a window of a longer list. */
  truncated: boolean;
}

const TYPE_ORDER = ['runbook', 'policy', 'procedure'];
const TYPE_LABELS: Record<string, string> = { runbook: 'Runbooks', policy: 'Policies', procedure: 'Procedures' };

export function typeLabel(type: string): string {
  return TYPE_LABELS[type] ?? (type === 'other' ? 'Other documents' : `${type[0].toUpperCase()}${type.slice(1)}s`);
}

const sortedGroups = new WeakMap<readonly DocumentRecord[], Map<string, DocumentRecord[]>>();

/** Documents by type, sorted by title: computed once per build, not once per page. */
function groupsOf(records: readonly DocumentRecord[]): Map<string, DocumentRecord[]> {
  let groups = sortedGroups.get(records);
  if (groups) return groups;
  groups = new Map();
  for (const record of records) {
    const type = record.type ?? 'other';
    const list = groups.get(type) ?? [];
    list.push(record);
    groups.set(type, list);
  }
  for (const list of groups.values()) list.sort((a, b) => a.title.localeCompare(b.title) || a.slug.localeCompare(b.slug));
  const rank = (type: string): number => (TYPE_ORDER.includes(type) ? TYPE_ORDER.indexOf(type) : TYPE_ORDER.length);
  groups = new Map([...groups].sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b)));
  sortedGroups.set(records, groups);
  return groups;
}

export function navGroups(records: readonly DocumentRecord[], currentSlug: string | null): NavGroup[] {
  return [...groupsOf(records)].map(([type, list]) => {
    const base = { type, label: typeLabel(type), total: list.length };
    if (list.length <= GROUP_LIMIT) return { ...base, documents: list, truncated: false };
    const index = currentSlug === null ? -1 : list.findIndex((record) => record.slug === currentSlug);
    if (index === -1) return { ...base, documents: [], truncated: true };
    const start = Math.max(0, Math.min(index - NEIGHBOURS, list.length - 2 * NEIGHBOURS - 1));
    return { ...base, documents: list.slice(start, start + 2 * NEIGHBOURS + 1), truncated: true };
  });
}
