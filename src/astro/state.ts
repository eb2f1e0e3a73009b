// The one core run a site build uses, shared by the integration (which runs the check and
// gates the build), the content loader and the injected pages. They are loaded by
// different module graphs (Node for the config, Vite for pages and content.config.ts) in
// the same process, so the run is kept on globalThis rather than in a module variable.
import path from 'node:path';
import { checkDocuments, loadConfig, parseIsoDate, todayUtc, type CheckRun, type IsoDate, type VigilConfig } from '../core/index.js';

export interface SiteRun {
  /** The day statuses were judged for (the build date unless VIGIL_NOW says otherwise). */
  now: IsoDate;
  config: VigilConfig;
  run: CheckRun;
}

export interface SiteOptions {
  /** Working directory for the config and content (default: process.cwd()). */
  cwd?: string;
  /** Config file (default: VIGIL_CONFIG, else vigil.config.* in cwd). */
  config?: string;
  /** Judge dates as of this day (default: VIGIL_NOW, else today's UTC date). */
  now?: string;
}

const KEY = Symbol.for('vigil.site.run');
type Holder = { [KEY]?: Promise<SiteRun> };

export function resolveNow(value: string | undefined): IsoDate {
  if (value === undefined || value === '') return todayUtc();
  const date = parseIsoDate(value.trim());
  if (!date) throw new Error(`VIGIL_NOW must be a real date written YYYY-MM-DD, got "${value}"`);
  return date;
}

/** Loads the config and checks every document once (offline: the build never touches the network). */
export async function runCheck(options: SiteOptions = {}): Promise<SiteRun> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const config = await loadConfig(cwd, options.config ?? (process.env.VIGIL_CONFIG || undefined));
  const now = resolveNow(options.now ?? process.env.VIGIL_NOW);
  // Content folders are resolved from the config's folder, so a config elsewhere brings its own content.
  const run = await checkDocuments({ cwd: config.rootDir, config, today: now, offline: true });
  return { now, config, run };
}

export function setSiteRun(run: Promise<SiteRun>): void {
  (globalThis as Holder)[KEY] = run;
}

/** The run the integration started, or a fresh one (e.g. under `astro sync`). */
export function getSiteRun(): Promise<SiteRun> {
  const holder = globalThis as Holder;
  holder[KEY] ??= runCheck();
  return holder[KEY];
}
