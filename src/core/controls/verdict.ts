// A control's verdict from the statuses of the documents that name it. Imports nothing, so the
// controls page ships it to the browser and re-judges verdicts when statuses change there.

export type ControlVerdict = 'covered' | 'stale' | 'uncovered' | 'excluded';

export const CONTROL_VERDICTS: readonly ControlVerdict[] = ['covered', 'stale', 'uncovered', 'excluded'];

// A document in force and within its review cycle; due-soon is still within it.
const COVERING = new Set(['current', 'due-soon']);
// Not in force: neither coverage nor a gap, whatever they say.
const NOT_IN_FORCE = new Set(['draft', 'retired']);

/**
 * covered: at least one covering document is current (or due soon); stale: documents in force
 * name it, but every one is overdue, expired or incomplete; uncovered: none in force names it.
 * An excluded control stays excluded whatever covers it.
 */
export function controlVerdict(statuses: readonly string[], excluded: boolean): ControlVerdict {
  if (excluded) return 'excluded';
  if (statuses.some((status) => COVERING.has(status))) return 'covered';
  if (statuses.some((status) => !NOT_IN_FORCE.has(status))) return 'stale';
  return 'uncovered';
}

export const VERDICT_LABELS: Record<ControlVerdict, string> = {
  covered: 'Covered',
  stale: 'Gap: stale documents',
  uncovered: 'Not covered',
  excluded: 'Not applicable',
};
