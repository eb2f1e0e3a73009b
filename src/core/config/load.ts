// Finds, reads and checks vigil.config.{yaml,yml,json,mjs}. Every problem names the key.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { parseDurationMs, parseWindowDays } from '../dates.js';
import { parseAllowedHost } from '../links/address.js';
import { loadConfigModule } from './module.js';
import { suggestion } from '../didYouMean.js';
import { RULE_IDS } from '../rules/ids.js';
import { defaultControlsConfig, readControlsConfig } from '../controls/config.js';
import { readAlertsConfig } from '../alerts/config.js';
import { PRESETS } from './presets.js';
import { ConfigError, FIELD_NAMES, PRESET_NAMES, type PresetName, type FieldName, type SeveritySetting, type VigilConfig } from './types.js';
import { isFolder } from '../files.js';

export const CONFIG_FILE_NAMES = ['vigil.config.yaml', 'vigil.config.yml', 'vigil.config.json', 'vigil.config.mjs'];

const TOP_LEVEL_KEYS = ['preset', 'content', 'include', 'exclude', 'schemas', 'warning_window', 'rules', 'fields', 'types', 'sections', 'links', 'site', 'controls', 'alerts'];
const LINK_KEYS = ['timeout', 'concurrency', 'allow_hosts', 'budget'];
const SITE_KEYS = ['base', 'title', 'url', 'gate', 'slack'];

// Only a runbook needs a section out of the box: whom to call (its frontmatter escalation list
// counts). A team that wants more says so in `sections`.
export const DEFAULT_SECTIONS: Record<string, string[]> = {
  runbook: ['Escalation'],
};

export function defaultConfig(rootDir: string): VigilConfig {
  return {
    rootDir,
    file: null,
    content: ['content'],
    include: [],
    exclude: [],
    schemas: null,
    preset: null,
    defaults: { owner: null },
    warningWindowDays: 30,
    rules: {},
    fields: {},
    types: [],
    sections: structuredClone(DEFAULT_SECTIONS),
    links: { timeoutMs: 10_000, concurrency: 16, allowHosts: [] },
    site: { base: '/', title: 'Vigil', url: null, gate: 'strict', slack: null },
    controls: defaultControlsConfig(),
    alerts: [],
  };
}

/** Loads the config named by `explicitFile`, or the first vigil.config.* in `cwd`, or the defaults. */
export async function loadConfig(cwd: string, explicitFile?: string): Promise<VigilConfig> {
  let file: string | null = null;
  if (explicitFile) {
    file = path.resolve(cwd, explicitFile);
    if (!existsSync(file)) throw new ConfigError(`config file not found: ${explicitFile}`);
  } else {
    file = CONFIG_FILE_NAMES.map((name) => path.join(cwd, name)).find((candidate) => existsSync(candidate)) ?? null;
  }
  if (!file) return resolveConfig({}, cwd, null);
  const raw = await readConfigFile(file);
  const display = path.relative(cwd, file) || file;
  return resolveConfig(raw, path.dirname(file), file, display);
}

async function readConfigFile(file: string): Promise<unknown> {
  if (file.endsWith('.mjs')) return loadConfigModule(file);
  try {
    const text = readFileSync(file, 'utf8');
    if (file.endsWith('.json')) return JSON.parse(text);
    return parseYaml(text, { uniqueKeys: true, schema: 'core' }) ?? {};
  } catch (error) {
    throw new ConfigError(`cannot read ${path.basename(file)}: ${(error as Error).message}`);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringList(value: unknown, key: string, where: string): string[] {
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || list.some((item) => typeof item !== 'string' || item.trim() === '')) {
    throw new ConfigError(`${where}: "${key}" must be a folder name or a list of non-empty strings`);
  }
  return list as string[];
}

/** Checks a parsed config object and fills in defaults. */
export function resolveConfig(raw: unknown, rootDir: string, file: string | null, where = 'config'): VigilConfig {
  const config = defaultConfig(rootDir);
  config.file = file;
  if (raw === null || raw === undefined) return config;
  if (!isPlainObject(raw)) throw new ConfigError(`${where}: the config must be a mapping of keys to values`);

  for (const key of Object.keys(raw)) {
    if (!TOP_LEVEL_KEYS.includes(key)) {
      throw new ConfigError(`${where}: unknown key "${key}"${suggestion(key, TOP_LEVEL_KEYS)}`);
    }
  }
  if (raw.preset !== undefined) applyPreset(config, raw.preset, where);
  if (raw.content !== undefined) config.content = stringList(raw.content, 'content', where);
  if (raw.include !== undefined) config.include = stringList(raw.include, 'include', where);
  if (raw.exclude !== undefined) config.exclude = stringList(raw.exclude, 'exclude', where);
  if (raw.schemas !== undefined) {
    if (typeof raw.schemas !== 'string' || raw.schemas.trim() === '') throw new ConfigError(`${where}: "schemas" must be a folder name`);
    if (!isFolder(path.resolve(rootDir, raw.schemas))) throw new ConfigError(`${where}: "schemas" names ${raw.schemas}, which is not a folder`);
    config.schemas = raw.schemas;
  } else if (isFolder(path.resolve(rootDir, 'schemas'))) {
    config.schemas = 'schemas'; // the conventional folder, when there is one
  }
  if (raw.warning_window !== undefined) {
    const days = parseWindowDays(raw.warning_window);
    if (days === null || days > MAX_WARNING_WINDOW_DAYS) {
      throw new ConfigError(`${where}: "warning_window" must be a span from 0d to 10y, such as 30d, 4 weeks or P30D, got ${JSON.stringify(raw.warning_window)}`);
    }
    config.warningWindowDays = days;
  }
  if (raw.rules !== undefined) config.rules = readRules(raw.rules, where);
  if (raw.fields !== undefined) config.fields = { ...config.fields, ...readFields(raw.fields, where) };
  if (raw.types !== undefined) config.types = readTypes(raw.types, where);
  if (raw.sections !== undefined) config.sections = readSections(raw.sections, where);
  if (raw.links !== undefined) config.links = readLinks(raw.links, where);
  if (raw.site !== undefined) config.site = readSite(raw.site, where);
  if (raw.controls !== undefined) config.controls = readControlsConfig(raw.controls, rootDir, where);
  if (raw.alerts !== undefined) config.alerts = readAlertsConfig(raw.alerts, where);
  return config;
}

/** A preset sets the generator's content folder, field names and defaults; the config's own keys then win. */
function applyPreset(config: VigilConfig, value: unknown, where: string): void {
  if (typeof value !== 'string' || !(PRESET_NAMES as readonly string[]).includes(value)) {
    throw new ConfigError(`${where}: "preset" must be one of ${PRESET_NAMES.join(', ')}, got ${JSON.stringify(value)}${typeof value === 'string' ? suggestion(value, PRESET_NAMES) : ''}`);
  }
  const preset = PRESETS[value as PresetName];
  config.preset = preset.name;
  config.content = [preset.content];
  config.fields = { ...preset.fields };
  if (preset.name === 'tech-docs') config.defaults.owner = techDocsDefaultOwner(config.rootDir, where);
}

/** tech-docs' `default_owner_slack` (config/tech-docs.yml): the owner of every page that names none. */
function techDocsDefaultOwner(rootDir: string, where: string): string | null {
  const file = path.join(rootDir, 'config', 'tech-docs.yml');
  if (!existsSync(file)) return null;
  let settings: unknown;
  try {
    settings = parseYaml(readFileSync(file, 'utf8'), { schema: 'core' });
  } catch (error) {
    throw new ConfigError(`${where}: preset tech-docs cannot read config/tech-docs.yml: ${(error as Error).message}`);
  }
  const owner = isPlainObject(settings) ? settings.default_owner_slack : undefined;
  return typeof owner === 'string' && owner.trim() !== '' ? owner.trim() : null;
}

function readRules(value: unknown, where: string): Record<string, SeveritySetting> {
  if (!isPlainObject(value)) throw new ConfigError(`${where}: "rules" must map rule ids to off, warn or error`);
  const rules: Record<string, SeveritySetting> = {};
  for (const [id, setting] of Object.entries(value)) {
    if (!RULE_IDS.includes(id)) throw new ConfigError(`${where}: unknown rule "rules.${id}"${suggestion(id, RULE_IDS)}`);
    const normalized = setting === 'warning' ? 'warn' : setting;
    if (normalized !== 'off' && normalized !== 'warn' && normalized !== 'error') {
      throw new ConfigError(`${where}: "rules.${id}" must be off, warn or error, got ${JSON.stringify(setting)}`);
    }
    rules[id] = normalized;
  }
  return rules;
}

function readFields(value: unknown, where: string): Partial<Record<FieldName, string>> {
  if (!isPlainObject(value)) throw new ConfigError(`${where}: "fields" must map Vigil field names to your field names`);
  const fields: Partial<Record<FieldName, string>> = {};
  for (const [name, mapped] of Object.entries(value)) {
    if (!(FIELD_NAMES as readonly string[]).includes(name)) {
      throw new ConfigError(`${where}: unknown field "fields.${name}"${suggestion(name, FIELD_NAMES)}`);
    }
    if (typeof mapped !== 'string' || mapped.trim() === '') throw new ConfigError(`${where}: "fields.${name}" must be a field name`);
    // One of your fields can stand for only one of Vigil's.
    const twin = Object.entries(fields).find(([, other]) => other === mapped)?.[0];
    if (twin) throw new ConfigError(`${where}: "fields.${twin}" and "fields.${name}" both map to "${mapped}"; each must name a different field`);
    fields[name as FieldName] = mapped;
  }
  return fields;
}

function readTypes(value: unknown, where: string): VigilConfig['types'] {
  if (!isPlainObject(value)) throw new ConfigError(`${where}: "types" must map path patterns to document types`);
  return Object.entries(value).map(([pattern, type]) => {
    if (typeof type !== 'string' || type.trim() === '') throw new ConfigError(`${where}: "types.${pattern}" must be a document type`);
    return { pattern, type };
  });
}

function readSections(value: unknown, where: string): Record<string, string[]> {
  if (!isPlainObject(value)) throw new ConfigError(`${where}: "sections" must map document types to lists of headings`);
  const sections: Record<string, string[]> = {};
  for (const [type, headings] of Object.entries(value)) {
    if (!Array.isArray(headings) || headings.some((heading) => typeof heading !== 'string')) {
      throw new ConfigError(`${where}: "sections.${type}" must be a list of headings`);
    }
    sections[type] = headings as string[];
  }
  return sections;
}

function readLinks(value: unknown, where: string): VigilConfig['links'] {
  if (!isPlainObject(value)) throw new ConfigError(`${where}: "links" must be a mapping`);
  const links = defaultConfig('').links;
  for (const key of Object.keys(value)) {
    if (!LINK_KEYS.includes(key)) throw new ConfigError(`${where}: unknown key "links.${key}"${suggestion(key, LINK_KEYS)}`);
  }
  if (value.timeout !== undefined) links.timeoutMs = readDuration(value.timeout, 'links.timeout', LINK_TIMEOUT_RANGE, where);
  if (value.budget !== undefined) links.budgetMs = readDuration(value.budget, 'links.budget', LINK_BUDGET_RANGE, where);
  if (value.concurrency !== undefined) {
    const n = value.concurrency;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 256) {
      throw new ConfigError(`${where}: "links.concurrency" must be a whole number from 1 to 256, got ${JSON.stringify(n)}`);
    }
    links.concurrency = n;
  }
  if (value.allow_hosts !== undefined) {
    links.allowHosts = stringList(value.allow_hosts, 'links.allow_hosts', where);
    // `host:port` allows that port only; anything else that is not a host would be silently ignored.
    for (const entry of links.allowHosts) {
      if (!parseAllowedHost(entry)) {
        throw new ConfigError(`${where}: "links.allow_hosts" entry ${JSON.stringify(entry)} must be a host name or IP address, optionally with a port (status.internal, 127.0.0.1:8080, [::1]:8080)`);
      }
    }
  }
  return links;
}

// Node turns a timer of 2^31 ms or more into 1 ms, and undici wants whole milliseconds: every
// duration is checked against a range that makes sense for it, and the message gives the range.
const MAX_WARNING_WINDOW_DAYS = 3653;
const LINK_TIMEOUT_RANGE = { min: 1, max: 600_000, text: 'from 1ms to 10m' };
const LINK_BUDGET_RANGE = { min: 1_000, max: 21_600_000, text: 'from 1s to 6h' };

function readDuration(value: unknown, key: string, range: { min: number; max: number; text: string }, where: string): number {
  const ms = parseDurationMs(value);
  if (ms === null || !Number.isInteger(ms) || ms < range.min || ms > range.max) {
    throw new ConfigError(`${where}: "${key}" must be a duration ${range.text} in whole milliseconds, such as 10s, 2m or 500ms, got ${typeof value === 'number' ? String(value) : JSON.stringify(value)}`);
  }
  return ms;
}

function readSite(value: unknown, where: string): VigilConfig['site'] {
  if (!isPlainObject(value)) throw new ConfigError(`${where}: "site" must be a mapping`);
  const site = defaultConfig('').site;
  for (const key of Object.keys(value)) {
    if (!SITE_KEYS.includes(key)) throw new ConfigError(`${where}: unknown key "site.${key}"${suggestion(key, SITE_KEYS)}`);
  }
  if (value.base !== undefined) {
    if (typeof value.base !== 'string' || !value.base.startsWith('/')) throw new ConfigError(`${where}: "site.base" must be a path starting with /`);
    site.base = value.base;
  }
  if (value.title !== undefined) {
    if (typeof value.title !== 'string' || value.title.trim() === '') throw new ConfigError(`${where}: "site.title" must be text`);
    site.title = value.title;
  }
  if (value.url !== undefined) site.url = readSiteUrl(value.url, where);
  if (value.gate !== undefined) {
    if (value.gate !== 'strict' && value.gate !== 'publish') throw new ConfigError(`${where}: "site.gate" must be strict or publish, got ${JSON.stringify(value.gate)}`);
    site.gate = value.gate;
  }
  if (value.slack !== undefined) site.slack = readSlackWorkspace(value.slack, where);
  return site;
}

// The workspace's own address, https only, so a handle becomes <workspace>/messages/@handle.
function readSlackWorkspace(value: unknown, where: string): string {
  let url: URL | null = null;
  try {
    url = typeof value === 'string' ? new URL(value) : null;
  } catch {
    url = null;
  }
  if (!url || url.protocol !== 'https:' || url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) {
    throw new ConfigError(`${where}: "site.slack" must be the workspace's https address, such as https://acme.slack.com, got ${JSON.stringify(value)}`);
  }
  return url.origin;
}

// An absolute http(s) address, kept without a trailing slash so paths can be appended.
function readSiteUrl(value: unknown, where: string): string {
  let url: URL | null = null;
  try {
    url = typeof value === 'string' ? new URL(value) : null;
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash) {
    throw new ConfigError(`${where}: "site.url" must be the absolute http(s) address where the site is published, such as https://acme.github.io/policies/, got ${JSON.stringify(value)}`);
  }
  return url.href.replace(/\/+$/, '');
}

/** The severity a rule runs at: the config's setting, else the rule's default. */
export function severityFor(config: VigilConfig, ruleId: string, defaultSeverity: 'error' | 'warn'): SeveritySetting {
  return config.rules[ruleId] ?? defaultSeverity;
}
