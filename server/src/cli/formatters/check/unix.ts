import { oneBased } from '../../../core/locate';
import type { Formatter } from '../format';
import { problemsLine, relatedWhere } from '../format';

/**
 * One line per finding, `path:line:col: severity message [rule-id]` (1-based) as compilers print them, for
 * editors' problem matchers and grep; related locations follow as `path:line:col: note …` lines.
 */
export const unix: Formatter = ({ findings, files }) => {
  const lines: string[] = [];
  for (const finding of findings) {
    const { line, column } = oneBased(finding.range.start);
    lines.push(`${finding.file}:${line}:${column}: ${finding.severity} ${finding.message.replace(/\s*\n\s*/g, ' ')} [${finding.rule}]`);
    for (const related of finding.related ?? []) lines.push(`${relatedWhere(related)}: note ${related.message}`);
  }
  if (findings.length > 0) lines.push('', `${problemsLine(findings, files)}.`);
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
};
