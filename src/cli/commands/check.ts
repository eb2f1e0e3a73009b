import { formatForCi } from '../ci-output.js';
import { formatJson } from '../formatters/json.js';
import { formatPretty } from '../formatters/pretty.js';
import type { CliIo } from '../io.js';
import { progressLine } from './links.js';
import { commonFlags, oneOf, parseCommandArgs, readDocuments } from '../options.js';

export const help = `Usage: vigil check [paths...] [options]

Check documents (default: the config's content folders, else content/).

Options:
  --now YYYY-MM-DD     judge dates as of that day (also VIGIL_NOW)
  --format FORMAT      pretty, json, github or sarif (github when GITHUB_ACTIONS=true)
  --offline            skip network checks (status-page-dead)
  --config FILE        config file (default: vigil.config.* in the working directory)
  -h, --help           show this help

Exit codes: 0 no errors, 1 errors found, 2 usage or config error.
`;

export const FORMATS = ['pretty', 'json', 'github', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('check', args, {
    format: { type: 'string', short: 'f' },
    offline: { type: 'boolean' },
  });
  if (values.help) {
    io.stdout.write(help);
    return 0;
  }
  const defaultFormat: Format = io.env.GITHUB_ACTIONS === 'true' ? 'github' : 'pretty';
  const format = oneOf('--format', values.format as string | undefined, FORMATS, defaultFormat);
  const progress = progressLine(io);
  const { config, result } = await readDocuments(
    { ...commonFlags(values), paths: positionals, offline: Boolean(values.offline), onLinkProgress: progress?.update },
    io,
  );
  progress?.finish();

  if (format === 'json') io.stdout.write(formatJson(result));
  else if (format === 'pretty') io.stdout.write(formatPretty(result, colorEnabled(io)));
  else io.stdout.write(formatForCi(format, result, config, io));
  return result.summary.errors > 0 ? 1 : 0;
}

function colorEnabled(io: CliIo): boolean {
  if (io.env.NO_COLOR) return false;
  if (io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0') return true;
  return Boolean(io.stdout.isTTY);
}
