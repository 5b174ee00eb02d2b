/** The one signature every output format shares, as in Spectral and markdownlint-cli2. */
import { createHash } from 'node:crypto';
import { HOMEPAGE } from '../../core/docs';
import { oneBased } from '../../core/locate';
import type { RuleMeta } from '../../core/rule';
import type { Finding, RelatedLocation, Severity } from '../../core/types';

/** What a formatter receives. Finding files are paths relative to the working directory, with `/`. */
export interface FormatInput {
  readonly findings: readonly Finding[];
  /** Every checked file (relative), including those without findings. */
  readonly files: readonly string[];
  /** Metadata of every rule, in catalogue order. */
  readonly rules: readonly RuleMeta[];
  /** Goalpost's version, for tool metadata. */
  readonly version: string;
  /** Whether to colour the output (stylish only). */
  readonly color: boolean;
  /** The terminal's width, when stdout is one: stylish wraps messages to it. Never set for pipes and files. */
  readonly columns?: number;
  /** `--max-warnings` when it limits (0 or more): warnings beyond it fail the check, so JUnit counts them as failures. */
  readonly maxWarnings?: number;
}

/**
 * The "rule" of the warning on a file named on the command line that an `ignore` glob skips (ESLint's
 * "File ignored because of a matching ignore pattern"): no rule of the catalogue, so no rule page.
 */
export const IGNORED_FILE = 'ignored-file';

/** Where the `ignore` globs are documented: the help link of an `ignored-file` warning. */
export const IGNORE_DOCS = `${HOMEPAGE}#configuration`;

/** Turns results into the text written to stdout or the output file. */
export type Formatter = (input: FormatInput) => string;

/** Counts of findings by severity. */
export function summarize(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

/** A count and its noun: "2 errors", "1 warning", "0 infos". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * A fingerprint per finding that survives lines moving: a hash of rule, file, message and which occurrence
 * of that triple it is, never the line. SARIF `partialFingerprints` and GitLab Code Quality share it.
 */
export function fingerprints(findings: readonly Finding[]): string[] {
  const occurrences = new Map<string, number>();
  return findings.map((finding) => {
    const identity = `${finding.rule}\u0000${finding.file}\u0000${finding.message}`;
    const occurrence = occurrences.get(identity) ?? 0;
    occurrences.set(identity, occurrence + 1);
    return createHash('sha256').update(`${identity}\u0000${occurrence}`).digest('hex').slice(0, 32);
  });
}

/** `file:line:col` (1-based) of a related location, for the outputs that show it as text. */
export function relatedWhere(related: RelatedLocation): string {
  const { line, column } = oneBased(related.range.start);
  return `${related.file}:${line}:${column}`;
}

/** " (also at a.goals.yaml:3:7, b.goals.yaml:9:7)" for a message, or '' when the finding points nowhere else. */
export function alsoAt(finding: Finding): string {
  return finding.related?.length ? ` (also at ${finding.related.map(relatedWhere).join(', ')})` : '';
}

/** "9 problems (4 errors, 4 warnings, 1 info) in 2 of 8 files": the closing line of the text formats. */
export function problemsLine(findings: readonly Finding[], files: readonly string[]): string {
  const counts = summarize(findings);
  const withProblems = new Set(findings.map((finding) => finding.file)).size;
  const breakdown = `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.info, 'info')}`;
  return `${plural(findings.length, 'problem')} (${breakdown}) in ${withProblems} of ${plural(files.length, 'file')}`;
}

/** Words of a message in lines of at most `width` characters (a longer word stands alone); one line when `width` is Infinity. */
export function wrap(text: string, width: number): string[] {
  const oneLine = text.replace(/\s*\n\s*/g, ' ');
  if (oneLine.length <= width) return [oneLine];
  const out: string[] = [];
  let line = '';
  for (const word of oneLine.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  out.push(line);
  return out;
}
