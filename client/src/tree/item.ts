/**
 * How a node looks in the Goals view: label, status icon in a theme colour, a description such as
 * `64% · on track`, a markdown tooltip (owner, dates, targets, findings), and a click that reveals the
 * item's source.
 */
import * as vscode from 'vscode';
import { OUTLINE_STATUS_WORD, type FindingCounts, type OutlineItem, type OutlineStatus } from '../../../server/src/protocol';
import { COMMAND } from '../ids';
import type { GoalNode } from './node';

/** Each status's codicon and theme colour: colour carries meaning, the shape carries it too for colour-blind users. */
export const STATUS_ICON: Readonly<Record<OutlineStatus, { readonly id: string; readonly color: string }>> = {
  done: { id: 'pass-filled', color: 'charts.green' },
  'on-track': { id: 'circle-filled', color: 'charts.green' },
  'at-risk': { id: 'warning', color: 'charts.yellow' },
  'off-track': { id: 'arrow-circle-down', color: 'charts.red' },
  missed: { id: 'circle-slash', color: 'charts.red' },
  'not-started': { id: 'circle-outline', color: 'disabledForeground' },
  'no-data': { id: 'circle-large-outline', color: 'descriptionForeground' },
  'has-errors': { id: 'error', color: 'problemsErrorIcon.foreground' },
};

/** Icons of the nodes that have no status of their own. */
const KIND_ICON: Readonly<Record<OutlineItem['kind'], { readonly id: string; readonly color?: string }>> = {
  objective: { id: 'target', color: 'charts.blue' },
  department: { id: 'organization', color: 'charts.blue' },
  goal: { id: 'circle-large-outline', color: 'descriptionForeground' },
  target: { id: 'graph-line' },
  kpi: { id: 'graph' },
  unaligned: { id: 'debug-disconnect', color: 'charts.orange' },
  unassigned: { id: 'organization', color: 'disabledForeground' },
};

/** The tree item of a node. */
export function treeItem(node: GoalNode): vscode.TreeItem {
  const { item } = node;
  const collapsible =
    node.children.length === 0
      ? vscode.TreeItemCollapsibleState.None
      : item.kind === 'goal'
        ? vscode.TreeItemCollapsibleState.Collapsed
        : vscode.TreeItemCollapsibleState.Expanded;
  const treeItem = new vscode.TreeItem(label(item), collapsible);
  treeItem.id = node.id;
  treeItem.description = description(item);
  treeItem.iconPath = icon(item);
  treeItem.tooltip = tooltip(item);
  treeItem.contextValue = `goalpost.${item.kind}`;
  if (item.uri && item.range) treeItem.command = { command: COMMAND.revealItem, title: 'Go to Source', arguments: [node] };
  return treeItem;
}

/** The label: a target shows its KPI's name (its numbers are the description), the unaligned group a short name. */
function label(item: OutlineItem): string {
  if (item.kind === 'unaligned') return 'Unaligned';
  if (item.kind === 'target' && item.figures) return item.figures.kpiName ?? item.figures.kpi ?? item.label;
  return item.label;
}

/** The status that decides the icon: errors win; an objective or department has errors or nothing. */
export function effectiveStatus(item: OutlineItem): OutlineStatus | undefined {
  if (item.worst === 'error') return 'has-errors';
  return item.status;
}

/** The item's icon: its status's when it has one, else its kind's. */
export function icon(item: OutlineItem): vscode.ThemeIcon {
  const status = effectiveStatus(item);
  const look = status ? STATUS_ICON[status] : KIND_ICON[item.kind];
  return new vscode.ThemeIcon(look.id, look.color ? new vscode.ThemeColor(look.color) : undefined);
}

/** `64% · on track · 1 error`, `1000 → 1500 → 2000 · 50%`, `not linked to a business objective`. */
export function description(item: OutlineItem): string {
  const parts: string[] = [];
  switch (item.kind) {
    case 'unaligned':
      parts.push('not linked to a business objective');
      break;
    case 'target': {
      const figures = item.figures;
      if (figures) parts.push(`${number(figures.baseline)} → ${number(figures.current)} → ${number(figures.target)}`);
      if (item.progress !== undefined) parts.push(percent(item.progress));
      break;
    }
    case 'kpi':
      if (item.owner) parts.push(item.owner);
      break;
    case 'goal':
    case 'objective':
    case 'department':
    case 'unassigned':
      if (item.progress !== undefined) parts.push(percent(item.progress));
      if (item.status && item.status !== 'has-errors') parts.push(OUTLINE_STATUS_WORD[item.status]);
      break;
    default:
      item.kind satisfies never;
  }
  const counts = countsText(item.findings);
  if (counts) parts.push(counts);
  return parts.join(' · ');
}

/** The tooltip: what the item is, where it stands, who owns it, when, its targets and its findings. */
export function tooltip(item: OutlineItem): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown('**').appendText(label(item)).appendMarkdown('**');
  if (item.id) md.appendMarkdown(` \u00a0\`${item.id.replace(/`/g, '')}\``);
  md.appendMarkdown('\n\n');
  const status = effectiveStatus(item);
  const facts: string[] = [];
  if (status) facts.push(`$(${STATUS_ICON[status].id}) ${OUTLINE_STATUS_WORD[status]}`);
  if (item.progress !== undefined) facts.push(`${percent(item.progress)} of the way`);
  if (facts.length > 0) md.appendMarkdown(`${facts.join(' · ')}\n\n`);
  if (item.owner)
    md.appendMarkdown(item.kind === 'goal' ? 'Department: ' : 'Owner: ')
      .appendText(item.owner)
      .appendMarkdown('\n\n');
  if (item.start || item.deadline)
    md.appendMarkdown(`${item.start ? `From ${item.start} ` : ''}${item.deadline ? `${item.start ? 'to' : 'Due'} ${item.deadline}` : ''}\n\n`);
  const targets = item.kind === 'target' ? [item] : item.children.filter((child) => child.kind === 'target');
  for (const target of targets) {
    const figures = target.figures;
    if (!figures) continue;
    md.appendMarkdown('- ').appendText(figures.kpiName ?? figures.kpi ?? 'unknown KPI');
    md.appendMarkdown(`: ${number(figures.baseline)} → ${number(figures.current)} → ${number(figures.target)}`);
    if (figures.unit) md.appendMarkdown(' ').appendText(figures.unit);
    if (target.progress !== undefined) md.appendMarkdown(` (${percent(target.progress)})`);
    md.appendMarkdown('\n');
  }
  if (targets.length > 0) md.appendMarkdown('\n');
  const counts = countsText(item.findings);
  if (counts) md.appendMarkdown(`$(warning) ${counts} (see the Problems view)\n\n`);
  if (item.kind === 'unaligned')
    md.appendMarkdown('Goals and KPIs that support no business objective: work that cannot show what it does for the business.\n\n');
  if (item.kind === 'unassigned') md.appendMarkdown('Goals that no known department owns.\n\n');
  return md;
}

/** "1 error, 2 warnings", or '' when there are none. */
export function countsText(counts: FindingCounts | undefined): string {
  if (!counts) return '';
  const said = [plural(counts.error, 'error'), plural(counts.warning, 'warning'), counts.info > 0 ? `${counts.info} info` : ''];
  return said.filter(Boolean).join(', ');
}

function plural(count: number, word: string): string {
  return count === 0 ? '' : `${count} ${word}${count === 1 ? '' : 's'}`;
}

function percent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}

function number(value: number | undefined): string {
  return value === undefined ? '?' : value.toLocaleString('en-US');
}
