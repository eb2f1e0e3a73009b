// `controls` in the config: which catalogues are in use (built-in names or a team's catalogue
// files) and which controls are not applicable, with the reason. Every problem names the key.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ConfigError } from '../config/types.js';
import { suggestion } from '../didYouMean.js';
import { BUILT_IN_CATALOGUES, BUILT_IN_NAMES, controlRef, nearestRef } from './catalogues.js';
import type { Catalogue, Control, ControlExclusion, ControlsConfig } from './types.js';

const CONTROLS_KEYS = ['catalogues', 'excluded'];
const CATALOGUE_KEYS = ['prefix', 'name', 'controls'];
const CONTROL_KEYS = ['id', 'title', 'theme'];
// What documents can write before the colon (the built-in schemas' pattern for `controls`).
const PREFIX = /^[A-Za-z0-9_-]+$/;
const DEFAULT_THEME = 'Controls';

export function defaultControlsConfig(): ControlsConfig {
  return { catalogues: BUILT_IN_NAMES.map((name) => BUILT_IN_CATALOGUES[name]), excluded: [] };
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/** Reads `controls` from a parsed config; team catalogue files are found from `rootDir`. */
export function readControlsConfig(value: unknown, rootDir: string, where: string): ControlsConfig {
  if (!isPlainObject(value)) throw new ConfigError(`${where}: "controls" must be a mapping with "catalogues" and/or "excluded"`);
  for (const key of Object.keys(value)) {
    if (!CONTROLS_KEYS.includes(key)) throw new ConfigError(`${where}: unknown key "controls.${key}"${suggestion(key, CONTROLS_KEYS)}`);
  }
  const config = defaultControlsConfig();
  if (value.catalogues !== undefined) config.catalogues = readCatalogueList(value.catalogues, rootDir, where);
  if (value.excluded !== undefined) config.excluded = readExcluded(value.excluded, config, where);
  return config;
}

function readCatalogueList(value: unknown, rootDir: string, where: string): Catalogue[] {
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || list.length === 0 || !list.every(isText)) {
    throw new ConfigError(`${where}: "controls.catalogues" must list built-in catalogues (${BUILT_IN_NAMES.join(', ')}) or catalogue files`);
  }
  const catalogues: Catalogue[] = [];
  for (const entry of list as string[]) {
    const catalogue = (Object.hasOwn(BUILT_IN_CATALOGUES, entry) ? BUILT_IN_CATALOGUES[entry] : null) ?? (looksLikeFile(entry) ? readCatalogueFile(entry, rootDir, where) : null);
    if (!catalogue) {
      throw new ConfigError(`${where}: "controls.catalogues" names "${entry}", which is neither a built-in catalogue (${BUILT_IN_NAMES.join(', ')}) nor a .yaml, .yml or .json file${suggestion(entry, BUILT_IN_NAMES)}`);
    }
    const clash = catalogues.find((other) => other.prefix === catalogue.prefix);
    if (clash) throw new ConfigError(`${where}: "controls.catalogues": ${describeSource(catalogue)} and ${describeSource(clash)} both use the prefix "${catalogue.prefix}"; each catalogue needs its own`);
    catalogues.push(catalogue);
  }
  return catalogues;
}

const looksLikeFile = (entry: string): boolean => /\.(ya?ml|json)$/i.test(entry) || entry.includes('/') || entry.includes('\\');
const describeSource = (catalogue: Catalogue): string => (catalogue.source === 'built-in' ? `the built-in ${catalogue.prefix}` : catalogue.source);

/** A team's catalogue: `prefix`, `name` and `controls` (each `id`, `title`, optional `theme`). */
export function readCatalogueFile(file: string, rootDir: string, where: string): Catalogue {
  const at = `${where}: controls catalogue ${file}`;
  let raw: unknown;
  try {
    const text = readFileSync(path.resolve(rootDir, file), 'utf8');
    raw = /\.json$/i.test(file) ? JSON.parse(text) : parseYaml(text, { uniqueKeys: true, schema: 'core' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(`${at}: ${code === 'ENOENT' ? 'file not found' : `cannot read it (${code ?? (error as Error).message})`}`);
  }
  return parseCatalogue(raw, file, at);
}

export function parseCatalogue(raw: unknown, source: string, at: string): Catalogue {
  if (!isPlainObject(raw)) throw new ConfigError(`${at}: must be a mapping with "prefix", "name" and "controls"`);
  for (const key of Object.keys(raw)) {
    if (!CATALOGUE_KEYS.includes(key)) throw new ConfigError(`${at}: unknown key "${key}"${suggestion(key, CATALOGUE_KEYS)}`);
  }
  if (typeof raw.prefix !== 'string' || !PREFIX.test(raw.prefix)) {
    throw new ConfigError(`${at}: "prefix" must be letters, digits, - or _ (what documents write before the colon, as in ACME:SEC-1)`);
  }
  if (raw.name !== undefined && !isText(raw.name)) throw new ConfigError(`${at}: "name" must be text`);
  if (!Array.isArray(raw.controls) || raw.controls.length === 0) throw new ConfigError(`${at}: "controls" must list at least one control`);
  const seen = new Set<string>();
  const controls = raw.controls.map((entry, index): Control => {
    const item = `${at}: controls[${index}]`;
    if (!isPlainObject(entry)) throw new ConfigError(`${item} must be a mapping with "id" and "title"`);
    for (const key of Object.keys(entry)) {
      if (!CONTROL_KEYS.includes(key)) throw new ConfigError(`${item}: unknown key "${key}"${suggestion(key, CONTROL_KEYS)}`);
    }
    const id = typeof entry.id === 'number' ? String(entry.id) : entry.id;
    if (typeof id !== 'string' || !/^\S+$/.test(id)) throw new ConfigError(`${item}: "id" must be a control id without spaces`);
    if (seen.has(id)) throw new ConfigError(`${item}: the id "${id}" is listed twice`);
    seen.add(id);
    if (!isText(entry.title)) throw new ConfigError(`${item}: "title" must be text`);
    if (entry.theme !== undefined && !isText(entry.theme)) throw new ConfigError(`${item}: "theme" must be text`);
    return { id, title: entry.title.trim(), theme: (entry.theme as string | undefined)?.trim() ?? DEFAULT_THEME };
  });
  return { prefix: raw.prefix, name: (raw.name as string | undefined)?.trim() ?? raw.prefix, source, controls };
}

function readExcluded(value: unknown, config: ControlsConfig, where: string): ControlExclusion[] {
  if (!isPlainObject(value)) throw new ConfigError(`${where}: "controls.excluded" must map control references to the reason each does not apply (ISO27001:A.7.1: No offices)`);
  // Not controlIndex: that caches by the config object, whose exclusions are still being read.
  const known = new Set(config.catalogues.flatMap((catalogue) => catalogue.controls.map((control) => controlRef(catalogue, control))));
  return Object.entries(value).map(([ref, reason]) => {
    if (!known.has(ref)) {
      const near = nearestRef(ref, [...known]);
      throw new ConfigError(`${where}: "controls.excluded" names "${ref}", which is not a control of the catalogues in use${near ? ` (did you mean "${near}"?)` : ''}`);
    }
    if (!isText(reason)) throw new ConfigError(`${where}: "controls.excluded.${ref}" must give the reason the control does not apply`);
    return { ref, reason: reason.trim() };
  });
}
