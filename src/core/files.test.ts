// The file walk names each document by its path from the working directory and under its
// content folder, however the folders above are named.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectFiles } from './files.js';

let top: string;

beforeAll(() => {
  // A dot folder above the repository (`~/.work/…`) and dot folders inside it.
  top = mkdtempSync(path.join(os.tmpdir(), 'vigil-files-'));
  const repo = path.join(top, '.work', 'repo');
  for (const folder of ['content/runbooks', 'content/.drafts', 'content/.well/known', 'elsewhere']) mkdirSync(path.join(repo, folder), { recursive: true });
  writeFileSync(path.join(repo, 'content/runbooks/db.md'), '# DB\n');
  writeFileSync(path.join(repo, 'content/top.md'), '# Top\n');
  writeFileSync(path.join(repo, 'content/.drafts/hidden.md'), '# Hidden\n');
  writeFileSync(path.join(repo, 'elsewhere/linked.md'), '# Linked\n');
  symlinkSync(path.join(repo, 'content/runbooks'), path.join(repo, 'content/alias'));
});

afterAll(() => rmSync(top, { recursive: true, force: true }));

describe('collectFiles', () => {
  it('gives paths from the working directory and under the content folder below a dot folder', () => {
    const cwd = path.join(top, '.work', 'repo');
    const set = collectFiles(cwd, ['content'], ['content']);
    expect(set.files.map((file) => [file.path, file.relPath])).toEqual([
      ['content/runbooks/db.md', 'runbooks/db.md'],
      ['content/top.md', 'top.md'],
    ]);
    expect(set.files.map((file) => file.file)).toEqual([path.join(cwd, 'content/runbooks/db.md'), path.join(cwd, 'content/top.md')]);
    // The link into the tree lists nothing twice; each listed file's real path is the walk's.
    expect(set.realPaths.get(path.join(cwd, 'content/top.md'))).toBe(path.join(cwd, 'content/top.md'));
  });

  it('takes a working directory above the repository, and one inside the content folder', () => {
    const fromTop = collectFiles(top, ['.work/repo/content'], ['.work/repo/content']);
    expect(fromTop.files.map((file) => [file.path, file.relPath])).toEqual([
      ['.work/repo/content/runbooks/db.md', 'runbooks/db.md'],
      ['.work/repo/content/top.md', 'top.md'],
    ]);
    const inside = path.join(top, '.work', 'repo', 'content', 'runbooks');
    const fromInside = collectFiles(inside, ['..'], ['..']);
    expect(fromInside.files.map((file) => [file.path, file.relPath])).toEqual([
      ['../top.md', 'top.md'],
      ['db.md', 'runbooks/db.md'],
    ]);
  });

  it('names the real path of a file reached through a folder link', () => {
    const cwd = path.join(top, '.work', 'repo');
    const set = collectFiles(cwd, ['content/alias'], ['content']);
    expect(set.files.map((file) => file.path)).toEqual(['content/alias/db.md']);
    expect(set.realPaths.get(path.join(cwd, 'content/alias/db.md'))).toBe(path.join(cwd, 'content/runbooks/db.md'));
  });
});
