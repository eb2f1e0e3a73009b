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

export interface TypeByPath {
  pattern: string;
  type: string;
}

export interface LinksConfig {
  timeoutMs: number;
  concurrency: number;
  allowHosts: string[];
}

/** The resolved configuration: every key present, every value checked. */
export interface VigilConfig {
  /** Folder that relative paths in the config are resolved against. */
  rootDir: string;
  /** The config file read, or null when defaults are used. */
  file: string | null;
  content: string[];
  schemas: string;
  warningWindowDays: number;
  rules: Record<string, SeveritySetting>;
  /** Vigil field name → the name a team's documents use. */
  fields: Partial<Record<FieldName, string>>;
  types: TypeByPath[];
  sections: Record<string, string[]>;
  links: LinksConfig;
  /** `url`: absolute address where the site is published (for links in reports and SARIF), or null. */
  site: { base: string; title: string; url: string | null };
  /** Control catalogues in use and controls marked not applicable (src/core/controls/config.ts). */
  controls: ControlsConfig;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}
