// Every control of the catalogues in use with the documents that name it and its verdict:
// what the controls page, the Statement of Applicability and `vigil report --controls` show.
import type { IsoDate } from '../dates.js';
import type { DocumentRecord } from '../types.js';
import { controlIndex, controlRef } from './catalogues.js';
import type { ControlsConfig } from './types.js';
import { controlVerdict, type ControlVerdict } from './verdict.js';

export interface ControlCoverage {
  /** `ISO27001:A.5.24` */
  ref: string;
  prefix: string;
  id: string;
  title: string;
  theme: string;
  /** Why the control does not apply, or null when it does. */
  excludedReason: string | null;
  /** Documents that name it, by title. */
  documents: DocumentRecord[];
  verdict: ControlVerdict;
}

export type CoverageCounts = Record<ControlVerdict, number> & { controls: number };

export interface ThemeCoverage {
  theme: string;
  controls: ControlCoverage[];
}

export interface CatalogueCoverage {
  prefix: string;
  name: string;
  themes: ThemeCoverage[];
  summary: CoverageCounts;
}

export interface ControlsCoverage {
  now: IsoDate;
  catalogues: CatalogueCoverage[];
  summary: CoverageCounts;
  /** References documents make that no catalogue in use holds (control-unknown reports them). */
  unknown: Array<{ ref: string; documents: DocumentRecord[] }>;
  /** Documents that name no control. */
  withoutControls: DocumentRecord[];
}

const byTitle = (a: DocumentRecord, b: DocumentRecord): number => a.title.localeCompare(b.title, 'en', { numeric: true }) || a.relPath.localeCompare(b.relPath);

export function emptyCounts(): CoverageCounts {
  return { controls: 0, covered: 0, stale: 0, uncovered: 0, excluded: 0 };
}

export function buildCoverage(records: readonly DocumentRecord[], config: ControlsConfig, now: IsoDate): ControlsCoverage {
  const index = controlIndex(config);
  const byRef = new Map<string, DocumentRecord[]>();
  const withoutControls: DocumentRecord[] = [];
  for (const record of records) {
    const refs = new Set(record.controls.map((ref) => ref.trim()).filter(Boolean));
    if (refs.size === 0) withoutControls.push(record);
    for (const ref of refs) {
      const holders = byRef.get(ref);
      if (holders) holders.push(record);
      else byRef.set(ref, [record]);
    }
  }

  const summary = emptyCounts();
  const catalogues = config.catalogues.map((catalogue): CatalogueCoverage => {
    const counts = emptyCounts();
    const themes = new Map<string, ControlCoverage[]>();
    for (const control of catalogue.controls) {
      const ref = controlRef(catalogue, control);
      const documents = [...(byRef.get(ref) ?? [])].sort(byTitle);
      const excludedReason = index.excluded.get(ref) ?? null;
      const verdict = controlVerdict(documents.map((record) => record.status), excludedReason !== null);
      const row: ControlCoverage = { ref, prefix: catalogue.prefix, id: control.id, title: control.title, theme: control.theme, excludedReason, documents, verdict };
      const inTheme = themes.get(control.theme);
      if (inTheme) inTheme.push(row);
      else themes.set(control.theme, [row]);
      for (const tally of [counts, summary]) {
        tally.controls++;
        tally[verdict]++;
      }
    }
    return { prefix: catalogue.prefix, name: catalogue.name, themes: [...themes].map(([theme, controls]) => ({ theme, controls })), summary: counts };
  });

  const unknown = [...byRef]
    .filter(([ref]) => !index.byRef.has(ref))
    .map(([ref, documents]) => ({ ref, documents: [...documents].sort(byTitle) }))
    .sort((a, b) => a.ref.localeCompare(b.ref, 'en', { numeric: true }));
  return { now, catalogues, summary, unknown, withoutControls: withoutControls.sort(byTitle) };
}

/** Every control in catalogue order, without the grouping. */
export function allControls(coverage: ControlsCoverage): ControlCoverage[] {
  return coverage.catalogues.flatMap((catalogue) => catalogue.themes.flatMap((theme) => theme.controls));
}
