import { buildDueReport, daysBetween, MAX_SPAN_YEARS, parseWindow, windowEnd } from '../../core/index.js';
import { formatReportCsv } from '../formatters/report-csv.js';
import { formatReportJson } from '../formatters/report-json.js';
import { formatReportMarkdown } from '../formatters/report-markdown.js';
import { UsageError, type CliIo } from '../io.js';
import { commonFlags, oneOf, parseCommandArgs, readDocuments } from '../options.js';
import { documentLinker } from '../urls.js';
import { CONTROLS_HELP, runControlsReport } from './report-controls.js';

export const help = `Usage: vigil report [paths...] [options]

List documents that are overdue, expired, or due for review or expiring within a window,
grouped by owner, with dates and links.

Options:
  --within SPAN        window ahead of today, e.g. 30d, 6 weeks, P2M, 1y (calendar months and years:
                       1y ends on the same day next year; default: the config's warning_window, 30d)
  --format FORMAT      markdown, json or csv (default markdown)
  --now YYYY-MM-DD     judge dates as of that day (also VIGIL_NOW)
  --config FILE        config file (default: vigil.config.* in the working directory)
${CONTROLS_HELP}  -h, --help           show this help

Links go to the site when the config sets site.url, else to the file on GitHub when run in
GitHub Actions, else they are paths relative to the working directory.
Draft and retired documents are never listed. Exit code 0, or 2 on a usage or config error.
`;

export const REPORT_FORMATS = ['markdown', 'json', 'csv'] as const;

const WITHIN_EXPECTED = `a span ahead of today from 0d to ${MAX_SPAN_YEARS}y, such as 30d, 6 weeks or P2M`;

export async function run(args: string[], io: CliIo): Promise<number> {
  // parseArgs calls `--within -5d` "ambiguous"; what the reader needs is what a window is.
  const dashed = args.findIndex((arg, index) => arg === '--within' && args[index + 1]?.startsWith('-') && args[index + 1] !== '--');
  if (dashed !== -1) throw new UsageError(`--within must be ${WITHIN_EXPECTED}; a window cannot be negative, got "${args[dashed + 1]}"`);
  const { values, positionals } = parseCommandArgs('report', args, {
    within: { type: 'string' },
    format: { type: 'string', short: 'f' },
    soa: { type: 'boolean' },
    controls: { type: 'boolean' },
  });
  if (values.help) {
    io.stdout.write(help);
    return 0;
  }
  if (values.soa || values.controls) {
    const { soa = false, controls = false, format, within } = values as { soa?: boolean; controls?: boolean; format?: string; within?: string };
    return runControlsReport({ soa, controls, format, within, ...commonFlags(values), paths: positionals }, io);
  }
  const format = oneOf('--format', values.format as string | undefined, REPORT_FORMATS, 'markdown');
  const within = values.within as string | undefined;
  const window = within === undefined ? undefined : parseWindow(within);
  if (window === null) throw new UsageError(`--within must be ${WITHIN_EXPECTED}, got "${within}"`);

  // The report is about dates only: no network, and problems in the documents are for `vigil check`.
  const { today, config, result } = await readDocuments(
    { ...commonFlags(values), paths: positionals, offline: true },
    io,
  );

  // Calendar arithmetic, as for review cycles: the window ends on a date, and its length in days follows.
  const withinDays = window ? daysBetween(today, windowEnd(today, window)) : config.warningWindowDays;
  const report = buildDueReport(result.documents, today, withinDays);
  const link = documentLinker(config, io.env, io.cwd);
  const render = format === 'json' ? formatReportJson : format === 'csv' ? formatReportCsv : formatReportMarkdown;
  io.stdout.write(render(report, link));
  return 0;
}
