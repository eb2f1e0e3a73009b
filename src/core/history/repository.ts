// Which Git repository holds a folder, and whether its history is whole.
import { gitText } from './git.js';

export interface Repository {
  /** Absolute path of the work tree's top folder, as Git gives it (symbolic links resolved). */
  root: string;
  /** A shallow clone (CI's default `fetch-depth: 1`) has no history to judge by. */
  shallow: boolean;
}

export type RepositoryLookup = { ok: true; repository: Repository } | { ok: false; message: string };

export function openRepository(folder: string): RepositoryLookup {
  const answer = gitText(folder, ['rev-parse', '--show-toplevel', '--is-shallow-repository']);
  if (!answer.ok) {
    const message = /not a git repository/i.test(answer.message) ? `${folder} is not in a Git repository` : answer.message;
    return { ok: false, message };
  }
  const [root = '', shallow = ''] = answer.text.split('\n');
  if (root === '') return { ok: false, message: `${folder} is not in a Git work tree` };
  return { ok: true, repository: { root, shallow: shallow.trim() === 'true' } };
}

/** The advice a shallow clone gets, once per run. */
export const SHALLOW_CLONE_FIX =
  'fetch the whole history: in GitHub Actions give actions/checkout `fetch-depth: 0`; elsewhere run `git fetch --unshallow`';
