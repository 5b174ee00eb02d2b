/** Work-done progress (`$/progress`) for long server-side work, shown by clients that support it. */
import type { Connection } from 'vscode-languageserver/node';

/** Reports how far a piece of work has come: a percentage (0..100) and what it is doing now. */
export type ReportProgress = (percentage: number, message: string) => void;

/**
 * Runs `work` inside a server-initiated work-done progress when the client said it supports
 * `window.workDoneProgress`; otherwise just runs it. The progress always ends, even when `work` throws.
 */
export async function withWorkDone<T>(connection: Connection, supported: boolean, title: string, work: (report: ReportProgress) => Promise<T>): Promise<T> {
  if (!supported) return work(() => undefined);
  const progress = await connection.window.createWorkDoneProgress().catch(() => undefined);
  if (!progress) return work(() => undefined);
  progress.begin(title, 0, undefined, false);
  try {
    return await work((percentage, message) => progress.report(Math.max(0, Math.min(100, Math.round(percentage))), message));
  } finally {
    progress.done();
  }
}
