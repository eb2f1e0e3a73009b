import {
  checkStatusPageLinks,
  extractStatusPages,
  linkFindings,
  ruleSeverity,
  type LinkProgress,
} from '../../core/index.js';
import { formatLinksJson, formatLinksPretty, type LinksResult } from '../formatters/links.js';
import type { CliIo } from '../io.js';
import { commonFlags, oneOf, parseCommandArgs, readDocuments } from '../options.js';

export const help = `Usage: vigil links [paths...] [options]

Check every status page in the documents over the network (only the network
checks): each distinct URL once, HEAD then GET, redirects re-checked at every hop,
retries on 429, 5xx and timeouts. Explains each URL's result and where it is used.

Options:
  --urls               print the distinct status-page URLs, one a line, and stop (for lychee)
  --format FORMAT      pretty or json
  --now YYYY-MM-DD     the day to judge by (also VIGIL_NOW)
  --config FILE        config file (default: vigil.config.* in the working directory)
  -h, --help           show this help

Config: links.timeout (10s a request; a timeout is retried once), links.budget (2m for the
whole check; pages not reached by then are reported as not checked), links.concurrency (16),
links.allow_hosts (hosts exempt from the private-address guard; host:port allows that port
only). A progress line goes to stderr on a terminal, not in CI.

Exit codes: 0 every status page answers, 1 one fails or is refused, 2 usage or config error.
`;

const FORMATS = ['pretty', 'json'] as const;

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('links', args, {
    urls: { type: 'boolean' },
    format: { type: 'string', short: 'f' },
  });
  if (values.help) {
    io.stdout.write(help);
    return 0;
  }
  const format = oneOf('--format', values.format as string | undefined, FORMATS, 'pretty');
  // Offline: this reads the documents; the network part is below, with progress.
  const { today, config, result: documents } = await readDocuments(
    { ...commonFlags(values), paths: positionals, offline: true },
    io,
  );

  if (values.urls) {
    for (const target of extractStatusPages(documents.docs, config.links.allowHosts)) io.stdout.write(`${target.url}\n`);
    return 0;
  }

  const progress = progressLine(io);
  const reports = await checkStatusPageLinks(documents.docs, config, { onProgress: progress?.update });
  progress?.finish();
  const result: LinksResult = { now: today, reports, refused: documents.diagnostics.filter((d) => d.rule === 'status-page-url') };
  io.stdout.write(format === 'json' ? formatLinksJson(result) : formatLinksPretty(result, colorEnabled(io)));

  const failing = linkFindings(reports).some((finding) => ruleSeverity(config, finding.rule) === 'error');
  return failing || result.refused.some((d) => d.severity === 'error') ? 1 : 0;
}

/** True when a live progress line helps: stderr is a terminal and this is not CI. */
export function wantsProgress(io: CliIo): boolean {
  const ci = io.env.CI;
  return Boolean(io.stderr.isTTY) && (ci === undefined || ci === '' || ci === '0' || ci === 'false');
}

/** A one-line progress display on stderr (done / total, in flight, failures), redrawn at most 10 times a second. */
export function progressLine(io: CliIo): { update(progress: LinkProgress): void; finish(): void } | null {
  if (!wantsProgress(io)) return null;
  let last = 0;
  let shown = false;
  return {
    update(progress) {
      const now = Date.now();
      if (now - last < 100 && progress.done < progress.total) return;
      last = now;
      shown = true;
      const failed = progress.failures > 0 ? `, ${progress.failures} failed` : '';
      io.stderr.write(`\r\x1b[2Kstatus pages: ${progress.done}/${progress.total} done, ${progress.inFlight} in flight${failed}`);
    },
    finish() {
      if (shown) io.stderr.write('\r\x1b[2K');
    },
  };
}

function colorEnabled(io: CliIo): boolean {
  if (io.env.NO_COLOR) return false;
  if (io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0') return true;
  return Boolean(io.stdout.isTTY);
}
