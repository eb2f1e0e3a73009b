import { randomUUID } from 'node:crypto';
import { accessSync, chmodSync, closeSync, constants, fchownSync, fsyncSync, ftruncateSync, lstatSync, openSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeSync, type Stats } from 'node:fs';
import path from 'node:path';
import { collectFiles, fieldLabel, isPlaceholder, parseDocument, parseIsoDate, todayOutOfRange, type DocumentLocation, type IsoDate, type VigilConfig } from '../../core/index.js';
import { recordReview, type FieldChange } from '../../core/review.js';
import { UsageError, type CliIo } from '../io.js';
import { parseCommandArgs, resolveConfig, resolveToday } from '../options.js';

export const help = `Usage: vigil review <file...> [options]

Mark documents reviewed: set last_reviewed (or the name the config's "fields" maps it to)
to today and change nothing else in the file — comments, key order, quotes, line endings,
byte order mark, file mode, owner, group and hard links stay as they were. Adds the field
when it is missing. Refuses, leaving the file untouched, when the frontmatter is broken.
Refuses a file you cannot write, and a symbolic link that leads out of the content folders.
Prints each document's next review date.

Options:
  --date YYYY-MM-DD    the review date (default: today)
  --by NAME            who reviewed: sets reviewed_by (added after last_reviewed when missing)
  --note TEXT          what the review found: sets review_note
  --now YYYY-MM-DD     what "today" is (also VIGIL_NOW; default today, UTC)
  --config FILE        config file (default: vigil.config.* in the working directory)
  -h, --help           show this help

Exit codes: 0 all updated, 1 a file's frontmatter was refused, 2 usage or config error, or a
file vigil must not write (read-only, or outside the content folders).
`;

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('review', args, {
    date: { type: 'string' },
    by: { type: 'string' },
    note: { type: 'string' },
  });
  if (values.help) {
    io.stdout.write(help);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('review: name the documents to mark reviewed, e.g. vigil review content/runbooks/db.md');
  const today = resolveToday(values.now as string | undefined, io);
  const date = reviewDate(values.date as string | undefined, today);
  const by = reviewText('--by', values.by as string | undefined);
  const note = reviewText('--note', values.note as string | undefined);
  if (by !== undefined && isPlaceholder(by)) throw new UsageError(`review: --by must name the reviewer, got the placeholder "${by}"`);
  const config = await resolveConfig(values.config as string | undefined, io);
  const { files, missing } = collectFiles(io.cwd, positionals, config.content);
  if (missing.length > 0) throw new UsageError(`review: no such file: ${missing.join(', ')}`);
  // In the order given, as a reviewer reads the output against the command line.
  const requested = [...new Set(positionals.map((input) => path.resolve(io.cwd, input)))];
  const named = files.filter((location) => requested.includes(location.file)).sort((a, b) => requested.indexOf(a.file) - requested.indexOf(b.file));
  if (named.length < requested.length) throw new UsageError('review: name files, not folders (a review is a decision about one document)');

  let exitCode = 0;
  for (const location of named) {
    const outcome = reviewFile(location, config, { date, by, note }, today, io.cwd);
    if (outcome.ok) io.stdout.write(`${location.path}: ${outcome.summary}\n`);
    else {
      exitCode = Math.max(exitCode, outcome.exitCode ?? 1);
      io.stderr.write(`${location.path}:${outcome.line}:${outcome.column}: ${outcome.message}\n`);
    }
  }
  return exitCode;
}

/** --by and --note: one line of text, since each becomes one YAML value a reader sees whole. */
function reviewText(flag: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (text === '') throw new UsageError(`review: ${flag} must not be empty`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(text)) throw new UsageError(`review: ${flag} must be one line of text without control characters`);
  return text;
}

function reviewDate(flag: string | undefined, today: IsoDate): IsoDate {
  if (flag === undefined) return today;
  const date = parseIsoDate(flag.trim());
  if (!date) throw new UsageError(`review: --date must be a real date written YYYY-MM-DD, got "${flag}"`);
  const outOfRange = todayOutOfRange(date);
  if (outOfRange) throw new UsageError(`review: --date ${outOfRange}`);
  if (date > today) throw new UsageError(`review: --date ${date} is after today (${today}); a review cannot be recorded in advance`);
  return date;
}

/** `exitCode` 2: a file vigil must not write at all, as opposed to frontmatter it cannot edit safely (1). */
type FileOutcome = { ok: true; summary: string } | { ok: false; line: number; column: number; message: string; exitCode?: 1 | 2 };

interface ReviewValues {
  date: IsoDate;
  by?: string;
  note?: string;
}

function reviewFile(location: DocumentLocation, config: VigilConfig, values: ReviewValues, today: IsoDate, cwd: string): FileOutcome {
  const field = fieldLabel(config, 'last_reviewed');
  const target = writableTarget(location.file, config, cwd);
  if (!target.ok) return { ok: false, line: 1, column: 1, message: `${target.message}; it was not changed`, exitCode: 2 };
  let bytes: Buffer;
  try {
    bytes = readFileSync(location.file);
  } catch (error) {
    return { ok: false, line: 1, column: 1, message: `cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  }
  const text = bytes.toString('utf8');
  if (!Buffer.from(text, 'utf8').equals(bytes)) {
    return { ok: false, line: 1, column: 1, message: 'the file is not valid UTF-8; it was not changed' };
  }
  const edit = recordReview(text, {
    fields: {
      lastReviewed: field,
      reviewCycle: fieldLabel(config, 'review_cycle'),
      reviewedBy: fieldLabel(config, 'reviewed_by'),
      reviewNote: fieldLabel(config, 'review_note'),
    },
    ...values,
  });
  if (!edit.ok) return edit;
  const updated = Buffer.from(edit.text, 'utf8');
  if (edit.changed) {
    try {
      writeKeepingFile(target.file, target.stats, updated, bytes);
    } catch (error) {
      const unchanged = error instanceof PartialWriteError ? '' : '; it was not changed';
      return { ok: false, line: 1, column: 1, message: `cannot write the file (${(error as Error).message})${unchanged}` };
    }
  }
  // The next review date comes from the core, reading the file as "vigil check" will.
  const { record } = parseDocument(location, updated, config, today);
  const action = edit.changes.map(describeChange).join(', ');
  const next = record.next_review
    ? `next review due ${record.next_review}`
    : `no next review date: set "${fieldLabel(config, 'review_cycle')}" (e.g. annual or 6 months)`;
  return { ok: true, summary: `${action}; ${next}` };
}

function describeChange(change: FieldChange): string {
  const shown = /^[\w.@+-]+$/.test(change.value) ? change.value : JSON.stringify(change.value);
  if (!change.changed) return `${change.field} was already ${shown}`;
  return change.inserted ? `added ${change.field}: ${shown}` : `${change.field} set to ${shown}`;
}

type Target = { ok: true; file: string; stats: Stats } | { ok: false; message: string };

/**
 * The real file to write, or why vigil must not write it: a symbolic link out of the content
 * folders (which "vigil check" skips) or out of the working tree, and a file the user cannot
 * write. Root passes access checks, so a file with no write bit at all counts as read-only too.
 */
function writableTarget(file: string, config: VigilConfig, cwd: string): Target {
  let real: string;
  let stats: Stats;
  try {
    real = realpathSync(file);
    stats = statSync(real);
  } catch (error) {
    return { ok: false, message: `cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  }
  const inside = (child: string, parent: string): boolean => child === parent || child.startsWith(parent + path.sep);
  const realOrSelf = (folder: string): string => {
    try {
      return realpathSync(folder);
    } catch {
      return folder;
    }
  };
  const roots = config.content.map((root) => path.resolve(cwd, root)); // as collectFiles resolves them
  const root = roots.find((candidate) => inside(file, candidate));
  const allowed = realOrSelf(root ?? cwd);
  if (!inside(real, allowed)) {
    const link = lstatSync(file).isSymbolicLink() ? 'a symbolic link to' : 'reached through a symbolic link as';
    return { ok: false, message: `${link} ${real}, outside ${root ? 'the content folder' : 'the working folder'} ${path.relative(cwd, root ?? cwd) || '.'}; "vigil check" skips it, so vigil review does not write it` };
  }
  try {
    accessSync(real, constants.W_OK);
  } catch {
    return { ok: false, message: 'you cannot write this file (permission denied)' };
  }
  if ((stats.mode & 0o222) === 0) return { ok: false, message: `the file is read-only (mode ${(stats.mode & 0o777).toString(8)}); make it writable first if it should change` };
  return { ok: true, file: real, stats };
}

/**
 * Replaces the file's bytes keeping what makes it the same file: mode, owner, group and hard
 * links. The usual way is a temporary file renamed over it (readers see the old bytes or the new);
 * when that would lose something (another name links to the file, or its owner or group cannot
 * be given to the new file), the bytes are written in place instead.
 */
function writeKeepingFile(target: string, stats: Stats, bytes: Buffer, original: Buffer): void {
  if (stats.nlink > 1 || !writeAtomically(target, stats, bytes)) {
    try {
      writeInPlace(target, bytes);
    } catch (error) {
      // A write in place can stop half-way (a full disk): put the old bytes back before saying so.
      try {
        writeInPlace(target, original);
      } catch {
        throw new PartialWriteError(`${(error as Error).message}, and the old contents could not be put back: check the file`);
      }
      throw error;
    }
  }
}

/** Writes beside the file, keeps its mode, owner and group, then renames over it. False when ownership cannot be kept. */
function writeAtomically(target: string, stats: Stats, bytes: Buffer): boolean {
  const mode = stats.mode & 0o7777;
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${randomUUID()}.vigil-tmp`);
  try {
    const fd = openSync(temporary, 'wx', mode);
    try {
      try {
        fchownSync(fd, stats.uid, stats.gid);
      } catch {
        rmSync(temporary, { force: true });
        return false;
      }
      writeSync(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    chmodSync(temporary, mode); // the umask (and chown clearing set-id bits) may have narrowed the mode
    renameSync(temporary, target);
    return true;
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** A write in place that failed and could not be undone: the file may hold part of the new bytes. */
class PartialWriteError extends Error {}

function writeInPlace(target: string, bytes: Buffer): void {
  const fd = openSync(target, 'r+');
  try {
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written, written);
    ftruncateSync(fd, bytes.length);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
