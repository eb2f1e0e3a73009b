// What changed, and when: commits with the files each one touched (renames kept as renames),
// and the files a range of commits (a pull request) touched. Read from `git log`/`git diff`
// with --raw -z, so any file name survives and each change carries its blob ids.
import { isIsoDateShape, type IsoDate } from '../dates.js';
import { runGit } from './git.js';

export interface FileChange {
  /** A, M, D, R (renamed), C (copied), T (type changed). */
  status: string;
  /** Path after the change, relative to the repository root (forward slashes). */
  path: string;
  /** Path before a rename or copy. */
  from: string | null;
  /** Blob ids before and after ("0000…" for none). */
  oldBlob: string;
  newBlob: string;
}

export interface Commit {
  hash: string;
  /** Committer date as a UTC day. */
  date: IsoDate;
  subject: string;
  files: FileChange[];
}

const HEADER = '\x1e';
const FIELD = '\x1f';
const FORMAT = `--format=${HEADER}%H${FIELD}%ct${FIELD}%s`;
// Merges are shown against their first parent, dated when they landed: a branch's change counts
// from the day it reached this line of history, not the day it was first committed elsewhere.
const LOG_OPTIONS = ['--first-parent', '-m', '--raw', '-z', '--no-abbrev', '-M', '--no-ext-diff', '--no-textconv'];

/** UTC day of a Unix time in seconds. */
export function utcDay(seconds: number): IsoDate {
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}

/**
 * Parses `--raw -z` output, with or without commit headers. Tokens are NUL-separated: a header
 * (`\x1e` hash, time, subject), a raw line (`:modes blobs status`), then one path, or two for
 * a rename or copy.
 */
export function parseRaw(output: string): { commits: Commit[]; files: FileChange[] } {
  const commits: Commit[] = [];
  const loose: FileChange[] = [];
  const tokens = output.split('\0');
  let current: Commit | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i].replace(/^\n+/, '');
    if (token.startsWith(HEADER)) {
      const [hash = '', time = '0', subject = ''] = token.slice(1).split(FIELD);
      current = { hash, date: utcDay(Number(time)), subject, files: [] };
      commits.push(current);
    } else if (token.startsWith(':')) {
      const [, , oldBlob = '', newBlob = '', status = ''] = token.slice(1).split(' ');
      const kind = status.charAt(0);
      const first = tokens[++i] ?? '';
      const second = kind === 'R' || kind === 'C' ? (tokens[++i] ?? '') : null;
      const change: FileChange = second === null
        ? { status: kind, path: first, from: null, oldBlob, newBlob }
        : { status: kind, path: second, from: first, oldBlob, newBlob };
      (current ? current.files : loose).push(change);
    }
  }
  return { commits, files: loose };
}

/**
 * Commits on HEAD's first-parent line committed on or after `sinceDay` (UTC), newest first.
 * `paths` (relative to the root) limit which files are listed; none means every file.
 */
export function commitsSince(root: string, sinceDay: IsoDate, paths: string[] = []): { ok: true; commits: Commit[] } | { ok: false; message: string } {
  if (!isIsoDateShape(sinceDay)) return { ok: false, message: `not a date: ${sinceDay}` };
  const args = ['log', ...LOG_OPTIONS, FORMAT, `--since=${sinceDay}T00:00:00Z`];
  const result = runGit(root, [...args, '--', ...pathspecs(paths)]);
  if (!result.ok) return emptyHistory(result.message);
  return { ok: true, commits: parseRaw(result.stdout.toString('utf8')).commits };
}

/** Every commit on HEAD's first-parent line that touched `paths`, newest first. */
export function commitsTouching(root: string, paths: string[]): { ok: true; commits: Commit[] } | { ok: false; message: string } {
  const result = runGit(root, ['log', ...LOG_OPTIONS, FORMAT, '--', ...pathspecs(paths)]);
  if (!result.ok) return emptyHistory(result.message);
  return { ok: true, commits: parseRaw(result.stdout.toString('utf8')).commits };
}

// A repository with no commit yet has no history: that is an empty answer, not a failure.
function emptyHistory(message: string): { ok: true; commits: Commit[] } | { ok: false; message: string } {
  return /does not have any commits|bad default revision|unknown revision or path not in the working tree.*HEAD/i.test(message)
    ? { ok: true, commits: [] }
    : { ok: false, message };
}

// Literal paths: a folder name with glob characters must not be read as a pattern.
function pathspecs(paths: string[]): string[] {
  return paths.map((p) => `:(literal)${p}`);
}

export type RangeChanges = { ok: true; base: string; files: FileChange[] } | { ok: false; message: string };

/**
 * Files changed between the merge base of `ref` and HEAD: what a pull request against `ref`
 * changes (`git diff ref...HEAD`), whatever happened on `ref` since the branch left it.
 */
export function changesSince(root: string, ref: string, fix: string): RangeChanges {
  // A ref that starts with "-" would be read as an option.
  if (ref.trim() === '' || ref.startsWith('-')) return { ok: false, message: `"${ref}" is not a Git ref` };
  const resolved = runGit(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
  if (!resolved.ok) return { ok: false, message: `${ref} is not a commit in this repository (is the base branch fetched? ${fix})` };
  const base = runGit(root, ['merge-base', 'HEAD', resolved.stdout.toString('utf8').trim()]);
  if (!base.ok) return { ok: false, message: `${ref} and HEAD have no common commit in this clone (${fix})` };
  const baseHash = base.stdout.toString('utf8').trim();
  const diff = runGit(root, ['diff', '--raw', '-z', '--no-abbrev', '-M', '--no-ext-diff', '--no-textconv', baseHash, 'HEAD', '--']);
  if (!diff.ok) return { ok: false, message: diff.message };
  return { ok: true, base: baseHash, files: parseRaw(diff.stdout.toString('utf8')).files };
}
