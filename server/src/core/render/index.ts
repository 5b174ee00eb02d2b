/**
 * The diagram renderer shared by the preview, `goalpost render` and pull-request comments: analysis →
 * graph → view (collapse, filters) → layout → SVG, or graph → mermaid.
 */
import type { StrategyGraph } from './graph';
import { layoutGraph } from './layout';
import { renderSvg, type SvgOptions } from './svg';
import { visibleGraph, type ViewState } from './view';

export { buildGraph } from './build';
export { UNALIGNED_KEY, type StrategyGraph, type GraphNode, type GraphEdge } from './graph';
export { defaultView, scopeGraph, visibleGraph, type ViewState } from './view';
export { renderMermaid } from './mermaid';

/** The SVG of the part of the graph a view shows. */
export function renderDiagram(graph: StrategyGraph, view: ViewState, options: SvgOptions): string {
  return renderSvg(layoutGraph(visibleGraph(graph, view)), options);
}
