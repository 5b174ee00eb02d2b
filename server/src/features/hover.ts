/**
 * Hover: the schema's description of a key; the item an id or a reference names (its title, owner and,
 * for goals, targets and progress); the findings under the cursor with their rule's description and doc
 * link. Sections that apply together are shown together, separated by rules.
 */
import { MarkupKind, type Hover, type Position, type Range } from 'vscode-languageserver';
import { URI, Utils } from 'vscode-uri';
import { ruleDocUrl } from '../core/docs';
import { spanToRange } from '../core/locate';
import { SECTION_OF, type Item, type ItemKind, type Target } from '../core/model';
import { itemTitle } from '../core/naming';
import { buildOutline } from '../core/outline';
import { rulesById } from '../core/rules';
import type { Finding, Path } from '../core/types';
import type { Workspace } from '../core/workspace';
import type { DocumentContext } from './support/context';
import { percent, standingText } from './support/goalSummary';
import { samePath } from './support/samePlace';
import { keyAt } from './support/schemaKeys';

const SEPARATOR = '\n\n---\n\n';

const KIND_TITLE: Readonly<Record<ItemKind, string>> = {
  objective: 'Objective',
  department: 'Department',
  audience: 'Audience',
  kpi: 'KPI',
  goal: 'Goal',
};

/** The hover at a position, or null when nothing there has anything to say. */
export function hover(context: DocumentContext, position: Position): Hover | null {
  const node = context.parsed.scalarAt(context.lines.offset(position));
  const sections: string[] = [];
  let range: Range | undefined;
  if (node) {
    const section = node.part === 'key' ? keySection(node.path) : itemSection(context, node.path);
    if (section) {
      sections.push(section);
      range = spanToRange(context.lines, node.span);
    }
  }
  const findings = context.analysis.findings.filter((finding) => finding.file === context.file.uri && contains(finding.range, position));
  for (const finding of findings) sections.push(findingSection(finding));
  if (sections.length === 0) return null;
  range ??= findings[0]?.range;
  return { contents: { kind: MarkupKind.Markdown, value: sections.join(SEPARATOR) }, ...(range && { range }) };
}

/** A key's description from the schema, with its allowed or known values. */
function keySection(path: Path): string | undefined {
  const key = keyAt(path);
  if (!key?.description) return undefined;
  const lines = [key.description];
  const values = key.node.enum ?? key.node.items?.enum;
  if (values) lines.push(`Allowed values: ${values.map((value) => inlineCode(String(value))).join(', ')}.`);
  return lines.join('\n\n');
}

/** The item named by the scalar at `path`: an item's own `id`, or a reference to an item. */
function itemSection(context: DocumentContext, path: Path): string | undefined {
  const { workspace } = context.analysis;
  const uri = context.file.uri;
  let item: Item | undefined;
  if (path.length === 3 && path[2] === 'id' && typeof path[1] === 'number' && Object.values(SECTION_OF).includes(String(path[0]))) {
    for (const candidate of workspace.items()) {
      if (candidate.file === uri && candidate.path[0] === path[0] && candidate.path[1] === path[1]) item = candidate;
    }
  } else {
    const reference = workspace.references.find((candidate) => candidate.file === uri && samePath(candidate.path, path));
    if (reference) item = workspace.find(reference.kind, reference.id);
  }
  return item && describeItem(context, item);
}

/** The markdown that presents an item: a heading line, then its facts as a list. */
function describeItem(context: DocumentContext, item: Item): string {
  const { workspace } = context.analysis;
  const facts: string[] = [];
  let label: string | undefined;
  switch (item.kind) {
    case 'objective': {
      label = item.title;
      if (item.owner !== undefined) facts.push(`Owner: ${nameOf(workspace, 'department', item.owner)}`);
      if (item.metric !== undefined) facts.push(`Metric: ${escape(item.metric)}`);
      if (item.deadline !== undefined) facts.push(`Deadline: ${item.deadline}`);
      const node = buildOutline(context.analysis, item.file).find((root) => root.kind === 'objective' && root.id === item.id);
      if (node?.progress !== undefined) facts.push(`Progress: ${percent(node.progress)}`);
      const goals = workspace.goals.filter((goal) => item.id !== undefined && goal.supports.includes(item.id)).length;
      const kpis = workspace.kpis.filter((kpi) => item.id !== undefined && kpi.supports.includes(item.id)).length;
      facts.push(`Supported by ${count(goals, 'goal')} and ${count(kpis, 'KPI')}`);
      break;
    }
    case 'department': {
      label = item.name;
      const goals = workspace.goals.filter((goal) => goal.department === item.id).length;
      const objectives = workspace.objectives.filter((objective) => objective.owner === item.id).length;
      facts.push(`Owns ${count(objectives, 'objective')} and ${count(goals, 'goal')}`);
      break;
    }
    case 'audience':
      label = item.name;
      facts.push(`Platforms: ${item.platforms.length > 0 ? item.platforms.map(escape).join(', ') : 'none'}`);
      break;
    case 'kpi': {
      label = item.name;
      if (item.metric !== undefined) facts.push(`Metric: ${escape(item.metric)}${item.unit !== undefined ? ` (${escape(item.unit)})` : ''}`);
      if (item.platform !== undefined) facts.push(`Platform: ${escape(item.platform)}`);
      if (item.owners.length > 0) facts.push(`Owners: ${item.owners.map((id) => nameOf(workspace, 'department', id)).join(', ')}`);
      if (item.supports.length > 0) facts.push(`Supports: ${item.supports.map((id) => nameOf(workspace, 'objective', id)).join(', ')}`);
      facts.push(`Targeted by ${count(item.id === undefined ? 0 : workspace.goalsTargeting(item.id).length, 'goal')}`);
      break;
    }
    case 'goal': {
      label = item.title;
      if (item.department !== undefined) facts.push(`Department: ${nameOf(workspace, 'department', item.department)}`);
      if (item.deadline !== undefined) facts.push(`Deadline: ${item.deadline}`);
      facts.push(`Progress: ${standingText(context.analysis, item)}`);
      for (const target of item.targets) facts.push(targetLine(workspace, target));
      break;
    }
  }
  const id = item.id !== undefined ? ` ${inlineCode(item.id)}` : '';
  const lines = [`**${KIND_TITLE[item.kind]}**${id}${label !== undefined ? `: ${escape(label)}` : ''}`, facts.map((fact) => `- ${fact}`).join('\n')];
  if (item.file !== context.file.uri) lines.push(`Defined in ${inlineCode(fileName(item.file))}.`);
  return lines.join('\n\n');
}

/** "Target Website sessions (`sessions`): 1000 → 1200, current 1100". */
function targetLine(workspace: Workspace, target: Target): string {
  const kpi = target.kpi === undefined ? 'an unnamed KPI' : nameOf(workspace, 'kpi', target.kpi);
  const values = `${target.baseline ?? '?'} → ${target.target ?? '?'}${target.current !== undefined ? `, current ${target.current}` : ''}`;
  return `Target ${kpi}: ${values}`;
}

/** A finding with its rule's description and documentation link. */
function findingSection(finding: Finding): string {
  const rule = rulesById.get(finding.rule);
  const lines = [`**${finding.rule}** (${finding.severity}): ${finding.message}`];
  if (rule) lines.push(`${rule.meta.description} [Rule documentation](${ruleDocUrl(finding.rule)})`);
  return lines.join('\n\n');
}

/** "Marketing (`marketing`)", or just "`marketing`" when no such item is defined. */
function nameOf(workspace: Workspace, kind: ItemKind, id: string): string {
  const item = workspace.find(kind, id);
  const name = item && itemTitle(item);
  return name !== undefined ? `${escape(name)} (${inlineCode(id)})` : inlineCode(id);
}

function count(value: number, noun: string): string {
  return `${value} ${noun}${value === 1 ? '' : 's'}`;
}

/** Whether a position falls in a range: LSP ends are exclusive, but an empty range holds its own position. */
function contains(range: Range, position: Position): boolean {
  const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character < b.character);
  if (before(position, range.start)) return false;
  const empty = range.start.line === range.end.line && range.start.character === range.end.character;
  return empty ? !before(range.start, position) : before(position, range.end);
}

/** User text shown as markdown text, not markup: a title with `*` or `_` stays as written. */
function escape(text: string): string {
  return text.replace(/[\\`*_[\]<>#|]/g, '\\$&');
}

/** An id or key as inline code; a backtick inside (only possible in an invalid id) would end the span, so it is shown as a quote. */
function inlineCode(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

function fileName(uri: string): string {
  return Utils.basename(URI.parse(uri));
}
