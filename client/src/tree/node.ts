/**
 * The Goals view's model: the server's outline items wrapped in nodes that know their parent (for
 * `TreeView.reveal`) and carry an id that stays the same across refreshes (so VS Code keeps what the
 * user expanded). No `vscode` import: the model is plain data.
 */
import type { OutlineItem } from '../../../server/src/protocol';

/** A 0-based LSP position. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

/** One node of the Goals view. The same item can have several nodes (a goal under two objectives). */
export interface GoalNode {
  readonly item: OutlineItem;
  /**
   * Unique in the tree and stable across refreshes: the path of kinds and ids from the root, e.g.
   * `objective:grow/goal:ig-2027/target:0`. Items without an id count by position among siblings.
   */
  readonly id: string;
  readonly parent?: GoalNode;
  readonly children: readonly GoalNode[];
}

/** Wraps the outline's items in nodes. */
export function buildNodes(items: readonly OutlineItem[], parent?: GoalNode): GoalNode[] {
  const used = new Map<string, number>();
  return items.map((item, index) => {
    const own = item.kind === 'target' ? `target:${index}` : `${item.kind}:${item.id ?? `#${index}`}`;
    const base = parent ? `${parent.id}/${own}` : own;
    // Duplicate ids (an error the server reports) must not make two tree items share an id.
    const seen = used.get(base) ?? 0;
    used.set(base, seen + 1);
    const node: { item: OutlineItem; id: string; parent?: GoalNode; children: GoalNode[] } = {
      item,
      id: seen === 0 ? base : `${base}~${seen + 1}`,
      parent,
      children: [],
    };
    node.children = buildNodes(item.children, node);
    return node;
  });
}

/** Every node, depth first. */
export function* walk(nodes: readonly GoalNode[]): IterableIterator<GoalNode> {
  for (const node of nodes) {
    yield node;
    yield* walk(node.children);
  }
}

/**
 * The innermost node whose item holds `position` in the document `uri`. When the same item shows in
 * several places, `prefer` (the node selected now) keeps its place, so following the cursor never
 * jumps between copies; otherwise the first copy wins.
 */
export function nodeAt(roots: readonly GoalNode[], uri: string, position: Position, prefer?: GoalNode): GoalNode | undefined {
  let best: GoalNode | undefined;
  let bestSize = Infinity;
  for (const node of walk(roots)) {
    const { extent } = node.item;
    if (node.item.uri !== uri || !extent || !contains(extent, position)) continue;
    const size = (extent.end.line - extent.start.line) * 1e6 + (extent.end.character - extent.start.character);
    if (size < bestSize) {
      best = node;
      bestSize = size;
    }
  }
  if (best && prefer && sameItem(best, prefer)) return prefer;
  return best;
}

/** Whether two nodes show the same item (the same place in the same file). */
export function sameItem(a: GoalNode, b: GoalNode): boolean {
  const start = (node: GoalNode) => node.item.range?.start;
  return a.item.uri === b.item.uri && a.item.kind === b.item.kind && start(a)?.line === start(b)?.line && start(a)?.character === start(b)?.character;
}

function contains(range: { start: Position; end: Position }, position: Position): boolean {
  const after = (a: Position, b: Position) => a.line > b.line || (a.line === b.line && a.character >= b.character);
  return after(position, range.start) && !after(position, range.end);
}
