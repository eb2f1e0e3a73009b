import type { Severity, VigilConfig } from './config/types.js';
import type { Cycle, IsoDate, ReviewStatus } from './dates.js';
import type { BodyScan } from './parse/body.js';
import type { FieldPosition, Position } from './parse/frontmatter.js';
import type { SchemaSet } from './schemas.js';
import type { AlertSet } from './alerts/load.js';
import type { HistoryFacts } from './history/facts.js';
import type { DocumentProblem } from './problems.js';

/** Where a link in a body leads, as link-broken resolved it (the site renders links by it). */
export type { LinkDestination } from './parse/body.js';

export interface EscalationContact {
  role: string;
  name: string | null;
  contact: string | null;
  after: string | null;
}

export interface StatusPage {
  name: string;
  url: string;
}

/** Everything the CLI, the site and the register need to know about one document. */
export interface DocumentRecord {
  path: string;
  /** Path under its content folder, with forward slashes (e.g. `runbooks/db.md`). */
  relPath: string;
  /** Site route without slashes around it (e.g. `runbooks/db`). */
  slug: string;
  id: string | null;
  type: string | null;
  title: string;
  owner: string | null;
  version: string | null;
  effective: IsoDate | null;
  lifecycle: 'draft' | 'active' | 'retired';
  last_reviewed: IsoDate | null;
  review_cycle: string | null;
  next_review: IsoDate | null;
  expires: IsoDate | null;
  status: ReviewStatus;
  controls: string[];
  escalation: EscalationContact[];
  status_pages: StatusPage[];
  last_exercised: IsoDate | null;
  exercise_cycle: string | null;
  next_exercise: IsoDate | null;
  /** Globs of the repository's files the document describes (`covers`), relative to the repository root. */
  covers: string[];
  /** Runbooks: names of the alerts the runbook answers (`alerts`). */
  alerts: string[];
  /** Who made the last review (`reviewed_by`, as `vigil review --by` writes it). */
  reviewed_by: string | null;
  /** The day the content last changed in Git, not counting commits that only renewed the review; null when unknown. */
  content_changed: IsoDate | null;
  /**
   * The run's error-level findings that are not about dates, in plain words (src/core/problems.ts):
   * what makes the status `incomplete`. Set by the engine once every rule has run.
   */
  problems?: DocumentProblem[];
}

/** A parsed document: the record plus what the rules need (positions, body scan). */
export interface VigilDocument {
  /** Absolute path of the file. */
  file: string;
  /** Path as shown in diagnostics: relative to the working directory. */
  path: string;
  relPath: string;
  /** False for a page of a preset's site that carries no Vigil field: published, never judged. */
  judged: boolean;
  /** The frontmatter with Vigil's field names (a team's names mapped), or null when unreadable. */
  fields: Record<string, unknown> | null;
  /** The frontmatter's YAML (from line 2), kept so positions can be found when a rule reports. */
  yamlText: string | null;
  /** Where each key and value of `yamlText` sits, once a rule has asked (document.ts rawFieldPositions). */
  positions?: Map<string, FieldPosition>;
  /** A team's field name → Vigil's, for the fields the config renames. */
  renamedFields: Record<string, string>;
  /** Keys written with Vigil's name for a field the config renames (`last_reviewed` where the team says `last_reviewed_on`); not read. */
  shadowedFields?: string[];
  /** Problems reading the file or its frontmatter. */
  syntaxProblems: Array<Position & { message: string }>;
  /** Type from the frontmatter or the config's `types`. */
  type: string | null;
  bodyStartLine: number;
  body: BodyScan;
  lifecycle: 'draft' | 'active' | 'retired';
  lastReviewed: IsoDate | null;
  reviewCycle: Cycle | null;
  expires: IsoDate | null;
  lastExercised: IsoDate | null;
  exerciseCycle: Cycle | null;
  record: DocumentRecord;
}

/**
 * A document after its own rules have run: what the set rules, the site and the CLI still use.
 * The raw frontmatter and the body's tables are let go there, and the body's text unless the engine
 * is asked to keep it (keepBody), so 10,000 checked documents stay small.
 */
export type CheckedDocument = Omit<VigilDocument, 'fields' | 'body'> & { body: Pick<BodyScan, 'headings' | 'links' | 'text'> };

export interface Diagnostic {
  rule: string;
  severity: Severity;
  path: string;
  line: number;
  column: number;
  message: string;
}

/** What a rule reports; the engine adds the rule id and severity. */
export interface Finding extends Position {
  message: string;
  /** Defaults to the document being checked. */
  path?: string;
}

export interface RuleContext {
  config: VigilConfig;
  today: IsoDate;
  schemas: SchemaSet;
  /** The name a team's documents use for one of Vigil's fields. */
  label(field: string): string;
  /** Pages of a preset's site that are not documents (not judged, but links may point at them). */
  pages?: CheckedDocument[];
  /** True when a path exists on disk (for links to files that are not documents). */
  fileExists(absolutePath: string): boolean;
  /** What Git says (changed-since-review); read by the engine before the set rules run. */
  history?: HistoryFacts;
  /** The alert rule files the config names (alert-runbook); undefined when it names none. */
  alerts?: AlertSet;
}

export interface Rule {
  id: string;
  /** The severity the rule has unless the config's `rules` says otherwise (see ruleSeverity). */
  defaultSeverity: Severity;
  /** One line for docs, SARIF and `--help`. */
  description: string;
  /**
   * What the rule is about, for whoever must pick rules by kind rather than by id. `date`: the
   * rule fires because a day passed, not because someone wrote something wrong (the site's
   * content gate publishes through these).
   */
  tags: readonly RuleTag[];
  /** `network` rules run only without `--offline`. */
  scope: 'document' | 'set' | 'network';
  checkDocument?(doc: VigilDocument, context: RuleContext): Finding[];
  checkSet?(docs: CheckedDocument[], context: RuleContext): Finding[];
  /**
   * A friendly PascalCase name for SARIF viewers; by default derived from the id
   * (`review-overdue` → `ReviewOverdue`). Give one where that would equal the id but for case.
   */
  name?: string;
}

export type RuleTag = 'date' | 'frontmatter' | 'schema' | 'review' | 'expiry' | 'exercise' | 'contacts' | 'status-pages' | 'network' | 'links' | 'ids' | 'sections' | 'files';

export interface CheckSummary {
  documents: number;
  errors: number;
  warnings: number;
}

export interface CheckResult {
  now: IsoDate;
  documents: DocumentRecord[];
  diagnostics: Diagnostic[];
  summary: CheckSummary;
}
