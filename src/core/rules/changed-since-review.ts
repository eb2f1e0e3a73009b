import picomatch from 'picomatch';
import type { Commit, FileChange } from '../history/log.js';
import type { Finding, Rule } from '../types.js';
import { fieldPosition } from './position.js';

// A message names this many files, then says how many more.
const FILES_NAMED = 5;

export const rule: Rule = {
  id: 'changed-since-review',
  defaultSeverity: 'warn',
  description: 'Files a document covers changed in Git after its last review, or in a pull request that leaves the document alone.',
  tags: ['review'],
  scope: 'set',
  checkSet(docs, { history, today, label }) {
    if (!history) return [];
    const covering = docs.filter((doc) => doc.record.covers.length > 0).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    if (covering.length === 0) return [];
    // Said once, on the first document that covers files: the same for every one of them.
    if (history.problem) return [{ path: covering[0].path, ...fieldPosition(covering[0], '/covers', 'key'), message: history.problem }];

    const tracked = history.tracked ? [...history.tracked] : null;
    const findings: Finding[] = [];
    for (const doc of covering) {
      const own = history.repoPaths.get(doc.path) ?? null;
      // `!glob` entries take files back out, as in .gitignore: `src/**` then `!src/**/*.test.ts`.
      const patterns = doc.record.covers.map((glob) => (isExclusion(glob) ? () => false : coverMatcher(glob)));
      const excluded = doc.record.covers.filter(isExclusion).map((glob) => coverMatcher(glob.trim().slice(1)));
      const covered = (file: string | null): boolean =>
        file !== null && file !== own && patterns.some((matches) => matches(file)) && !excluded.some((matches) => matches(file));
      const coveredChange = (change: FileChange): boolean => covered(change.path) || covered(change.from);
      const name = doc.record.id ?? doc.path;

      if (history.range) {
        const changed = history.range.files.filter(coveredChange);
        const touched = history.range.files.some((change) => change.path === own || change.from === own);
        if (changed.length > 0 && !touched) {
          // At the first `covers` entry that the pull request's changes match.
          const entry = patterns.findIndex((matches) => changed.some((change) => matches(change.path) || (change.from !== null && matches(change.from))));
          findings.push({
            path: doc.path,
            ...fieldPosition(doc, `/covers/${Math.max(entry, 0)}`),
            message: `covers ${fileList(changed)}, changed in this pull request: review ${name} and update ${label('last_reviewed')}, or say in the pull request why it needs no change`,
          });
          // The pull request's finding says it more precisely than the history would.
          continue;
        }
      }

      const reviewed = doc.lastReviewed;
      if (reviewed !== null) {
        // Commits after the review day and not after the day judged for (`--now` looks back in time).
        const after = history.commits.filter((commit) => commit.date > reviewed && commit.date <= today);
        const changed = new Map<string, FileChange>();
        let newest: Commit | null = null;
        for (const commit of after) {
          const hits = commit.files.filter(coveredChange);
          if (hits.length === 0) continue;
          if (!newest || commit.date > newest.date) newest = commit;
          for (const change of hits) if (!changed.has(change.path)) changed.set(change.path, change);
        }
        if (newest) {
          findings.push({
            path: doc.path,
            ...fieldPosition(doc, '/covers', 'key'),
            message:
              `covers ${fileList([...changed.values()])}, changed after the last review (${reviewed}); newest: ${newest.hash.slice(0, 7)} on ${newest.date} ` +
              `"${clip(newest.subject)}": review the document and update ${label('last_reviewed')}`,
          });
        }
      }

      if (tracked) {
        doc.record.covers.forEach((glob, index) => {
          if (isExclusion(glob)) return;
          if (!tracked.some((file) => file !== own && patterns[index](file))) {
            findings.push({
              path: doc.path,
              ...fieldPosition(doc, `/covers/${index}`),
              message: `${label('covers')}[${index}] "${glob}" matches no file in the repository: correct the pattern (paths are relative to the repository root) or remove it`,
            });
          }
        });
      }
    }
    return findings;
  },
};

const isExclusion = (glob: string): boolean => glob.trim().startsWith('!');

/**
 * A `covers` entry as a matcher of paths relative to the repository root. A plain path also
 * matches what lies under it, so `src/payments` covers the folder as `src/payments/**` does.
 */
export function coverMatcher(glob: string): (file: string) => boolean {
  const pattern = glob.trim().replace(/^\.\//, '').replace(/^\/+/, '');
  const isGlob = picomatch.scan(pattern).isGlob;
  const folder = pattern.replace(/\/+$/, '');
  const patterns = isGlob ? [pattern.endsWith('/') ? `${pattern}**` : pattern] : [folder, `${folder}/**`];
  return picomatch(patterns, { dot: true });
}

function fileList(changes: FileChange[]): string {
  // The log lists only the covered folders, so a file moved out of them shows as deleted there.
  const describe = (change: FileChange): string =>
    change.from && change.status === 'R' ? `${change.from} (renamed to ${change.path})` : change.status === 'D' ? `${change.path} (deleted or moved)` : change.path;
  const named = changes.slice(0, FILES_NAMED).map(describe);
  const more = changes.length - named.length;
  return named.join(', ') + (more > 0 ? ` and ${more} more` : '');
}

function clip(subject: string): string {
  return subject.length > 72 ? `${subject.slice(0, 71)}…` : subject;
}

