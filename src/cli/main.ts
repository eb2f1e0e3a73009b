// Arguments → command → exit code. The only place that maps the process onto the core.
import { readFileSync } from 'node:fs';
import { suggestion } from '../core/didYouMean.js';
import { UsageError, processIo, type CliIo } from './io.js';

interface Command {
  summary: string;
  load(): Promise<{ run(args: string[], io: CliIo): Promise<number> }>;
}

const COMMANDS: Record<string, Command> = {
  check: { summary: 'check documents (exit 1 on errors)', load: () => import('./commands/check.js') },
  links: { summary: 'check status pages over the network, with progress', load: () => import('./commands/links.js') },
  report: { summary: 'documents due within a window, grouped by owner', load: () => import('./commands/report.js') },
  new: { summary: 'scaffold a document that passes once filled in', load: () => import('./commands/new.js') },
  review: { summary: 'mark a document reviewed, changing nothing else', load: () => import('./commands/review.js') },
  init: { summary: 'adopt Vigil in this repository: write the config and workflows', load: () => import('./commands/init.js') },
  export: { summary: 'write the break-glass bundle: every active runbook in one offline HTML file', load: () => import('./commands/export.js') },
};

/** The command of that name; only the table's own keys (never `constructor`, `__proto__`…). */
function commandNamed(name: string): Command | undefined {
  return Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
}

export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  const lines = Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`);
  return `Usage: vigil <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun "vigil help <command>" (or "vigil <command> --help") for a command's options;
"vigil --version" (-v) prints the version.\n`;
}

export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...args] = argv;
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${version()}\n`);
    return 0;
  }
  if (name === undefined || name === '--help' || name === '-h') {
    io.stdout.write(usage());
    return name === undefined ? 2 : 0;
  }
  // `vigil help check` is `vigil check --help`.
  if (name === 'help') return args.length === 0 ? (io.stdout.write(usage()), 0) : main([args[0], '--help'], io);
  const command = commandNamed(name);
  if (!command) {
    const hint = name.startsWith('-') ? '' : suggestion(name, Object.keys(COMMANDS));
    io.stderr.write(`vigil: unknown ${name.startsWith('-') ? 'option' : 'command'} "${name}"${hint}\n\n${usage()}`);
    return 2;
  }
  try {
    const module = await command.load();
    return await module.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`vigil: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
