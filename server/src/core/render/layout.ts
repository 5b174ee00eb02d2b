/**
 * Places the visible graph with dagre's layered layout: objectives on top, goals and sub-goals below them,
 * KPIs at the bottom, the unaligned group as a dagre cluster beside the rest.
 *
 * Why dagre and not elkjs (measured on graphs built from bench/generate.ts, every node expanded, median
 * of 3 runs on the 2-core development machine under load; /tmp script laying out the same nodes and
 * edges with each library):
 *   200 goals (255 nodes, 400 edges):     dagre 315 ms, elkjs 1,449 ms
 *   2,000 goals (2,550 nodes, 4,000 edges): dagre 2,737 ms, elkjs 2,218 ms
 * elkjs is a little quicker only at sizes that start collapsed anyway (see view.ts); dagre is synchronous,
 * so the renderer stays one pure function usable in the CLI and the webview alike, where elkjs's API is
 * asynchronous; and dagre adds about 85 KB to the webview bundle against elkjs's 1.6 MB.
 *
 * With this module's settings (real box sizes, unweighted edges) `npm run bench` lays out all 2,550 nodes of
 * 2,000 goals in 3.5–4.8 s and the collapsed start view in under 30 ms, which is why large strategies start
 * collapsed.
 *
 * Coordinates are rounded to 0.1 px so the output is byte-identical across runs and machines.
 */
import type * as Dagre from '@dagrejs/dagre' with { 'resolution-mode': 'import' };
import { nodeBox, type NodeBox } from './box';
import { UNALIGNED_KEY, type GraphEdge, type GraphNode } from './graph';
import type { VisibleGraph } from './view';

/** A point in diagram pixels. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** A placed node: its box's top-left corner. */
export interface PlacedNode {
  readonly node: GraphNode;
  readonly box: NodeBox;
  readonly x: number;
  readonly y: number;
}

/** A routed edge: points from its `from` node to its `to` node. */
export interface PlacedEdge {
  readonly edge: GraphEdge;
  readonly points: readonly Point[];
}

/** The box around the unaligned group. */
export interface PlacedGroup {
  readonly key: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The laid-out diagram. */
export interface Layout {
  readonly nodes: readonly PlacedNode[];
  readonly edges: readonly PlacedEdge[];
  readonly group?: PlacedGroup;
  readonly width: number;
  readonly height: number;
  readonly hidden: Readonly<Record<string, number>>;
  readonly collapsible: readonly string[];
  readonly collapsed: readonly string[];
}

// dagre ships a CommonJS build but only ESM-flavoured types, which a CommonJS project cannot import by name.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const dagre = require('@dagrejs/dagre') as typeof Dagre;

/** Room above the group's first row for its label and, in the preview, its toggle below the label. */
export const GROUP_LABEL = 46;
const MARGIN = 16;

/** Lays out the visible graph. Deterministic: the same graph gives the same layout. */
export function layoutGraph(visible: VisibleGraph): Layout {
  const graph = new dagre.graphlib.Graph({ multigraph: true, compound: true });
  graph.setGraph({ rankdir: 'TB', nodesep: 28, ranksep: 64, edgesep: 12, marginx: MARGIN, marginy: MARGIN });
  graph.setDefaultEdgeLabel(() => ({}));
  const boxes = new Map<string, NodeBox>();
  const grouped = visible.nodes.some((node) => node.unaligned);
  if (grouped) graph.setNode(UNALIGNED_KEY, { width: 0, height: 0, paddingTop: GROUP_LABEL });
  for (const node of visible.nodes) {
    const box = nodeBox(node);
    boxes.set(node.key, box);
    graph.setNode(node.key, { width: box.width, height: box.height });
    if (node.unaligned) graph.setParent(node.key, UNALIGNED_KEY);
  }
  visible.edges.forEach((edge, index) => {
    const [upper, lower] = downward(edge);
    // Every edge weighs the same: weighting the tree's own edges made dagre's ranking 15× slower at 1,000 goals.
    graph.setEdge(upper, lower, { minlen: 1 }, String(index));
  });
  dagre.layout(graph);

  const nodes = visible.nodes.map((node) => {
    const placed = graph.node(node.key);
    const box = boxes.get(node.key) as NodeBox;
    return { node, box, x: round((placed.x ?? 0) - box.width / 2), y: round((placed.y ?? 0) - box.height / 2) };
  });
  const edges = visible.edges.map((edge, index) => {
    const [upper, lower] = downward(edge);
    const points = (graph.edge({ v: upper, w: lower, name: String(index) }).points ?? []).map((point: Point) => ({ x: round(point.x), y: round(point.y) }));
    return { edge, points: upper === edge.from ? points : points.reverse() };
  });
  let group: PlacedGroup | undefined;
  if (grouped) {
    const placed = graph.node(UNALIGNED_KEY);
    const width = placed.width ?? 0;
    const height = (placed.height ?? 0) + GROUP_LABEL;
    group = {
      key: UNALIGNED_KEY,
      x: round((placed.x ?? 0) - width / 2),
      y: round((placed.y ?? 0) - (placed.height ?? 0) / 2 - GROUP_LABEL),
      width: round(width),
      height: round(height),
    };
  }
  const label = graph.graph();
  return {
    nodes,
    edges,
    group,
    width: Math.ceil(label.width ?? 0),
    height: Math.ceil(label.height ?? 0),
    hidden: visible.hidden,
    collapsible: visible.collapsible,
    collapsed: visible.collapsed,
  };
}

/** An edge's ends as the layout ranks them: objectives above goals, parents above sub-goals, goals above KPIs. */
function downward(edge: GraphEdge): [string, string] {
  return edge.kind === 'measures' ? [edge.from, edge.to] : [edge.to, edge.from];
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
