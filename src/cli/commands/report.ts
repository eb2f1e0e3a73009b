import { UsageError, type CliIo } from '../io.js';

export const help = 'Usage: vigil report --help\n';

// Not built yet; see the open issues.
export async function run(_args: string[], _io: CliIo): Promise<number> {
  throw new UsageError('"vigil report" is not available yet in this build');
}
