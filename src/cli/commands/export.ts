import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkDocuments, todayUtc } from '../../core/index.js';
import { breakGlassBundle } from '../../site/render/bundle.js';
import { UsageError, type CliIo } from '../io.js';
import { commonFlags, parseCommandArgs, resolveConfig, resolveToday } from '../options.js';

export const help = `Usage: vigil export [paths...] [options]

Write the break-glass bundle: one self-contained HTML file with every active runbook, its
status and banner, escalation contacts (tap to call), status pages and body, a table of
contents and a search box. It makes no request of its own (its Content-Security-Policy forbids
them), so it works offline on a phone or a laptop and prints one runbook a page. It is stamped
with the day it was made and a hash of its content.

Options:
  -o, --output FILE    where to write it (default: break-glass.html; "-" writes to stdout)
  --now YYYY-MM-DD     judge statuses as of that day (also VIGIL_NOW)
  --config FILE        config file (default: vigil.config.* in the working directory)
  -h, --help           show this help

Exit code 0 when written, 2 on a usage or config error.
`;

const DEFAULT_OUTPUT = 'break-glass.html';

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('export', args, { output: { type: 'string', short: 'o' } });
  if (values.help) {
    io.stdout.write(help);
    return 0;
  }
  const flags = commonFlags(values);
  const today = resolveToday(flags.now, io);
  const config = await resolveConfig(flags.config, io);
  // Offline: the bundle is made for when the network cannot be trusted; keepBody: the bodies are rendered from this reading.
  const result = await checkDocuments({ cwd: io.cwd, config, today, paths: positionals, offline: true, keepBody: true });
  if (result.missing.length > 0) throw new UsageError(`no such file or folder: ${result.missing.join(', ')}`);

  const exported = breakGlassBundle(result.docs, config, today, todayUtc());

  const output = (values.output as string | undefined) ?? DEFAULT_OUTPUT;
  if (output === '-') {
    io.stdout.write(exported.html);
    return 0;
  }
  const target = path.resolve(io.cwd, output);
  try {
    writeFileSync(target, exported.html);
  } catch (error) {
    throw new UsageError(`export: cannot write ${output}: ${(error as Error).message}`);
  }
  const size = Buffer.byteLength(exported.html);
  const shown = target.startsWith(io.cwd + path.sep) ? path.relative(io.cwd, target) : target;
  io.stdout.write(`Wrote ${shown}: ${exported.runbooks} active runbook${exported.runbooks === 1 ? '' : 's'}, ${(size / 1024).toFixed(0)} kB, content sha256:${exported.contentHash.slice(0, 12)}…\n`);
  if (exported.runbooks === 0) io.stderr.write('vigil export: no active runbooks found; the file says so\n');
  return 0;
}
