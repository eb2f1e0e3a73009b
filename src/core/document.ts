// Builds a VigilDocument from a file's bytes: decode, frontmatter, field mapping, body scan, review state.
import path from 'node:path';
import picomatch from 'picomatch';
import { JUDGED_FIELDS, PRESETS, stripPageExtension, type AnchorStyle } from './config/presets.js';
import { FIELD_NAMES, type FieldName, type VigilConfig } from './config/types.js';
import { addCycle, parseCycle, parseIsoDate, reviewState, type IsoDate } from './dates.js';
import { scanBody, type BodyScan } from './parse/body.js';
import { readFrontmatter, yamlPositions, type FieldPosition, type SyntaxProblem } from './parse/frontmatter.js';
import { decodeSource, type DecodedSource } from './parse/source.js';
import type { CheckedDocument, DocumentRecord, EscalationContact, StatusPage, VigilDocument } from './types.js';
import { unescapePointerSegment } from './pointer.js';

const EMPTY_BODY: BodyScan = { headings: [], links: [], tables: [] };

export interface DocumentLocation {
  file: string;
  /** As shown in diagnostics (relative to the working directory). */
  path: string;
  /** Under its content folder, forward slashes. */
  relPath: string;
}

export interface ParseOptions {
  /** Scan the body for headings, links and tables (default). Off when only the frontmatter matters (`vigil new`'s id scan). */
  body?: boolean;
}

/**
 * A document read up to its body: decoded, frontmatter read and fields mapped. The engine scans
 * the body elsewhere (in a worker thread, for a large set) and then completes the document.
 */
export interface DocumentDraft {
  location: DocumentLocation;
  fields: Record<string, unknown> | null;
  shadowed: string[];
  problems: SyntaxProblem[];
  /** The Markdown after the frontmatter ('' when the file could not be decoded). */
  body: string;
  bodyStartLine: number;
  yamlText: string | null;
}

export function parseDocument(location: DocumentLocation, bytes: Uint8Array, config: VigilConfig, today: IsoDate, options: ParseOptions = {}): VigilDocument {
  const draft = draftDocument(location, bytes, config);
  // A body is worth scanning even when the frontmatter is broken: links and headings still count.
  const body = options.body === false ? EMPTY_BODY : scanBody(draft.body, draft.bodyStartLine, anchorStyleOf(config));
  return completeDocument(draft, body, config, today);
}

/** `source`: the file's bytes, or its text as decodedText accepted it. */
export function draftDocument(location: DocumentLocation, source: Uint8Array | DecodedSource, config: VigilConfig): DocumentDraft {
  const decoded = source instanceof Uint8Array ? decodeSource(source) : source;
  if (!decoded.ok) return { location, fields: null, shadowed: [], problems: [decoded.problem], body: '', bodyStartLine: 1, yamlText: null };
  const frontmatter = readFrontmatter(decoded.text, { positions: false });
  const { fields, shadowed } = mapFields(frontmatter.data, config);
  return {
    location,
    fields,
    shadowed,
    problems: frontmatter.problems,
    body: frontmatter.body,
    bodyStartLine: frontmatter.bodyStartLine,
    yamlText: frontmatter.yamlText ?? null,
  };
}

/** How the config's site computes heading anchors: what every body scan must slug by. */
export function anchorStyleOf(config: VigilConfig): AnchorStyle {
  return config.preset ? PRESETS[config.preset].anchors : 'github';
}

/** The document, once its body has been scanned. */
export function completeDocument(draft: DocumentDraft, body: BodyScan, config: VigilConfig, today: IsoDate): VigilDocument {
  const doc = finish(draft.location, draft.fields, draft.problems, draft.bodyStartLine, body, config, today);
  doc.yamlText = draft.yamlText;
  if (draft.shadowed.length > 0) doc.shadowedFields = draft.shadowed;
  return doc;
}

/**
 * Where every key and value of the frontmatter sits, as written in the file (a team's field names).
 * Found on first use, since most documents have no finding and never need them, and kept on the
 * document itself: whichever rules report, per document or over the set, in a worker or on the
 * main thread (the positions travel with the document), its YAML is parsed for positions once.
 */
export function rawFieldPositions(doc: CheckedDocument): Map<string, FieldPosition> {
  doc.positions ??= doc.yamlText === null ? new Map() : yamlPositions(doc.yamlText);
  return doc.positions;
}

// Keyed by the raw positions: a document and its checked copy share them, and so this.
const renamedPositions = new WeakMap<Map<string, FieldPosition>, Map<string, FieldPosition>>();

/** JSON Pointer with Vigil's field names → where that key and value sit in the file. */
export function fieldPositions(doc: CheckedDocument): Map<string, FieldPosition> {
  const raw = rawFieldPositions(doc);
  if (Object.keys(doc.renamedFields).length === 0) return raw;
  let positions = renamedPositions.get(raw);
  if (!positions) {
    positions = renamePointers(raw, doc.renamedFields);
    renamedPositions.set(raw, positions);
  }
  return positions;
}

function renamePointers(positions: Map<string, FieldPosition>, renamed: Record<string, string>): Map<string, FieldPosition> {
  const mapped = new Map<string, FieldPosition>();
  const vigilNames = new Set(Object.values(renamed));
  for (const [pointer, position] of positions) {
    const [, first, ...rest] = pointer.split('/');
    const key = unescapePointerSegment(first);
    if (vigilNames.has(key) && !Object.prototype.hasOwnProperty.call(renamed, key)) continue; // shadowed: not read
    const name = Object.prototype.hasOwnProperty.call(renamed, key) ? renamed[key] : first;
    mapped.set(['', name, ...rest].join('/'), position);
  }
  return mapped;
}

const renamedByConfig = new WeakMap<VigilConfig, Record<string, string>>();

/** Team name → Vigil name, worked out once per config rather than for every document. */
function renamedFieldsFor(config: VigilConfig): Record<string, string> {
  let renamed = renamedByConfig.get(config);
  if (!renamed) {
    renamed = {};
    for (const [vigil, team] of Object.entries(config.fields)) if (team) renamed[team] = vigil;
    renamedByConfig.set(config, renamed);
  }
  return renamed;
}

/**
 * Renames a team's field names to Vigil's, so every rule reads one vocabulary. A key that uses
 * Vigil's name for a field the team renamed is left out (it would clash with the team's key)
 * and returned as shadowed, for the schema rule to report.
 */
function mapFields(data: Record<string, unknown> | null, config: VigilConfig): { fields: Record<string, unknown> | null; shadowed: string[] } {
  const renamed = renamedFieldsFor(config);
  const shadowed: string[] = [];
  const generatorKeys = generatorKeysFor(config);
  if (!data || (Object.keys(renamed).length === 0 && generatorKeys.size === 0)) return { fields: data, shadowed };
  const vigilNames = new Set(Object.values(renamed));
  const fields: Record<string, unknown> = {};
  for (const key of Object.keys(data)) {
    const isRenamed = Object.prototype.hasOwnProperty.call(renamed, key);
    if (!isRenamed && generatorKeys.has(key)) continue; // the site generator's own key: not Vigil's to judge
    if (!isRenamed && vigilNames.has(key)) {
      shadowed.push(key);
      continue;
    }
    const name = isRenamed ? renamed[key] : key;
    Object.defineProperty(fields, name, { value: data[key], enumerable: true, writable: true, configurable: true });
  }
  return { fields, shadowed };
}

const generatorKeysByConfig = new WeakMap<VigilConfig, Set<string>>();

/** The preset's generator keys, unless the team's config gives one of them a Vigil meaning; worked out once per config. */
function generatorKeysFor(config: VigilConfig): Set<string> {
  let keys = generatorKeysByConfig.get(config);
  if (!keys) {
    const claimed = new Set<string>([...FIELD_NAMES, ...Object.values(config.fields).filter((name): name is string => Boolean(name))]);
    keys = new Set((config.preset ? PRESETS[config.preset].generatorKeys : []).filter((key) => !claimed.has(key)));
    generatorKeysByConfig.set(config, keys);
  }
  return keys;
}

/**
 * On a generator's site, a page that carries none of Vigil's fields (a splash page, a guide)
 * is published but not judged, wherever it sits (a type by path alone does not make it a document).
 * Without a preset every file under the content folders is a document.
 */
function isJudged(fields: Record<string, unknown> | null, config: VigilConfig): boolean {
  if (!config.preset || fields === null) return true;
  return JUDGED_FIELDS.some((name) => fields[name] !== undefined);
}

const typeMatchers = new WeakMap<VigilConfig, Array<{ matches: (relPath: string) => boolean; type: string }>>();

/** The config's `types` by path, first match wins; each glob compiled once per config, not per document. */
function typeFromPath(relPath: string, config: VigilConfig): string | null {
  let matchers = typeMatchers.get(config);
  if (!matchers) {
    matchers = config.types.map(({ pattern, type }) => ({ matches: picomatch(pattern, { dot: true }), type }));
    typeMatchers.set(config, matchers);
  }
  return matchers.find((matcher) => matcher.matches(relPath))?.type ?? null;
}

const asText = (value: unknown): string | null =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;

function finish(
  location: DocumentLocation,
  fields: Record<string, unknown> | null,
  syntaxProblems: VigilDocument['syntaxProblems'],
  bodyStartLine: number,
  body: BodyScan,
  config: VigilConfig,
  today: IsoDate,
): VigilDocument {
  const f = fields ?? {};
  const judged = isJudged(fields, config);
  const pathType = typeFromPath(location.relPath, config);
  if (fields && judged && f.owner === undefined && config.defaults.owner !== null) fields.owner = config.defaults.owner;
  if (fields && f.type === undefined && pathType) fields.type = pathType;
  const type = asText(f.type);
  const lifecycle = f.status === 'draft' || f.status === 'retired' ? f.status : 'active';
  const lastReviewed = parseIsoDate(f.last_reviewed);
  const reviewCycle = parseCycle(f.review_cycle);
  const expires = parseIsoDate(f.expires);
  const lastExercised = parseIsoDate(f.last_exercised);
  const exerciseCycle = parseCycle(f.exercise_cycle);
  const state = reviewState({ status: lifecycle, lastReviewed, cycle: reviewCycle, expires }, today, config.warningWindowDays);
  const slug = stripPageExtension(location.relPath).replace(/(^|\/)index$/i, '').toLowerCase();

  const record: DocumentRecord = {
    path: location.path,
    relPath: location.relPath,
    slug,
    id: asText(f.id),
    type,
    // Without a title, the page's own `# Heading` names it (as the site shows it), else its file.
    title: asText(f.title)?.trim() || (body.headings[0]?.level === 1 ? body.headings[0].text.trim() : '') || stripPageExtension(path.basename(location.relPath)),
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
    covers: textList(f.covers),
    alerts: textList(f.alerts),
    reviewed_by: readReviewer(f.reviewed_by),
    content_changed: null, // from Git, filled in by the engine for the whole set
  };
  return {
    // Named one by one, not spread: an object literal of fixed shape is much cheaper to build.
    file: location.file,
    path: location.path,
    relPath: location.relPath,
    judged,
    fields,
    yamlText: null,
    renamedFields: renamedFieldsFor(config),
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

const textList = (value: unknown): string[] =>
  (typeof value === 'string' ? [value] : Array.isArray(value) ? value : []).filter((item): item is string => typeof item === 'string' && item.trim() !== '');

/** `reviewed_by: Jo Bloggs`, or a mapping with a name, whichever `vigil review --by` writes. */
function readReviewer(value: unknown): string | null {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return asText((value as Record<string, unknown>).name);
  return asText(value)?.trim() || null;
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
