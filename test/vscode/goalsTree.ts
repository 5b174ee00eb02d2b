/** Helpers for the suites that look at the Goals view: what a node shows, finding nodes, waiting on updates. */
import type * as vscode from 'vscode';
import type { GoalpostApi } from '../../client/src/api';
import type { GoalNode } from '../../client/src/tree/node';
import { waitForEvent } from './helpers';

/** What the view shows for a node: `label | description | icon colour`. */
export function look(api: GoalpostApi, node: GoalNode): string {
  const item = api.goalsTree.getTreeItem(node);
  const icon = item.iconPath as vscode.ThemeIcon;
  const label = typeof item.label === 'string' ? item.label : item.label?.label;
  return `${label} | ${item.description} | ${icon.id} ${(icon.color as { id?: string } | undefined)?.id ?? '-'}`;
}

/** The first node, depth first, that satisfies `predicate`. */
export function find(nodes: readonly GoalNode[], predicate: (node: GoalNode) => boolean): GoalNode | undefined {
  for (const node of nodes) {
    if (predicate(node)) return node;
    const found = find(node.children, predicate);
    if (found) return found;
  }
  return undefined;
}

/** Every node id of the tree, depth first. */
export function ids(nodes: readonly GoalNode[]): string[] {
  return nodes.flatMap((node) => [node.id, ...ids(node.children)]);
}

/** Resolves with the roots once the tree satisfies `predicate` (now, or after an update from the server). */
export async function treeWhere(api: GoalpostApi, predicate: (roots: readonly GoalNode[]) => boolean, what: string): Promise<readonly GoalNode[]> {
  if (api.goalsTree.hasLoaded && predicate(api.goalsTree.nodes)) return api.goalsTree.nodes;
  return waitForEvent(api.goalsTree.onDidUpdate, predicate, what);
}
