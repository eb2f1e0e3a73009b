// The one core run a site build uses, shared by the integration (which runs the check and
// gates the build), the content loader and the pages. They are loaded by different module
// graphs (Node for the config, Vite for pages and content.config.ts) in the same process,
// so the run is kept on globalThis. Pages import only this file, so the core's engine is not
// bundled into them.
import path from 'node:path';
import type { SiteOptions } from './check.js';
import type { CheckRun, DocumentRecord, IsoDate, Severity, SeveritySetting, VigilConfig } from '../core/index.js';

/** A rule and its docs page, for the /rules/ pages. */
export interface RuleDoc {
  id: string;
  defaultSeverity: Severity;
  /** The severity this site's config gives the rule. */
  severity: SeveritySetting;
  description: string;
  /** Site-relative, e.g. `rules/review-overdue/` (the core's ruleDocsPath, which SARIF links to). */
  path: string;
  /** The docs page, src/core/rules/<id>.md. */
  markdown: string;
}

export interface SiteRun {
  /** The day statuses were judged for (the build date unless VIGIL_NOW says otherwise). */
  now: IsoDate;
  config: VigilConfig;
  run: CheckRun;
  rules: RuleDoc[];
  /** What the site was checked with, so `astro dev` can check again the same way after an edit. */
  options: SiteOptions;
}

const KEY = Symbol.for('vigil.site.run');
type Holder = { [KEY]?: SiteRun };

export function setSiteRun(run: SiteRun): void {
  (globalThis as Holder)[KEY] = run;
}

const recordsByFile = new WeakMap<SiteRun, Map<string, DocumentRecord>>();

/**
 * The core's record for a page, found by the file Starlight's own loader read it from (the
 * Starlight plugin: entries there carry no Vigil data). Null for a page that is not a document.
 */
export function recordForFile(site: SiteRun, filePath: string | undefined): DocumentRecord | null {
  if (!filePath) return null;
  let byFile = recordsByFile.get(site);
  if (!byFile) {
    byFile = new Map(site.run.docs.map((doc) => [doc.file, doc.record]));
    recordsByFile.set(site, byFile);
  }
  return byFile.get(path.resolve(site.config.rootDir, filePath)) ?? byFile.get(path.resolve(filePath)) ?? null;
}

/** The run the integration made in `astro:config:setup` (dev, build and sync all pass there). */
export async function getSiteRun(): Promise<SiteRun> {
  const run = (globalThis as Holder)[KEY];
  if (!run) throw new Error('vigil: no document run; is the vigil() integration in astro.config.mjs?');
  return run;
}
