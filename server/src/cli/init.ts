import { UsageError } from './errors';
import type { CliIO } from './io';


/** Placeholder until `goalpost init` lands (issue 4): a usage error, never a silent success. */
export async function runInit(file: string, io: CliIO): Promise<number> {
  void file;
  void io;
  throw new UsageError('`goalpost init` is not available yet');
}
