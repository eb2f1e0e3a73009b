import { randomUUID } from 'node:crypto';
import { chmodSync, closeSync, fsyncSync, openSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { collectFiles, fieldLabel, parseDocument, parseIsoDate, type DocumentLocation, type IsoDate, type VigilConfig } from '../../core/index.js';
import { setReviewDate } from '../../core/review.js';
import { UsageError, type CliIo } from '../io.js';
import { parseCommandArgs, resolveConfig, resolveToday } from '../options.js';

export const help = `Usage: vigil review <file...> [options]

Mark documents reviewed: set last_reviewed (or the name the config's "fields" maps it to)
to today and change nothing else in the file — comments, key order, quotes, line endings,
byte order mark and file mode stay as they were. Adds the field when it is missing.
Refuses, leaving the file untouched, when the frontmatter is broken.
Prints each document's next review date.

Options:
  --date YYYY-MM-DD    the review date (default: today)
  --now YYYY-MM-DD     what "today" is (also VIGIL_NOW; default today, UTC)
  --config FILE        config file (default: vigil.config.* in the working directory)
  -h, --help           show this help

Exit codes: 0 all updated, 1 a file was refused, 2 usage or config error.
`;

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('review', args, {
    date: { type: 'string' },
  });
  if (values.help) {
    io.stdout.write(help);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('review: name the documents to mark reviewed, e.g. vigil review content/runbooks/db.md');
  const today = resolveToday(values.now as string | undefined, io);
  const date = reviewDate(values.date as string | undefined, today);
  const config = await resolveConfig(values.config as string | undefined, io);
  const { files, missing } = collectFiles(io.cwd, positionals, config.content);
  if (missing.length > 0) throw new UsageError(`review: no such file: ${missing.join(', ')}`);
  // In the order given, as a reviewer reads the output against the command line.
  const requested = [...new Set(positionals.map((input) => path.resolve(io.cwd, input)))];
  const named = files.filter((location) => requested.includes(location.file)).sort((a, b) => requested.indexOf(a.file) - requested.indexOf(b.file));
  if (named.length < requested.length) throw new UsageError('review: name files, not folders (a review is a decision about one document)');

  let refused = 0;
  for (const location of named) {
    const outcome = reviewFile(location, config, date, today);
    if (outcome.ok) io.stdout.write(`${location.path}: ${outcome.summary}\n`);
    else {
      refused++;
      io.stderr.write(`${location.path}:${outcome.line}:${outcome.column}: ${outcome.message}\n`);
    }
  }
  return refused > 0 ? 1 : 0;
}

function reviewDate(flag: string | undefined, today: IsoDate): IsoDate {
  if (flag === undefined) return today;
  const date = parseIsoDate(flag.trim());
  if (!date) throw new UsageError(`review: --date must be a real date written YYYY-MM-DD, got "${flag}"`);
  if (date > today) throw new UsageError(`review: --date ${date} is after today (${today}); a review cannot be recorded in advance`);
  return date;
}

type FileOutcome = { ok: true; summary: string } | { ok: false; line: number; column: number; message: string };

function reviewFile(location: DocumentLocation, config: VigilConfig, date: IsoDate, today: IsoDate): FileOutcome {
  const field = fieldLabel(config, 'last_reviewed');
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
  const edit = setReviewDate(text, field, date, fieldLabel(config, 'review_cycle'));
  if (!edit.ok) return edit;
  const updated = Buffer.from(edit.text, 'utf8');
  if (edit.changed) {
    try {
      writeAtomically(location.file, updated);
    } catch (error) {
      return { ok: false, line: 1, column: 1, message: `cannot write the file (${(error as Error).message}); it was not changed` };
    }
  }
  // The next review date comes from the core, reading the file as "vigil check" will.
  const { record } = parseDocument(location, updated, config, today);
  const action = !edit.changed ? `${field} was already ${date}` : edit.inserted ? `added ${field}: ${date}` : `${field} set to ${date}`;
  const next = record.next_review
    ? `next review due ${record.next_review}`
    : `no next review date: set "${fieldLabel(config, 'review_cycle')}" (e.g. annual or 6 months)`;
  return { ok: true, summary: `${action}; ${next}` };
}

/** Writes beside the file, keeps its mode, then renames over it: readers see the old file or the new one. */
function writeAtomically(file: string, bytes: Buffer): void {
  const target = realpathSync(file); // a symbolic link keeps pointing at the updated file
  const mode = statSync(target).mode & 0o7777;
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${randomUUID()}.vigil-tmp`);
  try {
    const fd = openSync(temporary, 'wx', mode);
    try {
      writeSync(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    chmodSync(temporary, mode); // the umask may have narrowed the mode given to open
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
