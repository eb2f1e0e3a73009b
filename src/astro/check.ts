// Runs the core check for a site build: the config, the day to judge by, every document.
import path from 'node:path';
import { checkDocuments, loadConfig, parseIsoDate, resolveConfig, todayUtc, type IsoDate, type PresetName } from '../core/index.js';
import { loadRuleDocs } from './rule-docs.js';
import type { SiteRun } from './state.js';

export interface SiteOptions {
  /** Working directory for the config and content (default: process.cwd()). */
  cwd?: string;
  /** Config file (default: VIGIL_CONFIG, else vigil.config.* in cwd). */
  config?: string;
  /** Judge dates as of this day (default: VIGIL_NOW, else today's UTC date). */
  now?: string;
  /** The build gate, `strict` (any error stops the build) or `publish` (every page is published with its banner). Default: VIGIL_SITE_GATE, else the config's `site.gate`, else strict. */
  gate?: string;
  /** The preset to use when the repository has no Vigil config file (the Starlight plugin: starlight). */
  preset?: PresetName;
}

export function resolveNow(value: string | undefined): IsoDate {
  if (value === undefined || value === '') return todayUtc();
  const date = parseIsoDate(value.trim());
  if (!date) throw new Error(`VIGIL_NOW must be a real date written YYYY-MM-DD, got "${value}"`);
  return date;
}

/** Loads the config and checks every document once (offline: the build never touches the network). */
export async function runCheck(options: SiteOptions = {}): Promise<SiteRun> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  let config = await loadConfig(cwd, options.config ?? (process.env.VIGIL_CONFIG || undefined));
  if (!config.file && options.preset) config = resolveConfig({ preset: options.preset }, cwd, null);
  const now = resolveNow(options.now ?? process.env.VIGIL_NOW);
  // Content folders are resolved from the config's folder, so a config elsewhere brings its own content.
  // keepBody: the loader renders each body from this run, as the core read it, and reads no file again.
  const run = await checkDocuments({ cwd: config.rootDir, config, today: now, offline: true, keepBody: true });
  return { now, config, run, rules: loadRuleDocs(config), options };
}
