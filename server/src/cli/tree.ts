import { UsageError } from './errors';
import type { CliIO } from './io';

/** Options of `goalpost tree`. */
export interface TreeOptions {
  readonly today?: string;
  readonly color: boolean;
}

/** Placeholder until `goalpost tree` lands (issue 4): a usage error, never a silent success. */
export async function runTree(paths: readonly string[], options: TreeOptions, io: CliIO): Promise<number> {
  void paths;
  void options;
  void io;
  throw new UsageError('`goalpost tree` is not available yet');
}
