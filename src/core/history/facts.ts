// Reads, once per check, what Git knows that the rules need: the commits since the earliest
// review among documents that `cover` files, the files tracked, a pull request's changes, and
// the day each document's content last changed (for the register).
import { realpathSync } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import type { VigilConfig } from '../config/types.js';
import { addDays, type IsoDate } from '../dates.js';
import { fieldLabel } from '../document.js';
import type { CheckedDocument } from '../types.js';
import { gitText } from './git.js';
import { lastContentChanges } from './contentChanged.js';
import { changesSince, commitsSince, type Commit, type FileChange } from './log.js';
import { openRepository, SHALLOW_CLONE_FIX } from './repository.js';

export interface HistoryFacts {
  /** Why the history cannot be judged (no repository, no git, a shallow clone): said once, not judged. */
  problem: string | null;
  /** Commits since the earliest `last_reviewed` of a document with `covers`, newest first. */
  commits: Commit[];
  /** Files in the work tree that Git tracks or would (not ignored), relative to the repository root; null when unknown. */
  tracked: Set<string> | null;
  /** Document path (as in diagnostics) → its path relative to the repository root. */
  repoPaths: Map<string, string>;
  /** What the pull request changes, when the check was given `changedSince`. */
  range: { ref: string; files: FileChange[] } | null;
}

/** `changedSince` names no usable range: a usage error for the CLI (exit 2), not a finding. */
export class ChangedSinceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChangedSinceError';
  }
}

export interface HistoryOptions {
  config: VigilConfig;
  /** Folders and files being checked (absolute), for the register's content dates. */
  inputs: string[];
  /** A Git ref: judge the changes between its merge base and HEAD (a pull request). */
  changedSince?: string;
  /** False when changed-since-review is off: only the content dates are read. */
  judgeCovers: boolean;
  /** Files' real paths, when the caller already knows them (the engine's file walk). */
  realPaths?: Map<string, string>;
}

export const NO_HISTORY: HistoryFacts = { problem: null, commits: [], tracked: null, repoPaths: new Map(), range: null };

/**
 * Reads the facts and writes each record's `content_changed`. Throws ChangedSinceError when
 * `changedSince` is given and names no range this clone can answer for.
 */
export function readHistory(docs: CheckedDocument[], options: HistoryOptions): HistoryFacts {
  const { config } = options;
  const covering = options.judgeCovers ? docs.filter((doc) => doc.record.covers.length > 0) : [];
  const lookup = openRepository(config.rootDir);
  if (!lookup.ok) {
    if (options.changedSince !== undefined && options.judgeCovers) throw new ChangedSinceError(`--changed-since ${options.changedSince}: ${lookup.message}`);
    return { ...NO_HISTORY, problem: covering.length > 0 ? `${lookup.message}: covered files cannot be checked for changes` : null };
  }
  const { root, shallow } = lookup.repository;
  const repoPaths = new Map<string, string>();
  for (const doc of docs) {
    const inRepo = repoRelative(root, doc.file, options.realPaths);
    if (inRepo !== null) repoPaths.set(doc.path, inRepo);
  }
  const facts: HistoryFacts = { ...NO_HISTORY, repoPaths };

  if (!shallow) stampContentChanged(docs, root, repoPaths, options);
  if (shallow) {
    // Neither review dates nor a pull request's range can be judged on part of the history.
    if (covering.length > 0) facts.problem = `this is a shallow clone of the repository, so changes to covered files cannot be dated: ${SHALLOW_CLONE_FIX}`;
    return facts;
  }
  // A ref is checked even when no document covers anything: a mistyped one must not pass silently.
  if (options.changedSince !== undefined && options.judgeCovers) {
    const range = changesSince(root, options.changedSince, SHALLOW_CLONE_FIX);
    if (!range.ok) throw new ChangedSinceError(`--changed-since ${options.changedSince}: ${range.message}`);
    facts.range = { ref: options.changedSince, files: range.files };
  }
  if (covering.length === 0) return facts;
  const reviewDays = covering.map((doc) => doc.lastReviewed).filter((day): day is IsoDate => day !== null).sort();
  if (reviewDays.length > 0) {
    // Only commits dated after a review matter, so the walk stops at the earliest review.
    const history = commitsSince(root, addDays(reviewDays[0], 1), coveredFolders(covering));
    if (history.ok) facts.commits = history.commits;
    else facts.problem = `git log failed (${history.message}): covered files cannot be checked for changes`;
  }
  // Files not yet committed count as existing: a document and the file it covers are often added together.
  const listed = gitText(root, ['ls-files', '-z', '--cached', '--others', '--exclude-standard']);
  if (listed.ok) facts.tracked = new Set(listed.text.split('\0').filter(Boolean));
  return facts;
}

function stampContentChanged(docs: CheckedDocument[], root: string, repoPaths: Map<string, string>, options: HistoryOptions): void {
  const scope = options.inputs.map((input) => repoRelative(root, input)).filter((p): p is string => p !== null);
  if (scope.length === 0) return;
  const reviewKeys = ['last_reviewed', 'reviewed_by', 'review_note'].map((field) => fieldLabel(options.config, field));
  const files = docs.map((doc) => repoPaths.get(doc.path)).filter((p): p is string => p !== undefined);
  // An input at the root itself is the whole repository: no pathspec limits the walk.
  const dates = lastContentChanges(root, files, scope.includes('') ? [] : scope, reviewKeys);
  for (const doc of docs) {
    const inRepo = repoPaths.get(doc.path);
    doc.record.content_changed = (inRepo !== undefined && dates.get(inRepo)) || null;
  }
}

/**
 * The folders the `covers` globs can reach (`src/payments/**` → `src/payments`), so a large
 * repository's log lists only those; none (the whole tree) when any glob starts with a pattern.
 */
function coveredFolders(covering: CheckedDocument[]): string[] {
  const folders = new Set<string>();
  for (const doc of covering) {
    for (const glob of doc.record.covers) {
      const pattern = glob.trim().replace(/^\.\//, '').replace(/^\/+/, '');
      if (pattern.startsWith('!')) continue;
      const { base, isGlob } = picomatch.scan(pattern);
      const folder = (isGlob ? base : pattern).replace(/\/+$/, '');
      if (folder === '' || folder.startsWith('..')) return [];
      folders.add(folder);
    }
  }
  return [...folders];
}

/** `file` relative to the repository root with forward slashes, or null when outside it. */
function repoRelative(root: string, file: string, realPaths?: Map<string, string>): string | null {
  let real = realPaths?.get(file);
  if (real === undefined) {
    try {
      real = realpathSync.native(file);
    } catch {
      real = file; // a path that does not exist (yet) is taken as written
    }
  }
  // Below the root, as nearly every document is: the rest of its path, without path.relative's work.
  const prefix = root.endsWith(path.sep) ? root : `${root}${path.sep}`;
  if (real.startsWith(prefix) && !real.includes(`${path.sep}..`)) {
    const rest = real.slice(prefix.length);
    return path.sep === '/' ? rest : rest.split(path.sep).join('/');
  }
  const relative = path.relative(root, real);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return relative.split(path.sep).join('/');
}
