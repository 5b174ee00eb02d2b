/**
 * What `activate()` returns: the extension's API for tests (and for other extensions, should any need
 * it). Only what a caller can rely on; everything else stays inside the context object.
 */
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { DiagramPreview } from './preview/preview';
import type { ProblemsStatus } from './statusBar';
import type { GoalsTreeProvider } from './tree/provider';
import type { GoalNode } from './tree/node';

/** The Goalpost extension's API. */
export interface GoalpostApi {
  /** The language client, running the bundled server over node IPC. */
  readonly client: LanguageClient;
  /** The Goals view's data provider (its model comes from `goalpost/outline`). */
  readonly goalsTree: GoalsTreeProvider;
  /** The Goals view. */
  readonly goalsView: vscode.TreeView<GoalNode>;
  /** The status-bar item with the problems in goal files. */
  readonly problems: ProblemsStatus;
  /** The diagram preview (its panel, model and the messages to and from its page). */
  readonly preview: DiagramPreview;
  /** Resolves once the client has started and the server has indexed the workspace (again after a restart). */
  whenReady(): Promise<void>;
}
