import type { DiffSection, FieldChange, ItemChange, ItemSummary, KindDiff, TargetChange, TargetSummary } from '../../../core/diff';
import { DIFF_SECTIONS, isEmptyDiff, SEVERITY_ORDER } from '../../../core/diff';
import { oneBased } from '../../../core/locate';
import type { Finding, Severity } from '../../../core/types';
import type { DiffFormatter, DiffRevision } from './format';
import { plural, summarize } from '../format';
import { appendAll } from '../../../core/arrays';
import { diagramSection } from './diagram';

/** The hidden first line of the comment, by which a CI job finds its earlier comment and updates it in place. */
export const DIFF_MARKER = '<!-- goalpost-diff -->';

const HEADING: Readonly<Record<DiffSection, string>> = {
  objectives: 'Objectives',
  goals: 'Goals',
  kpis: 'KPIs',
  departments: 'Departments',
  audiences: 'Audiences',
};

/** Sections shown in the summary table even when nothing changed in them; the others only when something did. */
const ALWAYS_SHOWN: readonly DiffSection[] = ['objectives', 'goals', 'kpis'];

/**
 * The diff as a pull-request comment (GitHub-flavoured markdown): the marker, a heading, a summary table of
 * counts, the diagram of the changed part (when given the graphs), then the details in collapsible
 * `<details>` sections. Every text from a goals file is escaped, so a
 * title with `|`, `<` or backticks shows as written and never breaks the layout.
 */
export const diffMarkdown: DiffFormatter = ({ diff, base, head, graphs }) => {
  const out: string[] = [DIFF_MARKER, '### Goalpost: strategy changes', '', `Comparing ${revision(base)} → ${revision(head)}.`, ''];
  if (isEmptyDiff(diff)) {
    out.push('No change to the strategy: no objective, goal or KPI changed, and no finding was introduced or fixed.');
    return `${out.join('\n')}\n`;
  }

  out.push('| Strategy | Added | Removed | Changed |', '| :-- | --: | --: | --: |');
  for (const section of DIFF_SECTIONS) {
    const { added, removed, changed } = diff[section];
    if (!ALWAYS_SHOWN.includes(section) && added.length + removed.length + changed.length === 0) continue;
    out.push(`| ${HEADING[section]} | ${added.length} | ${removed.length} | ${changed.length} |`);
  }
  const introduced = summarize(diff.findings.introduced);
  const fixed = summarize(diff.findings.fixed);
  out.push('', '| Findings | Errors | Warnings | Info |', '| :-- | --: | --: | --: |');
  out.push(`| Introduced | ${SEVERITY_ORDER.map((severity) => introduced[severity]).join(' | ')} |`);
  out.push(`| Fixed | ${SEVERITY_ORDER.map((severity) => fixed[severity]).join(' | ')} |`);
  const gone = summarize(diff.findings.removedWithItems);
  if (diff.findings.removedWithItems.length > 0) out.push(`| Removed with their items | ${SEVERITY_ORDER.map((severity) => gone[severity]).join(' | ')} |`);

  // A file broken on one side only changes what the diff shows; one broken on both sides is only left out.
  const brokenInHead = new Set(diff.files.unparsableInHead);
  const brokenInBase = new Set(diff.files.unparsableInBase);
  const brokenInBoth = diff.files.unparsableInBase.filter((file) => brokenInHead.has(file));
  const notes = [
    ...diff.files.unparsableInBase
      .filter((file) => !brokenInHead.has(file))
      .map(
        (file) => `> [!NOTE]\n> ${code(file)} has YAML errors in the base revision, so its items there are left out: those it holds in the head show as added.`,
      ),
    ...diff.files.unparsableInHead
      .filter((file) => !brokenInBase.has(file))
      .map((file) => `> [!WARNING]\n> ${code(file)} has YAML errors in the head, so its items there are left out: those it held in the base show as removed.`),
    ...(brokenInBoth.length > 0 ? [`> [!NOTE]\n> Left out, with YAML errors in both revisions: ${brokenInBoth.map(code).join(', ')}.`] : []),
  ];
  if (notes.length > 0) out.push('', notes.join('\n\n'));
  if (graphs) appendAll(out, diagramSection(diff, graphs));

  for (const section of DIFF_SECTIONS) {
    const body = kindDetails(diff[section]);
    if (body.length > 0) appendAll(out, ['', ...details(`${HEADING[section]}: ${counts(diff[section])}`, body)]);
  }
  if (diff.files.added.length + diff.files.removed.length > 0) {
    const body = [...diff.files.added.map((file) => `- added ${code(file)}`), ...diff.files.removed.map((file) => `- removed ${code(file)}`)];
    appendAll(out, [
      '',
      ...details(
        `Goals files: ${[diff.files.added.length > 0 && `${diff.files.added.length} added`, diff.files.removed.length > 0 && `${diff.files.removed.length} removed`].filter(Boolean).join(', ')}`,
        body,
      ),
    ]);
  }
  // New errors are what a reviewer must see: their section is open.
  if (diff.findings.introduced.length > 0) {
    appendAll(out, ['', ...details(`Findings introduced: ${severityCounts(introduced)}`, diff.findings.introduced.map(findingLine), introduced.error > 0)]);
  }
  if (diff.findings.fixed.length > 0) appendAll(out, ['', ...details(`Findings fixed: ${severityCounts(fixed)}`, diff.findings.fixed.map(findingLine))]);
  if (diff.findings.removedWithItems.length > 0) {
    const body = diff.findings.removedWithItems.map(findingLine);
    appendAll(out, ['', ...details(`Findings removed with their items (not fixed): ${severityCounts(gone)}`, body)]);
  }
  return `${out.join('\n')}\n`;
};

function revision(side: DiffRevision): string {
  if (side.commit === null) return 'the working tree';
  const short = side.commit.slice(0, 7);
  return side.revision === null || side.revision === side.commit || side.commit.startsWith(side.revision)
    ? code(short)
    : `${code(side.revision)} (${code(short)})`;
}

/** A collapsible section; the blank lines around the body let GitHub render it as markdown. */
function details(summary: string, body: readonly string[], open = false): string[] {
  return [`<details${open ? ' open' : ''}><summary>${html(summary)}</summary>`, '', ...body, '', '</details>'];
}

function counts(kind: KindDiff): string {
  const parts = [
    kind.added.length > 0 && `${kind.added.length} added`,
    kind.removed.length > 0 && `${kind.removed.length} removed`,
    kind.changed.length > 0 && `${kind.changed.length} changed`,
  ];
  return parts.filter(Boolean).join(', ');
}

function severityCounts(counted: Record<Severity, number>): string {
  return SEVERITY_ORDER.filter((severity) => counted[severity] > 0)
    .map((severity) => (severity === 'info' ? `${counted.info} info` : plural(counted[severity], severity)))
    .join(', ');
}

function kindDetails(kind: KindDiff): string[] {
  const out: string[] = [];
  if (kind.added.length > 0) appendAll(out, ['**Added**', '', ...kind.added.map((item) => `- ${itemLine(item)}`), '']);
  if (kind.removed.length > 0) appendAll(out, ['**Removed**', '', ...kind.removed.map((item) => `- ${itemLine(item)}`), '']);
  if (kind.changed.length > 0) appendAll(out, ['**Changed**', '', ...kind.changed.flatMap(changedLines), '']);
  if (out.length > 0) out.pop();
  return out;
}

/** "`id` Title — `file`". */
function itemLine(item: ItemSummary): string {
  return `${code(item.id)}${item.title === undefined ? '' : ` ${text(item.title)}`} — ${code(item.file)}`;
}

function changedLines(change: ItemChange): string[] {
  const lines = [`- ${itemLine(change)}`];
  if (change.movedFrom !== undefined) lines.push(`  - moved from ${code(change.movedFrom)} to ${code(change.file)}`);
  for (const field of change.changes) lines.push(`  - ${fieldLine(field)}`);
  for (const target of change.targets?.added ?? []) lines.push(`  - target added${onKpi(target.kpi)}: ${targetValues(target)}`);
  for (const target of change.targets?.removed ?? []) lines.push(`  - target removed${onKpi(target.kpi)}: ${targetValues(target)}`);
  for (const target of change.targets?.changed ?? []) lines.push(`  - target${onKpi(target.kpi)}: ${targetChanges(target)}`);
  return lines;
}

function onKpi(kpi: string | undefined): string {
  return kpi === undefined ? ' without a KPI' : ` on ${code(kpi)}`;
}

function targetValues(target: TargetSummary): string {
  const parts = (['baseline', 'target', 'current', 'direction'] as const)
    .filter((key) => target[key] !== undefined)
    .map((key) => `${key} ${code(String(target[key]))}`);
  return parts.length > 0 ? parts.join(', ') : 'no values';
}

function targetChanges(target: TargetChange): string {
  return target.changes.map(fieldLine).join('; ');
}

/** "**deadline** `2027-06-30` → `2027-09-30`", "**supports** + `a`, − `b`". */
function fieldLine(change: FieldChange): string {
  if ('added' in change) {
    const parts = [...change.added.map((id) => `+ ${code(id)}`), ...change.removed.map((id) => `− ${code(id)}`)];
    return `**${change.field}** ${parts.join(', ')}`;
  }
  const show = (value: string | number | undefined) => {
    if (value === undefined) return '_unset_';
    if (typeof value === 'string' && (change.field === 'title' || change.field === 'name')) return `“${text(value)}”`;
    return code(String(value));
  };
  return `**${change.field}** ${show(change.before)} → ${show(change.after)}`;
}

function findingLine(finding: Finding): string {
  const { line, column } = oneBased(finding.range.start);
  return `- **${finding.severity}** ${code(`${finding.file}:${line}:${column}`)} ${message(finding.message)} (${code(finding.rule)})`;
}

/**
 * A finding's message, whose rules quote ids and values in backticks: each quoted part becomes a code span
 * and the rest is escaped text. A value that itself holds a backtick may split oddly, but never unsafely,
 * since both parts are escaped.
 */
export function message(value: string): string {
  return value
    .split(/`([^`\n]+)`/)
    .map((part, index) => (index % 2 === 1 ? code(part) : text(part)))
    .join('');
}

/**
 * User text as inline markdown that shows exactly as written: one line, the punctuation that means
 * something inside a line backslash-escaped (`$` included: GitHub renders `$…$` as math), `&`, `<`,
 * `>` as entities so no HTML is ever formed, and `@`/`#` before a word broken so no mention or issue link forms.
 */
export function text(value: string): string {
  return (
    oneLine(value)
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/[\\`*_[\]|~$]/g, (char) => `\\${char}`)
      // A title such as "reach @someone" must not notify that person from a PR comment, nor `#12` link an issue.
      .replace(/([@#])(?=[A-Za-z0-9])/g, '$1\u200b')
  );
}

/**
 * User text as a code span that shows exactly as written: a backtick fence longer than any run inside,
 * padded when the text starts or ends with a backtick. Code spans never go into tables, where `|` would
 * end the cell.
 */
export function code(value: string): string {
  const line = oneLine(value);
  const longest = (line.match(/`+/g) ?? []).reduce((most, run) => Math.max(most, run.length), 0);
  const fence = '`'.repeat(longest + 1);
  const pad = line.startsWith('`') || line.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${line}${pad}${fence}`;
}

/** Text for inside an HTML element (the `<summary>`). */
function html(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Newlines and control characters would end a list item or a table row: they become spaces. */
function oneLine(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u001F\u007F\u2028\u2029]+/g, ' ');
}
