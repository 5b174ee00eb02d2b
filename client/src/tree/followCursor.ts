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
  /** The editor whose cursor to follow next; set while a reveal runs, so that only the last one counts. */
  private next: vscode.TextEditor | undefined;
  private revealing = false;

  constructor(
    private readonly tree: GoalsTreeProvider,
    private readonly view: vscode.TreeView<GoalNode>,
  ) {
    this.subscriptions = [
      vscode.window.onDidChangeTextEditorSelection((event) => this.follow(event.textEditor)),
      vscode.window.onDidChangeActiveTextEditor((editor) => editor && this.follow(editor)),
      view.onDidChangeVisibility((event) => event.visible && vscode.window.activeTextEditor && this.follow(vscode.window.activeTextEditor)),
      // After a refresh the nodes are new objects: select the new node of the same item.
      tree.onDidUpdate(() => vscode.window.activeTextEditor && this.follow(vscode.window.activeTextEditor)),
    ];
  }

  /**
   * Reveals and selects the node under the editor's cursor. One reveal at a time: two in flight race in
   * the workbench, and the older one could win (or fail against a tree replaced under it); a request
   * made meanwhile waits, and only the last of them runs.
   */
  follow(editor: vscode.TextEditor): void {
    this.next = editor;
    if (!this.revealing) void this.revealEach();
  }

  private async revealEach(): Promise<void> {
    this.revealing = true;
    try {
      for (let editor = this.next; editor; editor = this.next) {
        this.next = undefined;
        await this.reveal(editor);
      }
    } finally {
      this.revealing = false;
    }
  }

  private async reveal(editor: vscode.TextEditor): Promise<void> {
    if (!this.view.visible || editor.document.isClosed || editor.document.languageId !== LANGUAGE) return;
    const node = this.tree.nodeAt(editor.document.uri, editor.selection.active, this.view.selection[0]);
    if (!node || this.view.selection[0] === node) return;
    try {
      await this.view.reveal(node, { select: true, focus: false, expand: false });
    } catch {
      // The tree was replaced while revealing; its update asks to follow again.
    }
  }

  dispose(): void {
    this.next = undefined;
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
