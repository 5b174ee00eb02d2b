/**
 * What part of the graph is shown: collapsed objectives and the two filters. The view is plain data, so the
 * preview can keep it across reloads and the standalone page can start from it.
 */
import { UNALIGNED_KEY, type GraphEdge, type GraphNode, type StrategyGraph } from './graph';

/** The viewer's choices. */
export interface ViewState {
  /** Keys of objectives (and of the unaligned group) whose subtrees are hidden. */
  readonly collapsed: readonly string[];
  /** Show only this department's goals and KPIs, with the objectives they serve. */
  readonly department?: string;
  /** Show only this objective (a node key) and what serves it. */
  readonly objective?: string;
}

/** The part of the graph a view shows. */
export interface VisibleGraph {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  /** How many nodes each collapsed objective (or the unaligned group) hides, by key; only collapsible keys appear. */
  readonly hidden: Readonly<Record<string, number>>;
  /** Keys that can be collapsed or expanded: objectives with something below them, and the unaligned group. */
  readonly collapsible: readonly string[];
  /** The view's collapsed keys (a collapsed objective may hide nothing when all below it also serves another). */
  readonly collapsed: readonly string[];
}

/**
 * Past this many nodes a strategy starts collapsed below its objectives, so the first layout and paint stay
 * small (laying out 2,000 goals takes seconds; 50 objectives a few milliseconds).
 */
export const COLLAPSE_ABOVE = 150;

/** The view a strategy starts with: everything shown, or collapsed below the objectives when it is large. */
export function defaultView(graph: StrategyGraph): ViewState {
  if (graph.nodes.length <= COLLAPSE_ABOVE) return { collapsed: [] };
  const keys = graph.nodes.filter((node) => node.kind === 'objective').map((node) => node.key);
  if (graph.nodes.some((node) => node.unaligned)) keys.push(UNALIGNED_KEY);
  return { collapsed: keys };
}

/** Applies the filters, then the collapse state. Order of nodes and edges is kept from the graph. */
export function visibleGraph(graph: StrategyGraph, view: ViewState): VisibleGraph {
  const filtered = graph.nodes.filter(filters(graph, view));
  const collapsed = new Set(view.collapsed);
  const hidden: Record<string, number> = {};
  const collapsible = new Set<string>();
  const shown: GraphNode[] = [];
  for (const node of filtered) {
    if (node.kind === 'objective') {
      shown.push(node);
      continue;
    }
    const owners = node.unaligned ? [UNALIGNED_KEY] : node.objectives;
    for (const owner of owners) collapsible.add(owner);
    if (owners.length > 0 && owners.every((owner) => collapsed.has(owner))) {
      for (const owner of owners) hidden[owner] = (hidden[owner] ?? 0) + 1;
    } else {
      shown.push(node);
    }
  }
  const keys = new Set(shown.map((node) => node.key));
  const order = graph.nodes.map((node) => node.key);
  return {
    nodes: shown,
    edges: graph.edges.filter((edge) => keys.has(edge.from) && keys.has(edge.to)),
    hidden,
    collapsible: order.filter((key) => collapsible.has(key)).concat(collapsible.has(UNALIGNED_KEY) ? [UNALIGNED_KEY] : []),
    collapsed: view.collapsed,
  };
}

/** The department and objective filters as one predicate, with what it needs indexed once. */
function filters(graph: StrategyGraph, view: ViewState): (node: GraphNode) => boolean {
  const { department, objective } = view;
  const byObjective = (node: GraphNode) => objective === undefined || node.objectives.includes(objective);
  if (department === undefined) return byObjective;
  // Keep what gives a department's goals their context: the objectives they serve and the KPIs they measure by.
  const goals = new Set(graph.nodes.filter((node) => node.kind === 'goal' && node.departments.includes(department)).map((node) => node.key));
  const served = new Set(graph.nodes.filter((node) => goals.has(node.key)).flatMap((node) => node.objectives));
  const measured = new Set(graph.edges.filter((edge) => edge.kind === 'measures' && goals.has(edge.from)).map((edge) => edge.to));
  return (node) => byObjective(node) && (node.departments.includes(department) || served.has(node.key) || measured.has(node.key));
}

/**
 * The part of a graph defined in some files, with the nodes they link to for context (a department file
 * shows the company objectives its goals support). Order is kept.
 */
export function scopeGraph(graph: StrategyGraph, files: ReadonlySet<string>): StrategyGraph {
  const inside = new Set(graph.nodes.filter((node) => files.has(node.file)).map((node) => node.key));
  const keep = new Set(inside);
  for (const edge of graph.edges) {
    if (inside.has(edge.from)) keep.add(edge.to);
    if (inside.has(edge.to)) keep.add(edge.from);
  }
  return {
    nodes: graph.nodes.filter((node) => keep.has(node.key)),
    edges: graph.edges.filter((edge) => keep.has(edge.from) && keep.has(edge.to)),
    departments: graph.departments,
  };
}
