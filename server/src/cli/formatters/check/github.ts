import { oneBased } from '../../../core/locate';
import type { Severity } from '../../../core/types';
import { alsoAt, type Formatter } from '../format';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** GitHub Actions workflow commands: one annotation per finding, escaped as the runner requires. */
export const github: Formatter = ({ findings }) =>
  findings
    .map((finding) => {
      const start = oneBased(finding.range.start);
      const end = oneBased(finding.range.end);
      const properties = [
        `file=${escapeProperty(finding.file)}`,
        `line=${start.line}`,
        `col=${start.column}`,
        `endLine=${end.line}`,
        `endColumn=${end.column}`,
        `title=${escapeProperty(`Goalpost ${finding.rule}`)}`,
      ];
      return `::${COMMAND[finding.severity]} ${properties.join(',')}::${escapeData(`${finding.message}${alsoAt(finding)}`)}\n`;
    })
    .join('');

/** Message escaping of the Actions runner (`%`, CR, LF). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property escaping of the Actions runner: data escaping plus `:` and `,`. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
