import { UsageError, type CliIo } from '../io.js';

export const help = 'Usage: vigil links --help\n';

// Not built yet; see the open issues.
export async function run(_args: string[], _io: CliIo): Promise<number> {
  throw new UsageError('"vigil links" is not available yet in this build');
}
