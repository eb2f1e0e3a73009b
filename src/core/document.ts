// Builds a VigilDocument from a file's bytes: decode, frontmatter, field mapping, body scan, review state.
import path from 'node:path';
import picomatch from 'picomatch';
import type { FieldName, VigilConfig } from './config/types.js';
import { addCycle, parseCycle, parseIsoDate, reviewState, type IsoDate } from './dates.js';
import { scanBody, type BodyScan } from './parse/body.js';
import { readFrontmatter, type FieldPosition } from './parse/frontmatter.js';
import { decodeSource } from './parse/source.js';
import type { DocumentRecord, EscalationContact, StatusPage, VigilDocument } from './types.js';

const EMPTY_BODY: BodyScan = { headings: [], links: [], tables: [] };

export interface DocumentLocation {
  file: string;
  /** As shown in diagnostics (relative to the working directory). */
  path: string;
  /** Under its content folder, forward slashes. */
  relPath: string;
}

export function parseDocument(location: DocumentLocation, bytes: Uint8Array, config: VigilConfig, today: IsoDate): VigilDocument {
  const decoded = decodeSource(bytes);
  if (!decoded.ok) return finish(location, null, new Map(), [decoded.problem], 1, EMPTY_BODY, config, today);

  const frontmatter = readFrontmatter(decoded.text);
  const { fields, positions } = mapFields(frontmatter.data, frontmatter.positions, config);
  // A body is worth scanning even when the frontmatter is broken: links and headings still count.
  const body = scanBody(frontmatter.body, frontmatter.bodyStartLine);
  return finish(location, fields, positions, frontmatter.problems, frontmatter.bodyStartLine, body, config, today);
}

/** Renames a team's field names to Vigil's, so every rule reads one vocabulary. */
function mapFields(
  data: Record<string, unknown> | null,
  positions: Map<string, FieldPosition>,
  config: VigilConfig,
): { fields: Record<string, unknown> | null; positions: Map<string, FieldPosition> } {
  const entries = Object.entries(config.fields);
  if (!data || entries.length === 0) return { fields: data, positions };
  const vigilNameFor = new Map(entries.map(([vigil, team]) => [team as string, vigil]));
  const fields: Record<string, unknown> = {};
  const mappedPositions = new Map<string, FieldPosition>();
  for (const key of Object.keys(data)) {
    const name = vigilNameFor.get(key) ?? key;
    Object.defineProperty(fields, name, { value: data[key], enumerable: true, writable: true, configurable: true });
  }
  for (const [pointer, position] of positions) {
    const [, first, ...rest] = pointer.split('/');
    const name = vigilNameFor.get(first.replace(/~1/g, '/').replace(/~0/g, '~')) ?? first;
    mappedPositions.set(['', name, ...rest].join('/'), position);
  }
  return { fields, positions: mappedPositions };
}

function typeFromPath(relPath: string, config: VigilConfig): string | null {
  for (const { pattern, type } of config.types) if (picomatch.isMatch(relPath, pattern, { dot: true })) return type;
  return null;
}

const asText = (value: unknown): string | null =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;

function finish(
  location: DocumentLocation,
  fields: Record<string, unknown> | null,
  positions: Map<string, FieldPosition>,
  syntaxProblems: VigilDocument['syntaxProblems'],
  bodyStartLine: number,
  body: BodyScan,
  config: VigilConfig,
  today: IsoDate,
): VigilDocument {
  const f = fields ?? {};
  const pathType = typeFromPath(location.relPath, config);
  if (fields && f.type === undefined && pathType) fields.type = pathType;
  const type = asText(f.type);
  const lifecycle = f.status === 'draft' || f.status === 'retired' ? f.status : 'active';
  const lastReviewed = parseIsoDate(f.last_reviewed);
  const reviewCycle = parseCycle(f.review_cycle);
  const expires = parseIsoDate(f.expires);
  const lastExercised = parseIsoDate(f.last_exercised);
  const exerciseCycle = parseCycle(f.exercise_cycle);
  const state = reviewState({ status: lifecycle, lastReviewed, cycle: reviewCycle, expires }, today, config.warningWindowDays);
  const slug = location.relPath.replace(/\.mdx?$/i, '').replace(/(^|\/)index$/i, '').toLowerCase();

  const record: DocumentRecord = {
    path: location.path,
    relPath: location.relPath,
    slug,
    id: asText(f.id),
    type,
    title: asText(f.title)?.trim() || path.basename(location.relPath).replace(/\.mdx?$/i, ''),
    owner: asText(f.owner),
    version: asText(f.version),
    effective: parseIsoDate(f.effective),
    lifecycle,
    last_reviewed: lastReviewed,
    review_cycle: asText(f.review_cycle),
    next_review: state.nextReview,
    expires,
    status: state.status,
    controls: Array.isArray(f.controls) ? f.controls.filter((c): c is string => typeof c === 'string') : [],
    escalation: readEscalation(f.escalation),
    status_pages: readStatusPages(f.status_pages),
    last_exercised: lastExercised,
    exercise_cycle: asText(f.exercise_cycle),
    next_exercise: lastExercised && exerciseCycle ? addCycle(lastExercised, exerciseCycle) : null,
  };
  return {
    ...location,
    fields,
    positions,
    syntaxProblems,
    type,
    bodyStartLine,
    body,
    lifecycle,
    lastReviewed,
    reviewCycle,
    expires,
    lastExercised,
    exerciseCycle,
    record,
  };
}

function readEscalation(value: unknown): EscalationContact[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((entry): entry is Record<string, unknown> => typeof entry === 'object' && entry !== null)
    .map((entry) => ({
      role: asText(entry.role) ?? '',
      name: asText(entry.name),
      contact: asText(entry.contact),
      after: asText(entry.after),
    }));
}

function readStatusPages(value: unknown): StatusPage[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((entry): entry is Record<string, unknown> => typeof entry === 'object' && entry !== null)
    .map((entry) => ({ name: asText(entry.name) ?? '', url: asText(entry.url) ?? '' }));
}

/** The name a team's documents use for one of Vigil's fields, e.g. `last_reviewed_on`. */
export function fieldLabel(config: VigilConfig, field: string): string {
  return config.fields[field as FieldName] ?? field;
}
