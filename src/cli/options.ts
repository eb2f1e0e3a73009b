// Options shared by commands: the day to judge by and the config to use.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ChangedSinceError, checkDocuments, ConfigError, loadConfig, parseIsoDate, todayOutOfRange, todayUtc, type CheckRun, type IsoDate, type LinkProgress, type VigilConfig } from '../core/index.js';
import { suggestion } from '../core/didYouMean.js';
import { UsageError, type CliIo } from './io.js';

/** `--now`, else VIGIL_NOW, else today's UTC date. */
export function resolveToday(flag: string | undefined, io: CliIo): IsoDate {
  const raw = flag ?? io.env.VIGIL_NOW;
  if (raw === undefined || raw === '') return todayUtc();
  const date = parseIsoDate(raw.trim());
  if (!date) throw new UsageError(`${flag !== undefined ? '--now' : 'VIGIL_NOW'} must be a real date written YYYY-MM-DD, got "${raw}"`);
  const outOfRange = todayOutOfRange(date);
  if (outOfRange) throw new UsageError(`${flag !== undefined ? '--now' : 'VIGIL_NOW'} ${outOfRange}`);
  return date;
}

export async function resolveConfig(flag: string | undefined, io: CliIo): Promise<VigilConfig> {
  try {
    return await loadConfig(io.cwd, flag);
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
}

export type ParsedArgs = { values: Record<string, string | boolean | string[] | undefined>; positionals: string[] };

/** Options every command takes. */
const COMMON_OPTIONS = { help: { type: 'boolean', short: 'h' }, now: { type: 'string' }, config: { type: 'string', short: 'c' } } as const;

/** parseArgs with usage errors that name the command and suggest the option meant; every command takes --help, --now and --config. */
export function parseCommandArgs(command: string, args: string[], options: NonNullable<ParseArgsConfig['options']>): ParsedArgs {
  const all = { ...options, ...COMMON_OPTIONS };
  try {
    return parseArgs({ args, options: all, allowPositionals: true, strict: true }) as ParsedArgs;
  } catch (error) {
    const message = (error as Error).message.replace(/\. To specify a positional argument.*$/s, '');
    const unknown = /^Unknown option '(-{1,2}[^']+)'/.exec(message)?.[1];
    const hint = unknown?.startsWith('--') ? suggestion(unknown.slice(2).split('=')[0], Object.keys(all)).replace('"', '"--') : '';
    throw new UsageError(`${command}: ${message}${hint} (see "vigil ${command} --help")`);
  }
}

export function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`${name} must be one of ${allowed.join(', ')}, got "${value}"`);
  return value as T;
}

/** --now and --config as parsed by parseCommandArgs. */
export function commonFlags(values: { now?: unknown; config?: unknown }): { now?: string; config?: string } {
  return { now: values.now as string | undefined, config: values.config as string | undefined };
}

export interface DocumentFlags {
  now?: string;
  config?: string;
  paths: string[];
  offline: boolean;
  /** `--ignore-pattern` globs, beside the config's `exclude`. */
  ignorePatterns?: string[];
  /** Report paths that do not exist in `result.missing` instead of stopping (check). */
  allowMissing?: boolean;
  /** `--changed-since REF`: the pull request's base, for covers (changed-since-review). */
  changedSince?: string;
  onLinkProgress?: (progress: LinkProgress) => void;
}

/** What every command that reads documents does first: the day, the config, the checked set. */
export async function readDocuments(flags: DocumentFlags, io: CliIo): Promise<{ today: IsoDate; config: VigilConfig; result: CheckRun }> {
  const today = resolveToday(flags.now, io);
  const config = await resolveConfig(flags.config, io);
  if (flags.ignorePatterns?.length) config.exclude = [...config.exclude, ...flags.ignorePatterns];
  const workers = resolveWorkers(io);
  let result: CheckRun;
  try {
    result = await checkDocuments({ cwd: io.cwd, config, today, paths: flags.paths, offline: flags.offline, workers, onLinkProgress: flags.onLinkProgress, changedSince: flags.changedSince });
  } catch (error) {
    if (error instanceof ChangedSinceError) throw new UsageError(error.message);
    throw error;
  }
  if (result.missing.length > 0 && !flags.allowMissing) throw new UsageError(`no such file or folder: ${result.missing.join(', ')}`);
  return { today, config, result };
}

/** VIGIL_WORKERS: worker threads beside the main thread (0 = none); unset lets the engine decide by set size. */
function resolveWorkers(io: CliIo): number | 'auto' {
  const raw = io.env.VIGIL_WORKERS;
  if (raw === undefined || raw === '' || raw === 'auto') return 'auto';
  if (!/^\d+$/.test(raw) || Number(raw) > 16) throw new UsageError(`VIGIL_WORKERS must be a whole number from 0 to 16 or "auto", got "${raw}"`);
  return Number(raw);
}
