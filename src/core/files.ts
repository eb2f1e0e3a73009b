// Finds the Markdown files to check. Symbolic links are followed only within the tree being
// checked, and each real folder is visited once, so link loops end.
import { readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { DocumentLocation } from './document.js';

const MARKDOWN = /\.(md|markdown|mdx)$/i;

export interface SkippedFile {
  path: string;
  message: string;
}

export interface FileSet {
  files: DocumentLocation[];
  skipped: SkippedFile[];
  /** Inputs that do not exist (a usage error for the CLI). */
  missing: string[];
}

const toPosix = (p: string): string => p.split(path.sep).join('/');

/**
 * Lists Markdown files under `inputs` (folders or files, relative to `cwd`). `contentRoots`
 * are the configured content folders: a file's relPath is taken under the root that holds it.
 */
export function collectFiles(cwd: string, inputs: string[], contentRoots: string[]): FileSet {
  const set: FileSet = { files: [], skipped: [], missing: [] };
  const seenFiles = new Set<string>();
  const roots = contentRoots.map((root) => path.resolve(cwd, root));
  const display = (file: string): string => toPosix(path.relative(cwd, file) || path.basename(file));
  const relPathOf = (file: string, base: string): string => {
    const root = roots.find((candidate) => file === candidate || file.startsWith(candidate + path.sep)) ?? base;
    return toPosix(path.relative(root, file));
  };
  const addFile = (file: string, base: string): void => {
    if (seenFiles.has(file)) return;
    seenFiles.add(file);
    set.files.push({ file, path: display(file), relPath: relPathOf(file, base) });
  };

  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    let stats;
    try {
      stats = statSync(absolute);
    } catch {
      set.missing.push(input);
      continue;
    }
    if (stats.isFile()) {
      addFile(absolute, path.dirname(absolute));
      continue;
    }
    walk(absolute, absolute, addFile, set, display);
  }
  set.files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return set;
}

function walk(
  top: string,
  base: string,
  addFile: (file: string, base: string) => void,
  set: FileSet,
  display: (file: string) => string,
): void {
  let realTop: string;
  try {
    realTop = realpathSync(top);
  } catch (error) {
    set.skipped.push({ path: display(top), message: `cannot read folder: ${(error as Error).message}` });
    return;
  }
  const inside = (real: string): boolean => real === realTop || real.startsWith(realTop + path.sep);
  const visited = new Set<string>([realTop]);
  const stack = [top];
  while (stack.length > 0) {
    const dir = stack.pop() as string;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      set.skipped.push({ path: display(dir), message: `cannot read folder: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` });
      continue;
    }
        const subfolders: string[] = [];
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = path.join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        let real: string;
        try {
          real = realpathSync(full);
          const stats = statSync(real);
          isDir = stats.isDirectory();
          isFile = stats.isFile();
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          const why = code === 'ELOOP' ? 'symbolic link loop' : code === 'ENOENT' ? 'symbolic link to nothing' : `unreadable link (${code})`;
          if (MARKDOWN.test(entry.name) || code === 'ELOOP') set.skipped.push({ path: display(full), message: `not checked: ${why}` });
          continue;
        }
        if (!inside(real)) {
          set.skipped.push({ path: display(full), message: `not checked: symbolic link points outside ${display(top)}/ (to ${real})` });
          continue;
        }
        if (isDir) {
          if (visited.has(real)) continue; // a loop back into the tree: its files are listed once
          visited.add(real);
        }
      } else if (isDir) {
        visited.add(path.join(realpathSync(dir), entry.name));
      }
      if (isDir) subfolders.push(full);
      else if (isFile && MARKDOWN.test(entry.name)) addFile(full, base);
    }
    stack.push(...subfolders);
  }
}
