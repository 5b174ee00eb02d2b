import type { Finding } from '../../core/types';
import type { Formatter } from './format';
import { summarize } from './format';

/**
 * The stable JSON contract of SPEC §6: 1-based lines and columns (end column exclusive), files relative to
 * the working directory. Fields are only ever added, never renamed.
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
    line: finding.range.start.line + 1,
    column: finding.range.start.character + 1,
    endLine: finding.range.end.line + 1,
    endColumn: finding.range.end.character + 1,
  };
}
