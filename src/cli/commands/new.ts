import { existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { collectFiles, DOCUMENT_TYPES, loadSchemas, parseDocument, schemasFolderOf } from '../../core/index.js';
import { scaffoldDocument } from '../../core/scaffold.js';
import { UsageError, type CliIo } from '../io.js';
import { parseCommandArgs, resolveConfig, resolveToday } from '../options.js';

export const help = `Usage: vigil new <type> <title...> [options]

Scaffold a document: every required field, the type's required sections, the next free id
and today as the review date. Placeholders (TBD) fail "vigil check" until you fill them in.
Writes <content>/<folder>/<slug>.md (policies/, procedures/, runbooks/, or where the config's
"types" puts that type) and never overwrites a file.

Types: the schemas in the config's schemas folder (default: ${DOCUMENT_TYPES.join(', ')}).

Options:
  --owner NAME         accountable team or person (default: a TBD placeholder)
  --id ID              document id (default: the next free id in the type's series)
  --now YYYY-MM-DD     the review date to write (also VIGIL_NOW; default today, UTC)
  --config FILE        config file (default: vigil.config.* in the working directory)
  -h, --help           show this help

Exit codes: 0 written, 2 usage error or the file already exists.
`;

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('new', args, {
    owner: { type: 'string' },
    id: { type: 'string' },
  });
  if (values.help) {
    io.stdout.write(help);
    return 0;
  }
  const [type, ...titleWords] = positionals;
  if (!type || titleWords.length === 0) throw new UsageError('new: give a type and a title, e.g. vigil new runbook "Database failover" (see "vigil new --help")');
  const today = resolveToday(values.now as string | undefined, io);
  const config = await resolveConfig(values.config as string | undefined, io);
  const schemas = loadSchemas(schemasFolderOf(config));
  const types = schemas.types.length > 0 ? schemas.types : [...DOCUMENT_TYPES];
  if (!types.includes(type)) throw new UsageError(`new: unknown type "${type}": use one of ${types.join(', ')}`);

  const scaffold = scaffoldDocument({
    type,
    title: titleWords.join(' '),
    today,
    config,
    existing: existingDocuments(io.cwd, config, today),
    owner: values.owner as string | undefined,
    id: values.id as string | undefined,
    knownFields: schemas.types.includes(type) ? schemas.knownFields(type) : undefined,
  });
  if (!scaffold.ok) throw new UsageError(`new: ${scaffold.message}`);

  const target = path.resolve(config.rootDir, scaffold.file);
  const shown = path.relative(io.cwd, target).split(path.sep).join('/');
  const contentRoot = path.resolve(config.rootDir, config.content[0] ?? 'content');
  const outside = (): string | null => linkedOutside(path.dirname(target), contentRoot);
  if (outside() === null) mkdirSync(path.dirname(target), { recursive: true });
  // Checked again once the folders exist: one may have been a link made in between.
  const escape = outside();
  if (escape !== null) throw new UsageError(`new: ${shown} would be written through a symbolic link to ${escape}, outside the content folder; "vigil check" skips it, so vigil new does not write there`);
  try {
    writeFileSync(target, scaffold.text, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError(`new: ${shown} already exists; choose another title or edit that file`);
    throw error;
  }
  io.stdout.write(`${shown}\n`);
  io.stderr.write(`Created ${scaffold.id ? `${scaffold.id} ` : ''}at ${shown}. Replace each TBD, then run "vigil check ${shown}".\n`);
  return 0;
}

/**
 * Where `folder` really leads when that is outside the content folder's real path (a symbolic link
 * on the way), else null. Judged on the deepest part of `folder` that exists; the rest is made new.
 */
function linkedOutside(folder: string, contentRoot: string): string | null {
  let existing = folder;
  while (!existsSync(existing) && path.dirname(existing) !== existing) existing = path.dirname(existing);
  const real = (file: string): string => {
    try {
      return realpathSync(file);
    } catch {
      return file;
    }
  };
  // The content folder itself may be a link (check follows it); what lies under it may not leave it.
  const root = real(contentRoot);
  const reached = real(existing);
  const insideRoot = reached === root || reached.startsWith(root + path.sep);
  const climbsAboveRoot = !(existing === contentRoot || existing.startsWith(contentRoot + path.sep));
  return insideRoot || climbsAboveRoot ? null : reached;
}

/** Ids, types and review cycles of the documents already in the content folders, read by the core. */
function existingDocuments(cwd: string, config: Parameters<typeof parseDocument>[2], today: string): Array<{ id: string | null; type: string | null; review_cycle: string | null }> {
  const roots = config.content.map((folder) => path.resolve(config.rootDir, folder));
  const { files } = collectFiles(cwd, roots, roots);
  return files.flatMap((location) => {
    try {
      const { record } = parseDocument(location, readFileSync(location.file), config, today, { body: false });
      return [{ id: record.id, type: record.type, review_cycle: record.review_cycle }];
    } catch {
      return [];
    }
  });
}
