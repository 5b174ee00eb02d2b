/**
 * Turns what the workbench logs into the run's output: formats its printf-style lines, keeps the
 * marker lines of the test protocol out of it, counts the results and passes screenshot requests on.
 */
import { format } from 'node:util';
import { parseLine, type Outcome } from '../protocol';

const GALLERY_UNREACHABLE = /ENOTFOUND open-vsx\.org/;

/** How many tests ended which way. */
export type Counts = Record<Outcome, number>;

/** Reads the log lines of one run. */
export class TestLog {
  /** The results counted so far. */
  readonly counts: Counts = { passed: 0, failed: 0, skipped: 0 };

  constructor(
    private readonly print: (line: string) => void,
    private readonly onShot: (name: string) => void,
  ) {}

  /** Handles one `codeAutomationLog` call. */
  receive(type: string, args: readonly unknown[]): void {
    const [template, ...values] = args;
    const text = typeof template === 'string' ? format(template, ...values) : format(...args);
    // Without network the workbench fails to reach the extension gallery; that says nothing about the tests.
    if (type === 'error' && GALLERY_UNREACHABLE.test(text)) return;
    for (const line of text.split('\n')) this.line(type, line);
  }

  private line(type: string, line: string): void {
    const message = parseLine(line.trim());
    if (!message) {
      // The workbench also reports its errors here; say which they are, tests' output goes as it is.
      this.print(type === 'error' ? `[workbench error] ${line}` : line);
      return;
    }
    switch (message.kind) {
      case 'result':
        this.counts[message.outcome] += 1;
        return;
      case 'shot':
        this.onShot(message.name);
        return;
      default:
        return assertNever(message);
    }
  }
}

/** The closing line CI reads. */
export function summaryLine(counts: Counts): string {
  return `${counts.passed} passed, ${counts.failed} failed${counts.skipped > 0 ? `, ${counts.skipped} skipped` : ''}`;
}

function assertNever(value: never): never {
  throw new Error(`Unhandled test protocol message ${JSON.stringify(value)}`);
}
