/**
 * "Follow cursor": as the cursor moves in a goals file, the Goals view selects the node of the item
 * under it. Only while the view is visible, and without taking focus from the editor.
 */
import * as vscode from 'vscode';
import { LANGUAGE } from '../ids';
import type { GoalNode } from './node';
import type { GoalsTreeProvider } from './provider';

/** Keeps the view's selection on the item under the cursor. */
export class FollowCursor implements vscode.Disposable {
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly tree: GoalsTreeProvider,
    private readonly view: vscode.TreeView<GoalNode>,
  ) {
    this.subscriptions = [
      vscode.window.onDidChangeTextEditorSelection((event) => void this.follow(event.textEditor)),
      vscode.window.onDidChangeActiveTextEditor((editor) => editor && void this.follow(editor)),
      view.onDidChangeVisibility((event) => event.visible && vscode.window.activeTextEditor && void this.follow(vscode.window.activeTextEditor)),
      // After a refresh the nodes are new objects: select the new node of the same item.
      tree.onDidUpdate(() => vscode.window.activeTextEditor && void this.follow(vscode.window.activeTextEditor)),
    ];
  }

  /** Reveals and selects the node under the editor's cursor, if the view shows and there is one. */
  async follow(editor: vscode.TextEditor): Promise<void> {
    if (!this.view.visible || editor.document.languageId !== LANGUAGE) return;
    const node = this.tree.nodeAt(editor.document.uri, editor.selection.active, this.view.selection[0]);
    if (!node || this.view.selection[0] === node) return;
    try {
      await this.view.reveal(node, { select: true, focus: false, expand: false });
    } catch {
      // The tree was replaced while revealing; the next update follows again.
    }
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
