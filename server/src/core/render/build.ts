/**
 * The strategy graph made from the engine's analysis, so status, progress and finding counts are the
 * ones the outline, the tree and the editor show.
 */
import type { Analysis } from '../lint';
import { countFindingsByItem, itemKey, type FindingCounts } from '../itemFindings';
import type { Goal, Item, Kpi, Objective } from '../model';
import type { OutlineStatus } from '../outline';
import { goalProgress, goalStatus } from '../progress';
import type { GraphEdge, GraphNode, StrategyGraph } from './graph';

/** How to build. */
export interface BuildOptions {
  /** How node files (and the keys of items without a usable id) name a file: the CLI shows paths relative to the working directory. */
  readonly fileName?: (file: string) => string;
}

/** Worst first: the objective rolls its goals' statuses up to the worst one. */
const STATUS_SEVERITY: readonly OutlineStatus[] = ['has-errors', 'missed', 'off-track', 'at-risk', 'on-track', 'not-started', 'done', 'no-data'];

/**
 * Builds the graph of a whole workspace. A sub-goal's `supports` edge to an objective its parent also
 * supports is left out (the parent edge already says it, as the outline nests it); every other
 * `supports` edge is kept, so a goal serving two objectives shows both. A KPI is drawn under the goals
 * that measure themselves by it; its own `supports` edges are drawn only when no aligned goal measures it.
 */
export function buildGraph(analysis: Analysis, options: BuildOptions = {}): StrategyGraph {
  return buildGraphAndKeys(analysis, options).graph;
}

/** The graph, and the node key of every item drawn (the preview maps its items' extents to nodes by it). */
export function buildGraphAndKeys(analysis: Analysis, options: BuildOptions = {}): { graph: StrategyGraph; keys: ReadonlyMap<Item, string> } {
  const { workspace } = analysis;
  const fileName = options.fileName ?? ((file: string) => file);
  const counts = countFindingsByItem(analysis);
  const keys = new Map<Item, string>();
  const taken = new Set<string>();
  const keyOf = (item: Item): string => {
    let key = keys.get(item);
    if (key !== undefined) return key;
    key =
      item.id !== undefined && workspace.find(item.kind, item.id) === item
        ? `${item.kind}:${item.id}`
        : `${item.kind}@${fileName(item.file)}#${item.path.join('/')}`;
    while (taken.has(key)) key += "'";
    taken.add(key);
    keys.set(item, key);
    return key;
  };
  const departmentName = (id: string | undefined) => (id === undefined ? undefined : (workspace.find('department', id)?.name ?? id));
  const head = (item: Item) => analysis.rangeOf(item.file, { path: item.path, part: 'head' });
  const findings = (item: Item): FindingCounts => counts.get(itemKey(item)) ?? { error: 0, warning: 0, info: 0 };

  const objectiveOf = (id: string) => workspace.find('objective', id);
  const parentOf = (goal: Goal) => workspace.find('goal', goal.parent);

  // Which objectives each goal serves, through `supports` or its parents (cycles cut).
  const served = new Map<Goal, Set<Objective>>();
  const serving = (goal: Goal, seen: Set<Goal>): Set<Objective> => {
    const known = served.get(goal);
    if (known) return known;
    const out = new Set<Objective>();
    if (seen.has(goal)) return out;
    seen.add(goal);
    for (const id of goal.supports) {
      const objective = objectiveOf(id);
      if (objective) out.add(objective);
    }
    const parent = parentOf(goal);
    if (parent) for (const objective of serving(parent, seen)) out.add(objective);
    served.set(goal, out);
    return out;
  };
  for (const goal of workspace.goals) serving(goal, new Set());

  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const statusOfGoal = new Map<Goal, OutlineStatus>();
  for (const goal of workspace.goals) {
    const found = findings(goal);
    statusOfGoal.set(goal, found.error > 0 ? 'has-errors' : goalStatus(goal, workspace.periodOf(goal.file), analysis.todayOf(goal.file)));
  }

  // The goals that name each objective in `supports`, in one pass (not one pass per objective).
  const supporters = new Map<Objective, Goal[]>();
  for (const goal of workspace.goals) {
    for (const id of new Set(goal.supports)) {
      const objective = objectiveOf(id);
      if (!objective) continue;
      const list = supporters.get(objective);
      if (list) list.push(goal);
      else supporters.set(objective, [goal]);
    }
  }

  for (const objective of workspace.objectives) {
    const goals = supporters.get(objective) ?? [];
    const measured = goals.map(goalProgress).filter((value): value is number => value !== undefined);
    const found = findings(objective);
    const statuses = goals.map((goal) => statusOfGoal.get(goal) ?? 'no-data');
    const worst = found.error > 0 ? 'has-errors' : STATUS_SEVERITY.find((status) => statuses.includes(status));
    nodes.push({
      key: keyOf(objective),
      kind: 'objective',
      id: objective.id,
      title: objective.title ?? objective.id ?? 'untitled objective',
      department: departmentName(objective.owner),
      departments: objective.owner === undefined ? [] : [objective.owner],
      file: fileName(objective.file),
      range: head(objective),
      progress: measured.length > 0 ? measured.reduce((sum, value) => sum + value, 0) / measured.length : undefined,
      status: worst,
      errors: found.error,
      warnings: found.warning,
      unaligned: false,
      objectives: [keyOf(objective)],
    });
  }

  const kpiObjectives = new Map<Kpi, Set<string>>();
  for (const goal of workspace.goals) {
    const serves = [...(served.get(goal) ?? [])].map(keyOf);
    const found = findings(goal);
    nodes.push({
      key: keyOf(goal),
      kind: 'goal',
      id: goal.id,
      title: goal.title ?? goal.id ?? 'untitled goal',
      department: departmentName(goal.department),
      departments: goal.department === undefined ? [] : [goal.department],
      file: fileName(goal.file),
      range: head(goal),
      progress: goalProgress(goal),
      status: statusOfGoal.get(goal),
      errors: found.error,
      warnings: found.warning,
      unaligned: serves.length === 0,
      objectives: serves,
    });
    const parent = parentOf(goal);
    const parentServes = parent ? served.get(parent) : undefined;
    for (const id of new Set(goal.supports)) {
      const objective = objectiveOf(id);
      if (objective && !parentServes?.has(objective)) edges.push({ from: keyOf(goal), to: keyOf(objective), kind: 'supports' });
    }
    if (parent && parent !== goal) edges.push({ from: keyOf(goal), to: keyOf(parent), kind: 'parent' });
    for (const kpi of new Set(goal.targets.map((target) => workspace.find('kpi', target.kpi)))) {
      if (!kpi) continue;
      edges.push({ from: keyOf(goal), to: keyOf(kpi), kind: 'measures' });
      const set = kpiObjectives.get(kpi) ?? new Set<string>();
      for (const key of serves) set.add(key);
      kpiObjectives.set(kpi, set);
    }
  }

  for (const kpi of workspace.kpis) {
    const viaGoals = kpiObjectives.get(kpi) ?? new Set<string>();
    const own = [...new Set(kpi.supports)].map(objectiveOf).filter((objective): objective is Objective => objective !== undefined);
    if (viaGoals.size === 0) for (const objective of own) edges.push({ from: keyOf(kpi), to: keyOf(objective), kind: 'supports' });
    const serves = new Set([...viaGoals, ...own.map(keyOf)]);
    const found = findings(kpi);
    const owners = kpi.owners.map(departmentName).filter((name): name is string => name !== undefined);
    nodes.push({
      key: keyOf(kpi),
      kind: 'kpi',
      id: kpi.id,
      title: kpi.name ?? kpi.id ?? 'untitled KPI',
      department: owners.length > 0 ? owners.join(', ') : undefined,
      departments: [...kpi.owners],
      file: fileName(kpi.file),
      range: head(kpi),
      status: found.error > 0 ? 'has-errors' : undefined,
      errors: found.error,
      warnings: found.warning,
      unaligned: serves.size === 0,
      objectives: [...serves].sort(),
    });
  }

  const departments = workspace.departments
    .filter(
      (department): department is typeof department & { id: string } =>
        department.id !== undefined && workspace.find('department', department.id) === department,
    )
    .map((department) => ({ id: department.id, name: department.name ?? department.id }));
  return { graph: { nodes, edges, departments }, keys };
}
