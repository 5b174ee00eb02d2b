/**
 * Every command, as data: its id (from ids.ts, declared in package.json) and what it does with the
 * context. Registering them is the context's job; adding a command means a line here and its
 * contribution in package.json.
 */
import * as vscode from 'vscode';
import type { Ctx } from './ctx';
import { EffectiveConfigDocuments } from './effectiveConfig';
import { type COMMAND, LANGUAGE } from './ids';
import { newGoalsFile, type NewGoalsFileArgs } from './newGoalsFile';
import type { GoalNode } from './tree/node';

/** What a command does, given the context and the arguments VS Code (or a caller) passes. */
export type CommandHandler = (ctx: Ctx, ...args: never[]) => unknown;

/** One handler per command id; the record's type makes a missing handler a compile error. */
export const commands: Readonly<Record<keyof typeof COMMAND, CommandHandler>> = {
  newGoalsFile: (ctx, args: NewGoalsFileArgs) => newGoalsFile(ctx.client, args),
  restartServer: (ctx) => ctx.restart(),
  showEffectiveConfig: (_ctx, target?: vscode.Uri | GoalNode) => showEffectiveConfig(target),
  showOutput: (ctx) => ctx.output.show(true),
  refreshGoals: (ctx) => ctx.tree.refresh(),
  groupByDepartment: (ctx) => ctx.setGrouping('department'),
  groupByObjective: (ctx) => ctx.setGrouping('objective'),
  revealItem: (_ctx, node: GoalNode) => revealItem(node),
  openPreview: (ctx, target?: vscode.Uri) => ctx.preview.open(target instanceof vscode.Uri ? target : undefined),
};

/** Opens the item's file with its head selected (a tree click). */
async function revealItem(node: GoalNode): Promise<vscode.TextEditor | undefined> {
  const { uri, range } = node.item;
  if (!uri || !range) return undefined;
  const selection = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
  return vscode.window.showTextDocument(vscode.Uri.parse(uri), { selection, preserveFocus: false, preview: true });
}

/** The effective configuration of the given file (the editor title's, a tree item's) or the active goals file's. */
async function showEffectiveConfig(target?: vscode.Uri | GoalNode): Promise<vscode.TextEditor | undefined> {
  const file =
    target instanceof vscode.Uri
      ? target
      : target?.item.uri
        ? vscode.Uri.parse(target.item.uri)
        : vscode.window.activeTextEditor?.document.languageId === LANGUAGE
          ? vscode.window.activeTextEditor.document.uri
          : undefined;
  if (!file) {
    void vscode.window.showInformationMessage('Open a goals file first: the effective configuration is that of one file.');
    return undefined;
  }
  return EffectiveConfigDocuments.show(file);
}
