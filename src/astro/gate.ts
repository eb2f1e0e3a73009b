// The build gate: which of `vigil check`'s errors stop a site build. By default every error
// does. VIGIL_SITE_GATE=content (for the daily rebuild) lets through the errors that only the
// calendar caused: a document that has simply fallen overdue or expired must still be
// published, because that is when its page has to show the banner.
import { formatPretty } from '../cli/formatters/pretty.js';
import { rulesTagged } from '../core/index.js';
import type { SiteRun } from './state.js';

export const GATE_MODES = ['all', 'content'] as const;
export type GateMode = (typeof GATE_MODES)[number];

/** Rules that fire because a date passed, not because someone wrote something wrong: the rules say so with their `date` tag. */
export const DATE_RULES: ReadonlySet<string> = new Set(rulesTagged('date').map((rule) => rule.id));

/** `VIGIL_SITE_GATE` (or the integration's `gate` option) → the gate mode; unset means `all`. */
export function resolveGateMode(value: string | undefined): GateMode {
  const mode = value?.trim() ?? '';
  if (mode === '') return 'all';
  if ((GATE_MODES as readonly string[]).includes(mode)) return mode as GateMode;
  throw new Error(`VIGIL_SITE_GATE must be one of ${GATE_MODES.join(', ')}, got "${value}"`);
}

export interface GateReport {
  /** True when the build must stop. */
  blocks: boolean;
  summary: string;
  /** `vigil check`'s pretty report of every diagnostic, for the build log ('' when none). */
  details: string;
}

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/** What the gate says about a run: null when there is nothing to report beyond warnings. */
export function gateReport(site: SiteRun, mode: GateMode = 'all'): GateReport | null {
  const { run } = site;
  if (run.missing.length > 0) return { blocks: true, summary: `vigil: content folder not found: ${run.missing.join(', ')}`, details: '' };
  const errors = run.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  if (errors.length === 0) return null;
  const blocking = mode === 'all' ? errors : errors.filter((diagnostic) => !DATE_RULES.has(diagnostic.rule));
  const details = formatPretty(run, false);
  if (blocking.length === 0) {
    const rules = [...new Set(errors.map((diagnostic) => diagnostic.rule))].join(', ');
    return { blocks: false, summary: `vigil check found ${plural(errors.length, 'error')} from date rules (${rules}); VIGIL_SITE_GATE=content publishes anyway and the pages show their banners`, details };
  }
  const passed = errors.length - blocking.length;
  const note = passed > 0 ? ` (and ${plural(passed, 'date error')} VIGIL_SITE_GATE=content would let through)` : '';
  return { blocks: true, summary: `vigil check found ${plural(blocking.length, 'error')}${note}: the site was not built`, details };
}
