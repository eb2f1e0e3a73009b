import { UsageError, type CliIo } from '../io.js';

export const help = 'Usage: vigil new --help\n';

// Not built yet; see the open issues.
export async function run(_args: string[], _io: CliIo): Promise<number> {
  throw new UsageError('"vigil new" is not available yet in this build');
}
