// Finds the Markdown files to check. Symbolic links are followed only within the tree being
// checked, and each real folder is visited once, so link loops end.
import { readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import type { DocumentLocation } from './document.js';

const MARKDOWN = /\.(md|markdown|mdx)$/i;
// tech-docs pages with embedded Ruby: `page.html.md.erb`.
const MARKDOWN_ERB = /\.(md|markdown)\.erb$/i;

/** Which files under the inputs are documents (config `include`, `exclude`, `preset`; `--ignore-pattern`). */
export interface FileFilter {
  include?: string[];
  exclude?: string[];
  /** Also read `.md.erb` pages (the tech-docs preset). */
  erb?: boolean;
}

export interface SkippedFile {
  path: string;
  message: string;
}

export interface FileSet {
  files: DocumentLocation[];
  skipped: SkippedFile[];
  /** Inputs that do not exist (a usage error for the CLI). */
  missing: string[];
  /** A listed file's real path, as the walk found it (so nobody asks the file system again). */
  realPaths: Map<string, string>;
}

const toPosix = path.sep === '/' ? (p: string): string => p : (p: string): string => p.split(path.sep).join('/');

/** path.relative, without its cost for the common case of a file under the folder (both absolute, normalised). */
function relativeTo(folder: string, file: string): string {
  const prefix = folder.endsWith(path.sep) ? folder : folder + path.sep;
  // Only the part below the folder is looked at for `.` segments: the folder itself may well be
  // under a dot folder (`/home/me/.work/docs`) and is normalised already.
  return file.startsWith(prefix) && file.indexOf(`${path.sep}.`, prefix.length - 1) === -1 ? file.slice(prefix.length) : path.relative(folder, file);
}

/** True when `folder` is a folder (following links); false when it is anything else or absent. */
export function isFolder(folder: string): boolean {
  try {
    return statSync(folder).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Lists Markdown files under `inputs` (folders or files, relative to `cwd`). `contentRoots`
 * are the configured content folders: a file's relPath is taken under the root that holds it.
 */
export function collectFiles(cwd: string, inputs: string[], contentRoots: string[], filter: FileFilter = {}): FileSet {
  const set: FileSet = { files: [], skipped: [], missing: [], realPaths: new Map() };
  const pageName = filter.erb ? (name: string) => MARKDOWN.test(name) || MARKDOWN_ERB.test(name) : (name: string) => MARKDOWN.test(name);
  // Globs are matched against the path under the content folder and the path from the working
  // directory, so `runbooks/**` and `content/runbooks/**` both work.
  const globOptions = { dot: true };
  const included = filter.include?.length ? picomatch(filter.include, globOptions) : null;
  const excluded = filter.exclude?.length ? picomatch(filter.exclude, globOptions) : null;
  const wanted = (file: string, base: string): boolean => {
    if (!excluded && !included) return true;
    const names = [relPathOf(file, base), display(file)];
    if (excluded && names.some((name) => excluded(name))) return false;
    return !included || names.some((name) => included(name));
  };
  const seenFiles = new Set<string>();
  const roots = contentRoots.map((root) => path.resolve(cwd, root));
  const display = (file: string): string => toPosix(relativeTo(cwd, file) || path.basename(file));
  const relPathOf = (file: string, base: string): string => {
    const root = roots.find((candidate) => file === candidate || file.startsWith(candidate + path.sep)) ?? base;
    return toPosix(relativeTo(root, file));
  };
  const addFile = (file: string, base: string, named = false): void => {
    if (seenFiles.has(file) || (!named && !wanted(file, base))) return;
    seenFiles.add(file);
    set.files.push({ file, path: display(file), relPath: relPathOf(file, base) });
  };

  for (const input of inputs) {
    const glob = picomatch.scan(input);
    if (glob.isGlob) {
      // A glob argument, as ESLint takes them: walk its fixed base, keep what the glob matches.
      const matches = picomatch(input, globOptions);
      const base = path.resolve(cwd, glob.base || '.');
      const before = set.files.length;
      const addMatch = (file: string, root: string): void => {
        if (matches(display(file)) || matches(toPosix(path.relative(base, file)))) addFile(file, root);
      };
      // A base that does not exist matches nothing.
      if (isFolder(base)) walk(base, base, addMatch, set, display, pageName);
      if (set.files.length === before) set.missing.push(input);
      continue;
    }
    const absolute = path.resolve(cwd, input);
    let stats;
    try {
      stats = statSync(absolute);
    } catch {
      set.missing.push(input);
      continue;
    }
    if (stats.isFile()) {
      addFile(absolute, path.dirname(absolute), true);
      continue;
    }
    walk(absolute, absolute, addFile, set, display, pageName);
  }
  set.files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return set;
}

/**
 * Walks real folders first and follows symbolic links only after them, so a link into the tree
 * never lists a file a second time (which would report the file's id as a duplicate of itself).
 * Every folder and file is known by its real path: links out of the tree are reported, not read,
 * and a folder already visited is not entered again, so link loops end.
 */
function walk(
  top: string,
  base: string,
  addFile: (file: string, base: string) => void,
  set: FileSet,
  display: (file: string) => string,
  isPage: (name: string) => boolean,
): void {
  let realTop: string;
  try {
    realTop = realpathSync(top);
  } catch (error) {
    set.skipped.push({ path: display(top), message: `cannot read folder: ${(error as Error).message}` });
    return;
  }
  const inside = (real: string): boolean => real === realTop || real.startsWith(realTop + path.sep);
  const visitedFolders = new Set<string>([realTop]);
  const listedFiles = new Set<string>();
  const folders: Array<{ dir: string; real: string }> = [{ dir: top, real: realTop }];
  const links: Array<{ full: string; name: string }> = [];
  const list = (full: string, real: string): void => {
    if (listedFiles.has(real)) return;
    listedFiles.add(real);
    set.realPaths.set(full, real);
    addFile(full, base);
  };

  const readFolder = ({ dir, real }: { dir: string; real: string }): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      set.skipped.push({ path: display(dir), message: `cannot read folder: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` });
      return;
    }
    // Both folders are normalised and an entry's name has no separator: joined by hand, not by
    // path.join (which normalises again, twice per entry). Below no link, the real path is the path.
    const dirPrefix = dir.endsWith(path.sep) ? dir : dir + path.sep;
    const realPrefix = real === dir ? dirPrefix : real.endsWith(path.sep) ? real : real + path.sep;
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = dirPrefix + entry.name;
      const entryReal = real === dir ? full : realPrefix + entry.name;
      if (entry.isSymbolicLink()) links.push({ full, name: entry.name });
      else if (entry.isDirectory()) {
        if (!visitedFolders.has(entryReal)) {
          visitedFolders.add(entryReal);
          folders.push({ dir: full, real: entryReal });
        }
      } else if (entry.isFile() && isPage(entry.name)) list(full, entryReal);
    }
  };

  const followLink = ({ full, name }: { full: string; name: string }): void => {
    let real: string;
    let stats;
    try {
      real = realpathSync(full);
      stats = statSync(real);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const why = code === 'ELOOP' ? 'symbolic link loop' : code === 'ENOENT' ? 'symbolic link to nothing' : `unreadable link (${code})`;
      if (isPage(name) || code === 'ELOOP') set.skipped.push({ path: display(full), message: `not checked: ${why}` });
      return;
    }
    if (!inside(real)) {
      if (stats.isDirectory() || isPage(name)) {
        set.skipped.push({ path: display(full), message: `not checked: symbolic link points outside ${display(top)}/ (to ${real})` });
      }
      return;
    }
    if (stats.isDirectory()) {
      if (visitedFolders.has(real)) return; // already walked under its real name, or a loop back up
      visitedFolders.add(real);
      folders.push({ dir: full, real });
    } else if (stats.isFile() && isPage(name)) list(full, real);
  };

  while (folders.length > 0 || links.length > 0) {
    if (folders.length > 0) readFolder(folders.pop() as { dir: string; real: string });
    else followLink(links.shift() as { full: string; name: string });
  }
}
