// The build gate: which of `vigil check`'s errors stop a site build.
// - strict (default; pull requests): any error stops the build, with `vigil check`'s report.
// - publish (the main-branch deploy and the daily rebuild): every page is published, each with
//   its banner, so the site is never older than the content. The log lists what it let through.
import { formatPretty } from '../cli/formatters/pretty.js';
import type { SiteRun } from './state.js';

export const GATE_MODES = ['strict', 'publish'] as const;
export type GateMode = (typeof GATE_MODES)[number];

/** VIGIL_SITE_GATE (or the integration's `gate` option, or `site.gate`) → the gate; unset means strict. */
export function resolveGateMode(value: string | undefined): GateMode {
  const mode = value?.trim() ?? '';
  if (mode === '') return 'strict';
  if ((GATE_MODES as readonly string[]).includes(mode)) return mode as GateMode;
  throw new Error(`the site gate (VIGIL_SITE_GATE or site.gate) must be one of ${GATE_MODES.join(', ')}, got "${value}"`);
}

export interface GateReport {
  gate: GateMode;
  /** True when the build must stop. */
  blocks: boolean;
  /** One line for the build log: which gate ran and what it did. */
  summary: string;
  /** `vigil check`'s pretty report of every diagnostic, for the build log ('' when none). */
  details: string;
  /** Errors published anyway (the publish gate). */
  letThrough: number;
}

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/** What the gate says about a run. */
export function gateReport(site: SiteRun, gate: GateMode = 'strict'): GateReport {
  const { run } = site;
  if (run.missing.length > 0) {
    return { gate, blocks: true, summary: `vigil: content folder not found: ${run.missing.join(', ')}`, details: '', letThrough: 0 };
  }
  const errors = run.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  const warnings = run.diagnostics.length - errors.length;
  const details = run.diagnostics.length > 0 ? formatPretty(run, false) : '';
  const checked = `${plural(run.summary.documents, 'document')}, ${plural(errors.length, 'error')}, ${plural(warnings, 'warning')}`;
  if (errors.length === 0) return { gate, blocks: false, summary: `vigil gate ${gate}: ${checked}; building`, details, letThrough: 0 };
  if (gate === 'strict') {
    return { gate, blocks: true, summary: `vigil gate strict: vigil check found ${plural(errors.length, 'error')}: the site was not built`, details, letThrough: 0 };
  }
  const documents = new Set(errors.map((diagnostic) => diagnostic.path)).size;
  const rules = [...new Set(errors.map((diagnostic) => diagnostic.rule))].sort().join(', ');
  return {
    gate,
    blocks: false,
    summary: `vigil gate publish: let through ${plural(errors.length, 'error')} in ${plural(documents, 'document')} (${rules}); their pages carry banners`,
    details,
    letThrough: errors.length,
  };
}
