// Finds and reads the alert rule files the config names, for alert-runbook.
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import type { VigilConfig } from '../config/types.js';
import type { Finding } from '../types.js';
import { parseAlertRules, type AlertRule } from './parse.js';

export interface AlertSet {
  /** Each file read, as shown in diagnostics (relative to the working directory), with its alerts. */
  files: Array<{ path: string; alerts: AlertRule[] }>;
  /** Files that cannot be read, globs that find nothing: findings with their path. */
  problems: Finding[];
  /** Every alert name the files define. */
  names: Set<string>;
  /** True when every file was read whole: only then can a name be said to be defined nowhere. */
  complete: boolean;
}

// Rule files are small; a file far past this is not one, and is not read whole.
const MAX_RULE_FILE_BYTES = 20 * 1024 * 1024;
const SKIPPED_FOLDERS = new Set(['.git', 'node_modules']);

/** Reads the files `config.alerts` names (globs relative to the config's folder); undefined when it names none. */
export function loadAlertRules(config: VigilConfig, cwd: string): AlertSet | undefined {
  if (config.alerts.length === 0) return undefined;
  const set: AlertSet = { files: [], problems: [], names: new Set(), complete: true };
  const display = (file: string): string => path.relative(cwd, file).split(path.sep).join('/') || file;
  const seen = new Set<string>();
  for (const glob of config.alerts) {
    const found = filesMatching(config.rootDir, glob);
    if (found.length === 0) {
      const where = config.file ? display(config.file) : 'vigil.config.yaml';
      set.problems.push({ path: where, line: 1, column: 1, message: `alerts: no file matches "${glob}" (globs are relative to ${display(config.rootDir) || '.'}): correct the glob or remove it` });
    }
    for (const file of found) {
      if (seen.has(file)) continue;
      seen.add(file);
      const shown = display(file);
      let text: string;
      try {
        if (lstatSync(file).size > MAX_RULE_FILE_BYTES) {
          set.problems.push({ path: shown, line: 1, column: 1, message: `alert rule file over ${MAX_RULE_FILE_BYTES / 1024 / 1024} MB: not read` });
          set.complete = false;
          continue;
        }
        text = readFileSync(file, 'utf8');
      } catch (error) {
        set.problems.push({ path: shown, line: 1, column: 1, message: `cannot read the alert rule file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` });
        set.complete = false;
        continue;
      }
      const parsed = parseAlertRules(text);
      for (const problem of parsed.problems) set.problems.push({ path: shown, ...problem });
      if (parsed.problems.length > 0) set.complete = false;
      set.files.push({ path: shown, alerts: parsed.alerts });
      for (const alert of parsed.alerts) set.names.add(alert.name);
    }
  }
  set.files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return set;
}

/** Regular files under `root` matching `glob`; symbolic links are not followed. */
function filesMatching(root: string, glob: string): string[] {
  const pattern = glob.replace(/^\.\//, '');
  const { base, isGlob } = picomatch.scan(pattern);
  if (!isGlob) {
    const file = path.resolve(root, pattern);
    try {
      return lstatSync(file).isFile() ? [file] : [];
    } catch {
      return [];
    }
  }
  const matches = picomatch(pattern, { dot: true });
  const start = path.resolve(root, base);
  const found: string[] = [];
  const pending = [start];
  while (pending.length > 0) {
    const folder = pending.pop() as string;
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) pending.push(full);
      } else if (entry.isFile() && matches(path.relative(root, full).split(path.sep).join('/'))) {
        found.push(full);
      }
    }
  }
  return found.sort();
}
