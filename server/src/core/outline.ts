/**
 * The outline model: objective → goals that support it → their targets (each with its KPI), with progress
 * and status. The tree view, the preview and `goalpost tree` all show this one model.
 */
import type { Analysis } from './lint';
import type { Goal, Item, Target } from './model';
import { goalProgress, goalStatus, targetProgress, isReached, type Status } from './progress';
import type { Range, Severity } from './types';

/** The kinds of outline nodes. */
export type OutlineKind = 'objective' | 'goal' | 'target' | 'unaligned';

/** The status of a node: a goal's progress status, or `has-errors` when error findings sit on it. */
export type OutlineStatus = Status | 'has-errors';

/** One node of the outline. */
export interface OutlineNode {
  readonly kind: OutlineKind;
  /** The item's id; for a target, the KPI id; absent for the unaligned group. */
  readonly id?: string;
  readonly label: string;
  /** The file the node is defined in, and its 0-based range there (the item's head). */
  readonly file?: string;
  readonly range?: Range;
  /** 0..1 where measurable. */
  readonly progress?: number;
  readonly status?: OutlineStatus;
  /** The worst severity of findings inside the node's own item, if any. */
  readonly worst?: Severity;
  readonly children: readonly OutlineNode[];
}

/** The outline of a whole workspace, or of the items of one file when `file` is given. */
export function buildOutline(analysis: Analysis, file?: string): OutlineNode[] {
  const { workspace } = analysis;
  const worstByItem = worstSeverities(analysis);
  const head = (item: Item) => analysis.rangeOf(item.file, { path: item.path, part: 'head' });
  const inScope = (item: Item) => file === undefined || item.file === file;
  const childrenOf = new Map<string, Goal[]>();
  for (const goal of workspace.goals) {
    if (goal.parent === undefined) continue;
    const list = childrenOf.get(goal.parent);
    if (list) list.push(goal);
    else childrenOf.set(goal.parent, [goal]);
  }

  const goalNode = (goal: Goal, visited: Set<Goal>): OutlineNode => {
    visited.add(goal);
    const worst = worstByItem.get(itemKey(goal));
    const today = analysis.todayOf(goal.file);
    const status: OutlineStatus = worst === 'error' ? 'has-errors' : goalStatus(goal, workspace.periodOf(goal.file), today);
    const subGoals = (goal.id === undefined ? [] : (childrenOf.get(goal.id) ?? [])).filter((child) => !visited.has(child));
    return {
      kind: 'goal',
      id: goal.id,
      label: goal.title ?? goal.id ?? 'untitled goal',
      file: goal.file,
      range: head(goal),
      progress: goalProgress(goal),
      status,
      worst,
      children: [...goal.targets.map((target) => targetNode(goal, target)), ...subGoals.map((child) => goalNode(child, visited))],
    };
  };

  const targetNode = (goal: Goal, target: Target): OutlineNode => {
    const kpi = workspace.find('kpi', target.kpi);
    const progress = targetProgress(target);
    const reached = isReached(target);
    const value = target.current !== undefined ? `${target.current} / ${target.target ?? '?'}` : `target ${target.target ?? '?'}`;
    return {
      kind: 'target',
      id: target.kpi,
      label: `${kpi?.name ?? target.kpi ?? 'unknown KPI'}: ${value}`,
      file: goal.file,
      range: analysis.rangeOf(goal.file, { path: target.path, part: 'head' }),
      progress: progress === undefined ? undefined : Math.max(0, Math.min(1, progress)),
      status: reached ? 'done' : undefined,
      children: [],
    };
  };

  // Under an objective, a goal whose parent also supports that objective appears under its parent only.
  const roots: OutlineNode[] = [];
  for (const objective of workspace.objectives) {
    const supporting = workspace.goals.filter((goal) => objective.id !== undefined && goal.supports.includes(objective.id));
    const shown = supporting.filter((goal) => !supporting.some((other) => other.id !== undefined && other.id === goal.parent));
    if (!inScope(objective) && !shown.some(inScope)) continue;
    const children = shown.map((goal) => goalNode(goal, new Set()));
    const measured = children.map((child) => child.progress).filter((value): value is number => value !== undefined);
    roots.push({
      kind: 'objective',
      id: objective.id,
      label: objective.title ?? objective.id ?? 'untitled objective',
      file: objective.file,
      range: head(objective),
      progress: measured.length > 0 ? measured.reduce((sum, value) => sum + value, 0) / measured.length : undefined,
      worst: worstByItem.get(itemKey(objective)),
      children,
    });
  }
  const aligned = new Set(workspace.objectives.map((objective) => objective.id).filter((id): id is string => id !== undefined));
  const unaligned = workspace.goals.filter(
    (goal) => inScope(goal) && !goal.supports.some((id) => aligned.has(id)) && !(goal.parent !== undefined && workspace.find('goal', goal.parent)),
  );
  if (unaligned.length > 0) {
    roots.push({ kind: 'unaligned', label: 'Not linked to a business objective', children: unaligned.map((goal) => goalNode(goal, new Set())) });
  }
  return roots;
}

function itemKey(item: Item): string {
  return `${item.file}\u0000${item.path.join('/')}`;
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** The worst finding severity inside each item, keyed by file and item path (items of a file never overlap). */
function worstSeverities(analysis: Analysis): Map<string, Severity> {
  const spans = new Map<string, { start: number; end: number; key: string }[]>();
  for (const item of analysis.workspace.items()) {
    const range = analysis.rangeOf(item.file, { path: item.path });
    const list = spans.get(item.file) ?? [];
    list.push({ start: range.start.line, end: range.end.line, key: itemKey(item) });
    spans.set(item.file, list);
  }
  for (const list of spans.values()) list.sort((a, b) => a.start - b.start);
  const worst = new Map<string, Severity>();
  for (const finding of analysis.findings) {
    const list = spans.get(finding.file);
    if (!list) continue;
    const line = finding.range.start.line;
    let low = 0;
    let high = list.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (list[middle].start <= line) low = middle;
      else high = middle - 1;
    }
    const span = list[low];
    if (!span || span.start > line || span.end < line) continue;
    const current = worst.get(span.key);
    if (!current || RANK[finding.severity] > RANK[current]) worst.set(span.key, finding.severity);
  }
  return worst;
}
