// The controls matrix: each control reference with the documents that cover it, grouped by
// framework, and the documents that name no control.
import type { DocumentRecord } from '../core/index.js';

export interface ControlRow {
  ref: string;
  documents: DocumentRecord[];
}

export interface Framework {
  key: string;
  label: string;
  controls: ControlRow[];
}

const FRAMEWORKS: Record<string, string> = { ISO27001: 'ISO 27001 Annex A', SOC2: 'SOC 2' };

const naturally = (a: string, b: string): number => a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' });

function frameworkKey(ref: string): string {
  const colon = ref.indexOf(':');
  const prefix = (colon > 0 ? ref.slice(0, colon) : '').replace(/[\s_-]/g, '').toUpperCase();
  return prefix === '' ? 'OTHER' : prefix;
}

export function controlMatrix(records: readonly DocumentRecord[]): { frameworks: Framework[]; uncovered: DocumentRecord[] } {
  const byRef = new Map<string, DocumentRecord[]>();
  const uncovered: DocumentRecord[] = [];
  for (const record of records) {
    const refs = [...new Set(record.controls.map((ref) => ref.trim()).filter(Boolean))];
    if (refs.length === 0) uncovered.push(record);
    for (const ref of refs) byRef.set(ref, [...(byRef.get(ref) ?? []), record]);
  }
  const frameworks = new Map<string, Framework>();
  for (const [ref, documents] of byRef) {
    const key = frameworkKey(ref);
    const framework = frameworks.get(key) ?? { key, label: FRAMEWORKS[key] ?? (key === 'OTHER' ? 'Other references' : ref.slice(0, ref.indexOf(':'))), controls: [] };
    framework.controls.push({ ref, documents: [...documents].sort((a, b) => naturally(a.title, b.title)) });
    frameworks.set(key, framework);
  }
  const known = Object.keys(FRAMEWORKS);
  const ordered = [...frameworks.values()].sort((a, b) => {
    const rank = (f: Framework): number => (known.includes(f.key) ? known.indexOf(f.key) : known.length + (f.key === 'OTHER' ? 1 : 0));
    return rank(a) - rank(b) || naturally(a.key, b.key);
  });
  for (const framework of ordered) framework.controls.sort((a, b) => naturally(a.ref, b.ref));
  return { frameworks: ordered, uncovered: uncovered.sort((a, b) => naturally(a.title, b.title)) };
}
