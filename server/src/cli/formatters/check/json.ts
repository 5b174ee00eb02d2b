import { oneBased } from '../../../core/locate';
import type { Finding, Range } from '../../../core/types';
import type { Formatter } from '../format';
import { summarize } from '../format';

/**
 * The stable JSON contract of `goalpost check --format json`: 1-based lines and columns (end column
 * exclusive), files relative to the working directory. Fields are only ever added, never renamed.
 */
export const json: Formatter = ({ findings }) => {
  const output = {
    version: 1,
    findings: findings.map(jsonFinding),
    summary: summarize(findings),
  };
  return `${JSON.stringify(output, null, 2)}\n`;
};

/** One finding in the JSON contract: 1-based lines and columns, end column exclusive. */
export function jsonFinding(finding: Finding) {
  return {
    file: finding.file,
    rule: finding.rule,
    severity: finding.severity,
    message: finding.message,
    ...jsonRange(finding.range),
    // Additive to version 1: the other places the finding points at, when there are any.
    ...(finding.related?.length && {
      related: finding.related.map((related) => ({ file: related.file, ...jsonRange(related.range), message: related.message })),
    }),
  };
}

/** A range in the JSON contract: 1-based lines and columns, end column exclusive. */
function jsonRange(range: Range) {
  const start = oneBased(range.start);
  const end = oneBased(range.end);
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}
