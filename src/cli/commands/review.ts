import { UsageError, type CliIo } from '../io.js';

export const help = 'Usage: vigil review --help\n';

// Not built yet; see the open issues.
export async function run(_args: string[], _io: CliIo): Promise<number> {
  throw new UsageError('"vigil review" is not available yet in this build');
}
