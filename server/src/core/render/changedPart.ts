/**
 * The part of a strategy a change touches, as a graph for the pull-request comment's diagram: the
 * objectives, goals and KPIs the diff added, removed or changed, and their neighbours for context. Added
 * and changed nodes come from the head's graph, removed ones from the base's, so a removed goal is still
 * drawn with the objective it served. Capped, so the comment stays small enough for GitHub.
 */
import type { DiffSection, StrategyDiff } from '../diff';
import type { GraphEdge, GraphNode, StrategyGraph } from './graph';

/** How a node changed. */
export type NodeChange = 'added' | 'removed' | 'changed';

/** The changed part of a strategy, ready for `renderMermaid`. */
export interface ChangedPart {
  readonly graph: StrategyGraph;
  /** How each changed node changed, by node key; neighbours shown for context have no entry. */
  readonly changes: ReadonlyMap<string, NodeChange>;
  /** The changed items drawn, and all the diff changed: fewer when the cap cut the diagram. */
  readonly shown: number;
  readonly total: number;
}

/** The sections drawn as nodes; departments and audiences are not nodes of the diagram. */
const DRAWN: readonly { section: DiffSection; kind: GraphNode['kind'] }[] = [
  { section: 'objectives', kind: 'objective' },
  { section: 'goals', kind: 'goal' },
  { section: 'kpis', kind: 'kpi' },
];

/**
 * The changed part, with at most `maxNodes` nodes (changed items first, in the diff's order: added,
 * changed, removed; each brings its neighbours or is left out). Undefined when the diff changed no
 * objective, goal or KPI that either graph draws.
 */
export function changedPart(base: StrategyGraph, head: StrategyGraph, diff: StrategyDiff, maxNodes: number): ChangedPart | undefined {
  const headNodes = new Map(head.nodes.map((node) => [node.key, node]));
  const baseNodes = new Map(base.nodes.map((node) => [node.key, node]));
  const marked: { key: string; change: NodeChange }[] = [];
  for (const change of ['added', 'changed', 'removed'] as const) {
    for (const { section, kind } of DRAWN) {
      for (const item of diff[section][change]) {
        const key = `${kind}:${item.id}`;
        if ((change === 'removed' ? baseNodes : headNodes).has(key)) marked.push({ key, change });
      }
    }
  }
  if (marked.length === 0) return undefined;

  const changes = new Map(marked.map(({ key, change }) => [key, change]));
  // Each graph's neighbours by key, in edge order, made once: a large change asks for thousands of them.
  const headNeighbours = neighbourIndex(head.edges);
  const baseNeighbours = neighbourIndex(base.edges);
  const neighbours = (key: string): readonly string[] => (changes.get(key) === 'removed' ? baseNeighbours : headNeighbours).get(key) ?? [];
  // A node is drawn as the head has it, unless the change removed it.
  const nodeOf = (key: string): GraphNode | undefined => (changes.get(key) === 'removed' ? baseNodes.get(key) : (headNodes.get(key) ?? baseNodes.get(key)));

  const included = new Set<string>();
  let shown = 0;
  for (const { key } of marked) {
    const adding = [key, ...neighbours(key)].filter((candidate) => !included.has(candidate) && nodeOf(candidate) !== undefined);
    if (included.size + new Set(adding).size > maxNodes) continue;
    for (const candidate of adding) included.add(candidate);
    shown++;
  }

  const nodes = [...head.nodes, ...base.nodes.filter((node) => !headNodes.has(node.key) || changes.get(node.key) === 'removed')].filter(
    (node) => included.has(node.key) && nodeOf(node.key) === node,
  );
  const edges: GraphEdge[] = [];
  const seen = new Set<string>();
  const addEdge = (edge: GraphEdge) => {
    const id = `${edge.kind} ${edge.from} ${edge.to}`;
    if (!included.has(edge.from) || !included.has(edge.to) || seen.has(id)) return;
    seen.add(id);
    edges.push(edge);
  };
  for (const edge of head.edges) if (changes.get(edge.from) !== 'removed' && changes.get(edge.to) !== 'removed') addEdge(edge);
  for (const edge of base.edges) if (changes.get(edge.from) === 'removed' || changes.get(edge.to) === 'removed') addEdge(edge);
  const drawn = new Map([...changes].filter(([key]) => included.has(key)));
  return { graph: { nodes, edges, departments: [] }, changes: drawn, shown, total: marked.length };
}

/** For each node key, the keys at the other end of its edges, in the order of the edges. */
function neighbourIndex(edges: readonly GraphEdge[]): Map<string, string[]> {
  const index = new Map<string, string[]>();
  const add = (key: string, other: string) => {
    const list = index.get(key);
    if (list) list.push(other);
    else index.set(key, [other]);
  };
  for (const edge of edges) {
    add(edge.from, edge.to);
    // A self-loop counts once, as the scan over the edges counted it.
    if (edge.to !== edge.from) add(edge.to, edge.from);
  }
  return index;
}
