/**
 * The outline model: objective → goals that support it → their targets (each with its KPI), with progress
 * and status, or the same goals grouped by department. The tree view, the preview and `goalpost tree` all
 * show this one model.
 */
import { countFindingsByItem, itemKey, worstOf, type FindingCounts } from './itemFindings';
import type { Analysis } from './lint';
import type { Goal, Item, Kpi, Target } from './model';
import { STATUS_LABEL, goalProgress, goalStatus, targetProgress, isReached, type Status } from './progress';
import type { Range, Severity } from './types';

/**
 * The kinds of outline nodes: items (`objective`, `department`, `goal`, `kpi`), a goal's `target`, and
 * the two groups of what hangs on nothing: `unaligned` (goals and KPIs linked to no business objective)
 * and `unassigned` (goals without a known department, when grouping by department).
 */
export type OutlineKind = 'objective' | 'department' | 'goal' | 'target' | 'kpi' | 'unaligned' | 'unassigned';

/** How the roots are chosen: business objectives (the default) or departments. */
export type OutlineGrouping = 'objective' | 'department';

/** The status of a node: a goal's progress status, or `has-errors` when error findings sit on it. */
export type OutlineStatus = Status | 'has-errors';

/** Each outline status in words, as the Goals view, the diagram and the hover say them. */
export const OUTLINE_STATUS_WORD: Readonly<Record<OutlineStatus, string>> = { ...STATUS_LABEL, 'has-errors': 'has errors' };

/** The numbers of a target node: the KPI it measures and where it started, stands and should end. */
export interface TargetFigures {
  readonly kpi?: string;
  /** The KPI's name, when the KPI is defined. */
  readonly kpiName?: string;
  readonly unit?: string;
  readonly baseline?: number;
  readonly current?: number;
  readonly target?: number;
}

/** One node of the outline. */
export interface OutlineNode {
  readonly kind: OutlineKind;
  /** The item's id; for a target, the KPI id; absent for the two groups. */
  readonly id?: string;
  readonly label: string;
  /** The file the node is defined in, and its 0-based range there (the item's head). */
  readonly file?: string;
  readonly range?: Range;
  /** The whole item, 0-based: the cursor anywhere in it is "in" the node. */
  readonly extent?: Range;
  /** 0..1 where measurable. */
  readonly progress?: number;
  readonly status?: OutlineStatus;
  /** The worst severity of findings inside the node's own item, if any. */
  readonly worst?: Severity;
  /** Findings inside the node's own item, by severity; absent when there are none. */
  readonly findings?: FindingCounts;
  /** Who owns it, as people read it: a goal's department, an objective's owner, a KPI's owners (names, else ids). */
  readonly owner?: string;
  /** `YYYY-MM-DD`: a goal's start (its own or its period's). */
  readonly start?: string;
  /** `YYYY-MM-DD`: a goal's or an objective's deadline. */
  readonly deadline?: string;
  /** A target's numbers. */
  readonly figures?: TargetFigures;
  readonly children: readonly OutlineNode[];
}

/**
 * The outline of a whole workspace, or of the items of one file (in the context of the workspace) when
 * `file` is given, grouped by objective or by department.
 */
export function buildOutline(analysis: Analysis, file?: string, grouping: OutlineGrouping = 'objective'): OutlineNode[] {
  const nodes = new NodeMaker(analysis);
  const { workspace } = analysis;
  const inScope = (item: Item) => file === undefined || item.file === file;
  const roots: OutlineNode[] = [];

  if (grouping === 'department') {
    const known = new Set(workspace.departments.map((department) => department.id));
    for (const department of workspace.departments) {
      const own = workspace.goals.filter((goal) => department.id !== undefined && goal.department === department.id);
      // A sub-goal of a goal of the same department shows under that goal only.
      const shown = own.filter((goal) => !own.some((other) => other.id !== undefined && other.id === goal.parent));
      if (!inScope(department) && !shown.some(inScope)) continue;
      roots.push(nodes.group(department, shown));
    }
    const homeless = workspace.goals.filter((goal) => inScope(goal) && !known.has(goal.department));
    if (homeless.length > 0) {
      roots.push({ kind: 'unassigned', label: 'No department', children: homeless.map((goal) => nodes.goal(goal)) });
    }
    return roots;
  }

  for (const objective of workspace.objectives) {
    const supporting = workspace.goals.filter((goal) => objective.id !== undefined && goal.supports.includes(objective.id));
    // Under an objective, a goal whose parent also supports that objective appears under its parent only.
    const shown = supporting.filter((goal) => !supporting.some((other) => other.id !== undefined && other.id === goal.parent));
    if (!inScope(objective) && !shown.some(inScope)) continue;
    roots.push(nodes.group(objective, shown));
  }
  const linked = (supports: readonly string[]) => supports.some((id) => workspace.find('objective', id) !== undefined);
  const goals = workspace.goals.filter(
    (goal) => inScope(goal) && !linked(goal.supports) && !(goal.parent !== undefined && workspace.find('goal', goal.parent)),
  );
  // As the kpi-unlinked rule judges it: linked by its own `supports` or through a goal that targets it.
  const kpis = workspace.kpis.filter(
    (kpi) => inScope(kpi) && !linked(kpi.supports) && !(kpi.id !== undefined && workspace.goalsTargeting(kpi.id).some((goal) => linked(goal.supports))),
  );
  if (goals.length + kpis.length > 0) {
    roots.push({
      kind: 'unaligned',
      label: 'Not linked to a business objective',
      children: [...goals.map((goal) => nodes.goal(goal)), ...kpis.map((kpi) => nodes.kpi(kpi))],
    });
  }
  return roots;
}

/** Makes the nodes of one analysis: ranges, findings and statuses looked up once. */
class NodeMaker {
  private readonly findings: Map<string, FindingCounts>;
  private readonly childrenOf = new Map<string, Goal[]>();

  constructor(private readonly analysis: Analysis) {
    this.findings = countFindingsByItem(analysis);
    for (const goal of analysis.workspace.goals) {
      if (goal.parent === undefined) continue;
      const list = this.childrenOf.get(goal.parent);
      if (list) list.push(goal);
      else this.childrenOf.set(goal.parent, [goal]);
    }
  }

  /** An objective or a department over the goals shown under it; its progress is their mean. */
  group(item: Extract<Item, { kind: 'objective' | 'department' }>, goals: readonly Goal[]): OutlineNode {
    const children = goals.map((goal) => this.goal(goal));
    const measured = children.map((child) => child.progress).filter((value): value is number => value !== undefined);
    const counts = this.findings.get(itemKey(item));
    const label = item.kind === 'objective' ? (item.title ?? item.id ?? 'untitled objective') : (item.name ?? item.id ?? 'unnamed department');
    return {
      kind: item.kind,
      id: item.id,
      label,
      ...this.place(item),
      progress: measured.length > 0 ? measured.reduce((sum, value) => sum + value, 0) / measured.length : undefined,
      worst: worstOf(counts),
      findings: counts,
      owner: item.kind === 'objective' ? this.departmentName(item.owner) : undefined,
      deadline: item.kind === 'objective' ? item.deadline : undefined,
      children,
    };
  }

  /** A goal with its targets, then its sub-goals (a cycle of parents is cut where it closes). */
  goal(goal: Goal, visited = new Set<Goal>()): OutlineNode {
    visited.add(goal);
    const { workspace } = this.analysis;
    const counts = this.findings.get(itemKey(goal));
    const worst = worstOf(counts);
    const period = workspace.periodOf(goal.file);
    const status: OutlineStatus = worst === 'error' ? 'has-errors' : goalStatus(goal, period, this.analysis.todayOf(goal.file));
    const subGoals = (goal.id === undefined ? [] : (this.childrenOf.get(goal.id) ?? [])).filter((child) => !visited.has(child));
    return {
      kind: 'goal',
      id: goal.id,
      label: goal.title ?? goal.id ?? 'untitled goal',
      ...this.place(goal),
      progress: goalProgress(goal),
      status,
      worst,
      findings: counts,
      owner: this.departmentName(goal.department),
      start: goal.start ?? period?.start,
      deadline: goal.deadline,
      children: [...goal.targets.map((target) => this.target(goal, target)), ...subGoals.map((child) => this.goal(child, new Set(visited)))],
    };
  }

  /** A KPI on its own (under the unaligned group). */
  kpi(kpi: Kpi): OutlineNode {
    const counts = this.findings.get(itemKey(kpi));
    const owners = kpi.owners.map((id) => this.departmentName(id) ?? id);
    return {
      kind: 'kpi',
      id: kpi.id,
      label: kpi.name ?? kpi.id ?? 'unnamed KPI',
      ...this.place(kpi),
      worst: worstOf(counts),
      findings: counts,
      owner: owners.length > 0 ? owners.join(', ') : undefined,
      children: [],
    };
  }

  private target(goal: Goal, target: Target): OutlineNode {
    const kpi = this.analysis.workspace.find('kpi', target.kpi);
    const progress = targetProgress(target);
    const value = target.current !== undefined ? `${target.current} / ${target.target ?? '?'}` : `target ${target.target ?? '?'}`;
    return {
      kind: 'target',
      id: target.kpi,
      label: `${kpi?.name ?? target.kpi ?? 'unknown KPI'}: ${value}`,
      file: goal.file,
      range: this.analysis.rangeOf(goal.file, { path: target.path, part: 'head' }),
      extent: this.analysis.rangeOf(goal.file, { path: target.path }),
      progress: progress === undefined ? undefined : Math.max(0, Math.min(1, progress)),
      status: isReached(target) ? 'done' : undefined,
      figures: { kpi: target.kpi, kpiName: kpi?.name, unit: kpi?.unit, baseline: target.baseline, current: target.current, target: target.target },
      children: [],
    };
  }

  private place(item: Item): { file: string; range: Range; extent: Range } {
    return {
      file: item.file,
      range: this.analysis.rangeOf(item.file, { path: item.path, part: 'head' }),
      extent: this.analysis.rangeOf(item.file, { path: item.path }),
    };
  }

  private departmentName(id: string | undefined): string | undefined {
    if (id === undefined) return undefined;
    return this.analysis.workspace.find('department', id)?.name ?? id;
  }
}
