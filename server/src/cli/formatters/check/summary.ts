/**
 * The GitHub Actions job summary that `check --format github` appends to `$GITHUB_STEP_SUMMARY`: a pull
 * request shows only ten annotations of each kind, the summary shows every finding (up to a cap).
 */
import { HOMEPAGE, ruleDocUrl } from '../../../core/docs';
import { oneBased } from '../../../core/locate';
import type { Severity } from '../../../core/types';
import { IGNORE_DOCS, IGNORED_FILE, plural, summarize, type FormatInput } from '../format';

/** Findings listed in the table at most; GitHub caps a step's summary at 1 MiB. */
export const SUMMARY_MAX_ROWS = 200;

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
const ICON: Record<Severity, string> = { error: '🔴', warning: '🟡', info: '🔵' };

/** The summary as GitHub-flavoured Markdown; every piece of user text is escaped. */
export function summary({ findings, files, rules }: FormatInput, maxRows = SUMMARY_MAX_ROWS): string {
  const counts = summarize(findings);
  const total = findings.length;
  const lines = ['## Goalpost check', ''];
  if (total === 0) {
    lines.push(`✅ ${plural(files.length, 'goal file')} checked, no problems.`, '');
    return `${lines.join('\n')}\n`;
  }
  lines.push(
    `${counts.error > 0 ? '❌' : '⚠️'} ${plural(total, 'problem')} in ${plural(files.length, 'goal file')}.`,
    '',
    '| severity | findings |',
    '| --- | ---: |',
  );
  for (const severity of SEVERITIES) lines.push(`| ${ICON[severity]} ${severity} | ${counts[severity]} |`);
  lines.push('', '| where | severity | rule | message |', '| --- | --- | --- | --- |');
  const documented = new Set(rules.map((meta) => meta.id));
  for (const finding of findings.slice(0, maxRows)) {
    const where = code(`${finding.file}:${oneBased(finding.range.start).line}`);
    const href = documented.has(finding.rule) ? ruleDocUrl(finding.rule) : finding.rule === IGNORED_FILE ? IGNORE_DOCS : `${HOMEPAGE}/issues`;
    lines.push(`| ${where} | ${ICON[finding.severity]} ${finding.severity} | [${code(finding.rule)}](${href}) | ${markdown(finding.message)} |`);
  }
  if (total > maxRows) lines.push('', `…and ${plural(total - maxRows, 'more finding')}: run \`goalpost check\` to see them all.`);
  lines.push('');
  return `${lines.join('\n')}\n`;
}

/**
 * Text for a table cell: Markdown and HTML characters escaped so user text renders as itself, with the
 * `code spans` of Goalpost's messages kept (their content is literal in Markdown; only `|`, which would
 * end the cell even there, is escaped). Line breaks become spaces, since a cell is one line.
 */
export function markdown(text: string): string {
  const parts = text.replace(/\r\n?|\n/g, ' ').split('`');
  // An odd number of parts means balanced backticks; otherwise there are no code spans to keep.
  if (parts.length % 2 === 0) return escapeText(text.replace(/\r\n?|\n/g, ' '));
  return parts.map((part, index) => (index % 2 === 1 ? code(part) : escapeText(part))).join('');
}

/** A code span; content with a backtick, or only spaces, is shown as escaped text instead. */
function code(text: string): string {
  if (text.includes('`') || text.trim() === '') return escapeText(text);
  return `\`${text.replace(/\|/g, '\\|')}\``;
}

/** Backslash-escapes the Markdown punctuation that could start markup (emphasis, links, code, cells) and encodes `<`, `>` and `&`, so nothing becomes markup or a tag. */
function escapeText(text: string): string {
  return text
    .replace(/[\\`*_[\]|~]/g, (char) => `\\${char}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}
