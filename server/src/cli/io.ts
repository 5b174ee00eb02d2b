/** The CLI's contracts with its process: injected I/O, exit codes, parsed options. */

/** Everything the CLI touches of its process, injected. */
export interface CliIO {
  readonly argv: readonly string[];
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Whether stdout is a terminal (colour is used only then, and never with NO_COLOR). */
  readonly stdoutIsTTY: boolean;
  /** The clock, for the default check date. */
  readonly now: () => Date;
}

/** The machine's local calendar date, `YYYY-MM-DD`: "today" as the person running the CLI means it. */
export function localDate(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Exit codes, documented in the README. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

/** Options of `goalpost check` as commander parses them. */
export interface CheckOptions {
  readonly format: string;
  readonly maxWarnings?: number;
  readonly today?: string;
  readonly config?: string;
  readonly outputFile?: string;
  readonly color: boolean;
}
