import { UsageError } from './errors';
import type { CliIO } from './io';

/** Options of `goalpost diff`. */
export interface DiffOptions {
  readonly format: 'markdown' | 'json';
  readonly today?: string;
  readonly outputFile?: string;
}

/** Placeholder until `goalpost diff` lands (issue 4): a usage error, never a silent success. */
export async function runDiff(base: string, head: string | undefined, options: DiffOptions, io: CliIO): Promise<number> {
  void base;
  void head;
  void options;
  void io;
  throw new UsageError('`goalpost diff` is not available yet');
}
