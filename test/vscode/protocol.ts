/**
 * The line protocol between the tests inside the extension host and the runner outside it. The extension
 * host's console is the only channel both ends share (code-server relays it through the workbench's
 * `codeAutomationLog`), so the tests print marker lines and the runner parses them here.
 */

/** Environment variables the runner gives code-server, which passes them on to the extension host. */
export const ENV = {
  /** Folder the runner writes `<name>.png` into when a test asks for a screenshot; unset: no screenshots. */
  screenshotDir: 'GOALPOST_SCREENSHOT_DIR',
  /** A mocha `grep` pattern to run only matching tests (for focused runs). */
  grep: 'GOALPOST_TEST_GREP',
} as const;

/** How one mocha test ended. */
export type Outcome = 'passed' | 'failed' | 'skipped';

/** A parsed marker line. */
export type Message =
  /** A test (or a hook, which counts as a failure) finished. */
  | { readonly kind: 'result'; readonly outcome: Outcome; readonly title: string }
  /** A test waits for a screenshot of the workbench written to `<screenshotDir>/<name>.png`. */
  | { readonly kind: 'shot'; readonly name: string };

const PREFIX = '@@';
const OUTCOMES: readonly Outcome[] = ['passed', 'failed', 'skipped'];
/** Screenshot names become file names: keep them plain. */
export const SHOT_NAME = /^[a-z0-9][a-z0-9-]*$/;

/** The line that reports a test's outcome. */
export function resultLine(outcome: Outcome, title: string): string {
  return `${PREFIX}result ${outcome} ${title.replace(/\s+/g, ' ')}`;
}

/** The line that asks the runner for a screenshot. */
export function shotLine(name: string): string {
  if (!SHOT_NAME.test(name)) throw new Error(`Screenshot name "${name}" must be lower-case letters, digits and dashes.`);
  return `${PREFIX}shot ${name}`;
}

/** Parses a console line; undefined when it is not a marker line. */
export function parseLine(line: string): Message | undefined {
  if (!line.startsWith(PREFIX)) return undefined;
  const [keyword, first = '', ...rest] = line.slice(PREFIX.length).trim().split(' ');
  if (keyword === 'result' && (OUTCOMES as readonly string[]).includes(first)) {
    return { kind: 'result', outcome: first as Outcome, title: rest.join(' ') };
  }
  if (keyword === 'shot' && SHOT_NAME.test(first) && rest.length === 0) return { kind: 'shot', name: first };
  return undefined;
}
