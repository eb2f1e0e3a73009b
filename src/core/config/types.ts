import type { ControlsConfig } from '../controls/types.js';

export type Severity = 'error' | 'warn';
export type SeveritySetting = Severity | 'off';

export const DOCUMENT_TYPES = ['policy', 'procedure', 'runbook'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** Vigil's own field names; `fields` in the config maps them onto a team's names. */
export const FIELD_NAMES = [
  'title',
  'id',
  'type',
  'status',
  'owner',
  'version',
  'effective',
  'last_reviewed',
  'review_cycle',
  'expires',
  'controls',
  'escalation',
  'status_pages',
  'last_exercised',
  'exercise_cycle',
  'reviewed_by',
  'review_note',
] as const;
export type FieldName = (typeof FIELD_NAMES)[number];

export const PRESET_NAMES = ['starlight', 'tech-docs'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

export interface TypeByPath {
  pattern: string;
  type: string;
}

export interface LinksConfig {
  timeoutMs: number;
  concurrency: number;
  allowHosts: string[];
  /** Total time for the network check (`links.budget`); unset: the checker's default, 2 minutes. */
  budgetMs?: number;
}

/** The resolved configuration: every key present, every value checked. */
export interface VigilConfig {
  /** Folder that relative paths in the config are resolved against. */
  rootDir: string;
  /** The config file read, or null when defaults are used. */
  file: string | null;
  content: string[];
  /** Globs (relative to a content folder) of the files that are documents; empty: every .md and .mdx. */
  include: string[];
  /** Globs of files to leave out (config `exclude` plus `--ignore-pattern`). */
  exclude: string[];
  /** The team's schemas folder (absolute or relative to rootDir), or null: built-in schemas only. */
  schemas: string | null;
  /** The site generator whose pages these are, or null for plain Vigil documents. */
  preset: PresetName | null;
  /** Values a document gets when it gives none (tech-docs' `default_owner_slack`). */
  defaults: { owner: string | null };
  warningWindowDays: number;
  rules: Record<string, SeveritySetting>;
  /** Vigil field name → the name a team's documents use. */
  fields: Partial<Record<FieldName, string>>;
  types: TypeByPath[];
  sections: Record<string, string[]>;
  links: LinksConfig;
  /** `url`: absolute address where the site is published (for links in reports and SARIF), or null. */
  /** `slack`: the Slack workspace (e.g. https://acme.slack.com) that handles and channels link into, or null. */
  /** `gate`: which errors stop a site build: strict (any) or publish (none; every page with its banner). */
  site: { base: string; title: string; url: string | null; gate: 'strict' | 'publish'; slack?: string | null };
  /** Control catalogues in use and controls marked not applicable (src/core/controls/config.ts). */
  controls: ControlsConfig;
  /** Globs (relative to rootDir) of Prometheus rule files, for alert-runbook (src/core/alerts/config.ts). */
  alerts: string[];
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}
