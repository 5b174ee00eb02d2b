/**
 * The Goalpost extension's entry: wiring only. The context object owns the client, the views and every
 * disposable; the commands are a table.
 */
import type * as vscode from 'vscode';
import type { GoalpostApi } from './api';
import { commands } from './commands';
import { Ctx } from './ctx';

let ctx: Ctx | undefined;

/** Creates the context, registers the commands and starts the language server. */
export async function activate(context: vscode.ExtensionContext): Promise<GoalpostApi> {
  ctx = new Ctx(context);
  context.subscriptions.push(ctx);
  ctx.registerCommands(commands);
  await ctx.start();
  return ctx.api();
}

/** Stops the language server; VS Code disposes the rest through the subscriptions. */
export async function deactivate(): Promise<void> {
  await ctx?.stop();
  ctx = undefined;
}
