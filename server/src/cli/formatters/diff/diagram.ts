/**
 * The diagram of a change for the pull-request comment: the added, removed and changed objectives, goals
 * and KPIs with their neighbours, as a mermaid flowchart in a collapsed `<details>` (GitHub renders it).
 */
import { changedPart, type NodeChange } from '../../../core/render/changedPart';
import { renderMermaid } from '../../../core/render/mermaid';
import type { StrategyDiff } from '../../../core/diff';
import type { StrategyGraph } from '../../../core/render/graph';

/** Nodes drawn at most: past this a diagram is unreadable in a comment anyway. */
export const DIAGRAM_MAX_NODES = 60;

/**
 * The flowchart's size at most. GitHub refuses a comment over 65,536 characters and mermaid a diagram
 * over 50,000; this leaves the rest of the comment room.
 */
export const DIAGRAM_MAX_CHARS = 25_000;

/** A border per change, drawn after the status classes so it wins; the label says the change too. */
const CHANGE_CLASSES: readonly string[] = [
  'classDef added stroke:#1a7f37,stroke-width:4px',
  'classDef changed stroke:#0969da,stroke-width:4px',
  'classDef removed stroke:#cf222e,stroke-width:4px,stroke-dasharray:6 4,color:#57606a',
];

const MARK: Readonly<Record<NodeChange, string>> = { added: '+ added', changed: '✎ changed', removed: '− removed (base)' };

/**
 * The section's lines, or none when the change touched no objective, goal or KPI. Nodes are cut (by
 * halves) until the flowchart fits DIAGRAM_MAX_CHARS, and then a note says how many changed items it shows.
 */
export function diagramSection(diff: StrategyDiff, graphs: { readonly base: StrategyGraph; readonly head: StrategyGraph }): string[] {
  for (let maxNodes = DIAGRAM_MAX_NODES; maxNodes >= 1; maxNodes = Math.floor(maxNodes / 2)) {
    const part = changedPart(graphs.base, graphs.head, diff, maxNodes);
    if (part === undefined) return [];
    const chart = renderMermaid(part.graph, {
      classes: part.changes,
      classDefs: CHANGE_CLASSES,
      marks: new Map([...part.changes].map(([key, change]) => [key, MARK[change]])),
    });
    if (chart.length > DIAGRAM_MAX_CHARS && maxNodes > 1) continue;
    const summary = `Diagram of the change: ${part.shown === part.total ? plainCount(part.total) : `${part.shown} of ${plainCount(part.total)}`} with their neighbours`;
    const capped =
      part.shown < part.total
        ? [
            '',
            `> [!NOTE]\n> The diagram shows ${part.shown} of the ${part.total} changed items, to keep this comment within GitHub's size limits; \`goalpost render\` draws the whole strategy.`,
          ]
        : [];
    return ['', `<details><summary>${summary}</summary>`, ...capped, '', '```mermaid', chart.trimEnd(), '```', '', '</details>'];
  }
  return [];
}

function plainCount(count: number): string {
  return count === 1 ? '1 changed item' : `${count} changed items`;
}
