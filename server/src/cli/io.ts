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
  /** The terminal's width when stdout is a terminal: stylish wraps and `tree` fits to it. */
  readonly stdoutColumns?: number;
  /** Reads all of standard input (for `check -`). */
  readonly readStdin?: () => Promise<string>;
}

/**
 * Whether to colour stdout, as ESLint and picocolors decide: never with `--no-color`; `FORCE_COLOR`
 * (any value but `0` or `false`) forces it, `NO_COLOR` forbids it, else only on a terminal.
 */
export function wantsColor(flag: boolean, io: CliIO): boolean {
  if (!flag) return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return io.stdoutIsTTY && !io.env.NO_COLOR;
}

/** The width to fit output to: the terminal's own on a terminal, else none (pipes and files are never wrapped). */
export function terminalWidth(io: CliIO): number | undefined {
  return io.stdoutIsTTY && io.stdoutColumns !== undefined && io.stdoutColumns > 0 ? io.stdoutColumns : undefined;
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
  /** Errors only. */
  readonly quiet?: boolean;
  /** False with `--no-ignore`: the config's `ignore` globs are not applied. */
  readonly ignore: boolean;
  /** The path the text read from stdin (`-`) is checked as. */
  readonly stdinFilename?: string;
  /** Print the effective configuration of this file instead of checking. */
  readonly printConfig?: string;
  /** Write the safe fixes to disk. */
  readonly fix?: boolean;
  /** Print the safe fixes as a diff, write nothing. */
  readonly fixDryRun?: boolean;
  /** Terminal width for wrapping stylish messages (a terminal only). */
  readonly columns?: number;
}
