import { createColors } from 'picocolors';
import type { Formatter } from './format';
import { plural, summarize } from './format';

/** One line per finding, `path:line:col severity message rule-id` (1-based), then a summary line. */
export const stylish: Formatter = ({ findings, files, color }) => {
  const paint = createColors(color);
  const tint = { error: paint.red, warning: paint.yellow, info: paint.blue } as const;
  const lines = findings.map(
    (finding) =>
      `${paint.underline(`${finding.file}:${finding.range.start.line + 1}:${finding.range.start.character + 1}`)} ${tint[finding.severity](finding.severity)} ${finding.message} ${paint.dim(finding.rule)}`,
  );
  const counts = summarize(findings);
  const total = counts.error + counts.warning + counts.info;
  const checked = plural(files.length, 'file');
  if (total === 0) lines.push(paint.green(`✔ ${checked} checked, no problems.`));
  else {
    const mark = counts.error > 0 ? paint.red('✖') : paint.yellow('⚠');
    lines.push('', `${mark} ${plural(total, 'problem')} (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info) in ${checked}.`);
  }
  return `${lines.join('\n')}\n`;
};
