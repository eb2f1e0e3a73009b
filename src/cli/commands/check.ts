import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CheckRun } from '../../core/index.js';
import { formatForCi } from '../ci-output.js';
import { formatJson } from '../formatters/json.js';
import { formatPretty } from '../formatters/pretty.js';
import { UsageError, type CliIo } from '../io.js';
import { progressLine } from './links.js';
import { commonFlags, oneOf, parseCommandArgs, readDocuments } from '../options.js';

export const help = `Usage: vigil check [paths or globs...] [options]

Check documents (default: the config's content folders, else content/).

Options:
  --now YYYY-MM-DD          judge dates as of that day (also VIGIL_NOW)
  -f, --format FORMAT       pretty, json, github or sarif (github when GITHUB_ACTIONS=true)
  --offline                 skip network checks (status-page-dead)
  -c, --config FILE         config file (default: vigil.config.* in the working directory)
  --ignore-pattern GLOB     leave out matching files (repeatable), beside the config's exclude
  --changed-since REF       in a pull request: flag documents whose covered files changed since REF
  --quiet                   report errors only
  --max-warnings N          exit 1 when there are more than N warnings
  -o, --output-file FILE    write the report to FILE instead of standard output
  --color, --no-color       force colour on or off (default: on a terminal only)
  -h, --help                show this help

Exit codes: 0 no errors, 1 errors found (or too many warnings), 2 usage or config error
(also when a path given does not exist: the other paths are still checked).
`;

export const FORMATS = ['pretty', 'json', 'github', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('check', args, {
    format: { type: 'string', short: 'f' },
    offline: { type: 'boolean' },
    quiet: { type: 'boolean' },
    'max-warnings': { type: 'string' },
    'output-file': { type: 'string', short: 'o' },
    'ignore-pattern': { type: 'string', multiple: true },
    'changed-since': { type: 'string' },
    color: { type: 'boolean' },
    'no-color': { type: 'boolean' },
  });
  if (values.help) {
    io.stdout.write(help);
    return 0;
  }
  const defaultFormat: Format = io.env.GITHUB_ACTIONS === 'true' ? 'github' : 'pretty';
  const format = oneOf('--format', values.format as string | undefined, FORMATS, defaultFormat);
  const maxWarnings = readMaxWarnings(values['max-warnings'] as string | undefined);
  const outputFile = values['output-file'] as string | undefined;
  const progress = outputFile ? null : progressLine(io);
  const { config, result } = await readDocuments(
    {
      ...commonFlags(values),
      paths: positionals,
      offline: Boolean(values.offline),
      ignorePatterns: (values['ignore-pattern'] as string[] | undefined) ?? [],
      allowMissing: true,
      changedSince: values['changed-since'] as string | undefined,
      onLinkProgress: progress?.update,
    },
    io,
  );
  progress?.finish();

  const shown = values.quiet ? errorsOnly(result) : result;
  const color = outputFile ? false : colorEnabled(values, io);
  const report =
    format === 'json' ? formatJson(shown) : format === 'pretty' ? formatPretty(shown, color) : formatForCi(format, shown, config, io);
  if (outputFile) {
    try {
      writeFileSync(path.resolve(io.cwd, outputFile), report);
    } catch (error) {
      throw new UsageError(`cannot write --output-file ${outputFile}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
  } else {
    io.stdout.write(report);
  }

  if (result.missing.length > 0) {
    io.stderr.write(`vigil: no such file or folder: ${result.missing.join(', ')}\n`);
    return 2;
  }
  if (result.summary.errors > 0) return 1;
  if (maxWarnings !== null && result.summary.warnings > maxWarnings) {
    io.stderr.write(`vigil: ${result.summary.warnings} warnings, more than --max-warnings ${maxWarnings}\n`);
    return 1;
  }
  return 0;
}

function readMaxWarnings(raw: string | undefined): number | null {
  if (raw === undefined) return null;
  if (!/^\d+$/.test(raw.trim())) throw new UsageError(`--max-warnings must be a whole number of 0 or more, got "${raw}"`);
  return Number(raw);
}

/** `--quiet`: the report shows errors only (the warnings still count for --max-warnings). */
function errorsOnly(result: CheckRun): CheckRun {
  const diagnostics = result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  return { ...result, diagnostics, summary: { ...result.summary, warnings: 0 } };
}

function colorEnabled(values: Record<string, unknown>, io: CliIo): boolean {
  if (values['no-color']) return false;
  if (values.color) return true;
  if (io.env.NO_COLOR) return false;
  if (io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0') return true;
  return Boolean(io.stdout.isTTY);
}
