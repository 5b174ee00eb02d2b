import { createColors } from 'picocolors';
import { oneBased } from '../../../core/locate';
import type { Finding } from '../../../core/types';
import type { Formatter } from '../format';
import { plural, problemsLine, relatedWhere, summarize, wrap } from '../format';

/** Below this many cells for the message column, wrapping would do more harm than good. */
const MIN_MESSAGE_WIDTH = 30;

/**
 * ESLint's stylish: findings grouped under their file, one aligned `line:col  severity  message  rule` row
 * each (1-based), related locations indented beneath, then a summary of problems and the files that have
 * them. On a terminal (`columns` set) messages wrap to its width and rule ids form a column; pipes and
 * files get one row a finding.
 */
export const stylish: Formatter = ({ findings, files, color, columns }) => {
  const paint = createColors(color);
  const tint = { error: paint.red, warning: paint.yellow, info: paint.blue } as const;
  const lines: string[] = [];
  for (const [file, own] of groupByFile(findings)) {
    const where = own.map((finding) => {
      const { line, column } = oneBased(finding.range.start);
      return `${line}:${column}`;
    });
    const whereWidth = widest(where);
    const severityWidth = widest(own.map((finding) => finding.severity));
    const messageStart = 2 + whereWidth + 2 + severityWidth + 2;
    const ruleWidth = widest(own.map((finding) => finding.rule));
    const room = columns === undefined ? Infinity : columns - messageStart - 2 - ruleWidth;
    const wrapAt = room >= MIN_MESSAGE_WIDTH ? room : Infinity;
    const wrapped = own.map((finding) => wrap(finding.message, wrapAt));
    // On a terminal the rule ids line up too; in a log, padding every message to the longest would bury them.
    const messageWidth = wrapAt === Infinity ? 0 : widest(wrapped.flat());
    lines.push(paint.underline(file));
    own.forEach((finding, index) => {
      const [first, ...rest] = wrapped[index];
      const head = `  ${paint.dim(where[index].padStart(whereWidth))}  ${tint[finding.severity](finding.severity.padEnd(severityWidth))}  `;
      lines.push(`${head}${first.padEnd(messageWidth)}  ${paint.dim(finding.rule)}`);
      for (const part of rest) lines.push(`${' '.repeat(messageStart)}${part}`);
      // The other places a finding points at (the second definition of a duplicate id), one indented line each.
      for (const related of finding.related ?? []) {
        for (const part of wrap(`also at ${relatedWhere(related)}: ${related.message}`, wrapAt)) lines.push(paint.dim(`${' '.repeat(messageStart)}${part}`));
      }
    });
    lines.push('');
  }
  const counts = summarize(findings);
  if (findings.length === 0) lines.push(paint.green(`✔ ${plural(files.length, 'file')} checked, no problems.`));
  else lines.push(paint.bold(`${counts.error > 0 ? paint.red('✖') : paint.yellow('⚠')} ${problemsLine(findings, files)}.`));
  return `${lines.join('\n')}\n`;
};

/** The length of the longest text. */
function widest(texts: readonly string[]): number {
  let width = 0;
  for (const text of texts) width = Math.max(width, text.length);
  return width;
}

/** Findings by file, in the order they come (already sorted by file, line and column). */
function groupByFile(findings: readonly Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const group = groups.get(finding.file);
    if (group) group.push(finding);
    else groups.set(finding.file, [finding]);
  }
  return groups;
}
