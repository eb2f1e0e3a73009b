// The controls page and the Statement of Applicability from the site's one core run: every
// control of the catalogues in use, its documents and its verdict (src/core/controls/).
// Imports the controls modules directly, not the core's index, so pages do not bundle the engine.
import { buildCoverage, type ControlsCoverage } from '../core/controls/coverage.js';
import { buildSoa, soaCsv } from '../core/controls/soa.js';
import type { SiteRun } from './state.js';

export function siteCoverage(site: Pick<SiteRun, 'run' | 'now' | 'config'>): ControlsCoverage {
  return buildCoverage(site.run.documents, site.config.controls, site.now);
}

export function siteSoaCsv(site: Pick<SiteRun, 'run' | 'now' | 'config'>): string {
  return soaCsv(buildSoa(siteCoverage(site)));
}

/** A heading anchor from a catalogue prefix and a theme: `soc2-cc7-system-operations`. */
export function themeAnchor(prefix: string, theme: string): string {
  return `${prefix}-${theme}`.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

export const catalogueAnchor = (prefix: string): string => `catalogue-${themeAnchor(prefix, '')}`;
