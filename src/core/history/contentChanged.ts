// The day each document's content last changed in Git, leaving out commits that only renewed
// its review record: an auditor can then tell a review that followed a change from one that
// changed nothing. A commit "only renews the review" when the file before and after it is the
// same once the review fields are taken out of the frontmatter.
import type { IsoDate } from '../dates.js';
import { runGit } from './git.js';
import { commitsTouching, type Commit } from './log.js';

interface Target {
  /** Path at HEAD, relative to the repository root. */
  path: string;
  /** Changes to this file (under each name it had), newest first. */
  chain: Array<{ date: IsoDate; oldBlob: string; newBlob: string }>;
  next: number;
  changed: IsoDate | null;
  done: boolean;
}

const NO_BLOB = /^0+$/;
// Blobs are fetched for this many files at a time, so memory stays bounded in large sets.
const BLOBS_PER_CALL = 400;

/**
 * For each of `files` (paths relative to `root`), the UTC day of the newest commit that changed
 * more than its `reviewKeys` (the team's names for last_reviewed, reviewed_by, review_note).
 * `scope` (folders relative to the root) limits the history read. Files Git has no history
 * for are left out.
 */
export function lastContentChanges(root: string, files: string[], scope: string[], reviewKeys: string[]): Map<string, IsoDate> {
  const found = new Map<string, IsoDate>();
  if (files.length === 0) return found;
  const history = commitsTouching(root, scope);
  if (!history.ok) return found;
  const targets = chains(history.commits, files);

  let pending = targets.filter((target) => !target.done);
  while (pending.length > 0) {
    for (let start = 0; start < pending.length; start += BLOBS_PER_CALL) {
      const batch = pending.slice(start, start + BLOBS_PER_CALL);
      const wanted = batch.flatMap((target) => {
        const entry = target.chain[target.next];
        return [entry.oldBlob, entry.newBlob];
      });
      const blobs = readBlobs(root, wanted);
      for (const target of batch) {
        const entry = target.chain[target.next];
        const before = blobs.get(entry.oldBlob);
        const after = blobs.get(entry.newBlob);
        // A blob Git cannot give (a partial clone) is taken as a change rather than guessed past.
        if (before === undefined || after === undefined || withoutReviewRecord(before, reviewKeys) !== withoutReviewRecord(after, reviewKeys)) {
          settle(target, entry.date);
        } else if (++target.next >= target.chain.length) {
          settle(target, null);
        } else {
          settleIfCreation(target);
        }
      }
    }
    pending = pending.filter((target) => !target.done);
  }
  for (const target of targets) if (target.changed) found.set(target.path, target.changed);
  return found;
}

function settle(target: Target, day: IsoDate | null): void {
  target.changed = day;
  target.done = true;
}

// The commit that added the file changed its content by definition: no blobs needed.
function settleIfCreation(target: Target): void {
  const entry = target.chain[target.next];
  if (entry && NO_BLOB.test(entry.oldBlob)) settle(target, entry.date);
  else if (entry && entry.oldBlob === entry.newBlob) {
    // A pure rename or mode change: nothing in the text changed, look further back.
    target.next++;
    if (target.next >= target.chain.length) settle(target, null);
    else settleIfCreation(target);
  }
}

/** Follows each file back through its renames, collecting the commits that changed it. */
function chains(commits: Commit[], files: string[]): Target[] {
  const targets = files.map((file): Target => ({ path: file, chain: [], next: 0, changed: null, done: false }));
  const byName = new Map(targets.map((target) => [target.path, target]));
  for (const commit of commits) {
    for (const change of commit.files) {
      const target = byName.get(change.path);
      if (!target || change.status === 'D') continue;
      target.chain.push({ date: commit.date, oldBlob: change.oldBlob, newBlob: change.newBlob });
      if (change.status === 'R' && change.from) {
        byName.delete(change.path);
        byName.set(change.from, target);
      } else if (change.status === 'A' || change.status === 'C') {
        byName.delete(change.path);
      }
    }
  }
  for (const target of targets) {
    if (target.chain.length === 0) target.done = true;
    else settleIfCreation(target);
  }
  return targets;
}

/** Blob id → text, from one `git cat-file --batch`. */
function readBlobs(root: string, ids: string[]): Map<string, string> {
  const blobs = new Map<string, string>();
  const unique = [...new Set(ids.filter((id) => !NO_BLOB.test(id)))];
  for (const id of ids) if (NO_BLOB.test(id)) blobs.set(id, '');
  if (unique.length === 0) return blobs;
  const result = runGit(root, ['cat-file', '--batch'], `${unique.join('\n')}\n`);
  if (!result.ok) return blobs;
  const out = result.stdout;
  let offset = 0;
  while (offset < out.length) {
    const lineEnd = out.indexOf(10, offset);
    if (lineEnd === -1) break;
    const [id = '', kind = '', size = ''] = out.subarray(offset, lineEnd).toString('utf8').split(' ');
    offset = lineEnd + 1;
    if (kind === 'missing' || size === '') continue;
    const length = Number(size);
    blobs.set(id, out.subarray(offset, offset + length).toString('utf8'));
    offset += length + 1; // the content, then a newline
  }
  return blobs;
}

const TOP_LEVEL_KEY = /^(?:"([^"]*)"|'([^']*)'|([^\s#:'"-][^:]*?))\s*:(?:\s|$)/;

/**
 * The text with the review fields (and their indented continuation lines) taken out of the
 * frontmatter. Line-based on purpose: it must treat two versions of the same file alike, not
 * understand every YAML, and a line it does not recognise simply stays in.
 */
export function withoutReviewRecord(text: string, reviewKeys: string[]): string {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trim() !== '---') return text;
  const kept: string[] = [lines[0]];
  let skipping = false;
  let i = 1;
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '---' || line.trim() === '...') break;
    const key = TOP_LEVEL_KEY.exec(line);
    if (key) skipping = reviewKeys.includes(key[1] ?? key[2] ?? key[3] ?? '');
    else if (!/^[\s-]/.test(line) && line.trim() !== '') skipping = false;
    if (!skipping) kept.push(line);
  }
  return [...kept, ...lines.slice(i)].join('\n');
}
