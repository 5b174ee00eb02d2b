/**
 * The Goals view's data provider. It holds the last outline the server sent (never parsing a file
 * itself), asks again when told to refresh, and swaps the whole model at once so that the view, reveal
 * and "follow cursor" always see one consistent tree.
 */
import * as vscode from 'vscode';
import type { OutlineGrouping, OutlineItem } from '../../../server/src/protocol';
import { treeItem } from './item';
import { buildNodes, nodeAt, type GoalNode, type Position } from './node';

/** Asks the server for the outline of every workspace. */
export type FetchOutline = (grouping: OutlineGrouping) => Promise<readonly OutlineItem[]>;

/** The Goals view's data: objectives (or departments) → goals → targets, from `goalpost/outline`. */
export class GoalsTreeProvider implements vscode.TreeDataProvider<GoalNode>, vscode.Disposable {
  private roots: readonly GoalNode[] = [];
  private groupingNow: OutlineGrouping;
  /** Counts refreshes, so that an answer overtaken by a newer request is dropped. */
  private generation = 0;
  private loaded = false;
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly updated = new vscode.EventEmitter<readonly GoalNode[]>();

  /** Fires when the view must ask for its items again (VS Code listens). */
  readonly onDidChangeTreeData = this.changed.event;
  /** Fires after a new outline has replaced the model, with its roots (tests and the welcome view listen). */
  readonly onDidUpdate = this.updated.event;

  constructor(
    private readonly fetch: FetchOutline,
    grouping: OutlineGrouping,
  ) {
    this.groupingNow = grouping;
  }

  /** How the roots are grouped now. */
  get grouping(): OutlineGrouping {
    return this.groupingNow;
  }

  /** The current roots. */
  get nodes(): readonly GoalNode[] {
    return this.roots;
  }

  /** Whether an outline has arrived since the extension started. */
  get hasLoaded(): boolean {
    return this.loaded;
  }

  /** Groups by objective or department, and refreshes. */
  async setGrouping(grouping: OutlineGrouping): Promise<void> {
    this.groupingNow = grouping;
    await this.refresh();
  }

  /** Asks the server for the outline and replaces the model; a failed request keeps the old one. */
  async refresh(): Promise<void> {
    const generation = ++this.generation;
    const items = await this.fetch(this.groupingNow);
    if (generation !== this.generation) return;
    this.roots = buildNodes(items);
    this.loaded = true;
    this.changed.fire();
    this.updated.fire(this.roots);
  }

  getTreeItem(node: GoalNode): vscode.TreeItem {
    return treeItem(node);
  }

  getChildren(node?: GoalNode): GoalNode[] {
    return [...(node ? node.children : this.roots)];
  }

  getParent(node: GoalNode): GoalNode | undefined {
    return node.parent;
  }

  /** The innermost node of the item at `position` in `uri`, keeping `prefer`'s place when it shows the same item. */
  nodeAt(uri: vscode.Uri, position: Position, prefer?: GoalNode): GoalNode | undefined {
    return nodeAt(this.roots, uri.toString(), position, prefer);
  }

  dispose(): void {
    this.changed.dispose();
    this.updated.dispose();
  }
}
