import { createColors } from 'picocolors';
import type { Formatter } from './format';
import { oneBased, plural, relatedWhere, summarize } from './format';

/** One line per finding, `path:line:col severity message rule-id` (1-based), then a summary line. */
export const stylish: Formatter = ({ findings, files, color }) => {
  const paint = createColors(color);
  const tint = { error: paint.red, warning: paint.yellow, info: paint.blue } as const;
  const lines: string[] = [];
  for (const finding of findings) {
    const { line, column } = oneBased(finding.range.start);
    lines.push(`${paint.underline(`${finding.file}:${line}:${column}`)} ${tint[finding.severity](finding.severity)} ${finding.message} ${paint.dim(finding.rule)}`);
    // The other places a finding points at (the second definition of a duplicate id), one indented line each.
    for (const related of finding.related ?? []) lines.push(paint.dim(`    also at ${relatedWhere(related)}: ${related.message}`));
  }
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
