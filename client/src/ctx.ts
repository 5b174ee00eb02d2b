/**
 * The extension's context: it owns the language client, the Goals view, the status-bar item, the
 * effective-configuration documents and every disposable, and knows when the server is ready.
 * `activate()` creates one and wires it; nothing else holds state.
 */
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { OutlineChangedNotification, OutlineRequest, type OutlineGrouping } from '../../server/src/protocol';
import type { GoalpostApi } from './api';
import type { CommandHandler } from './commands';
import { EffectiveConfigDocuments } from './effectiveConfig';
import { COMMAND, CONTEXT, EFFECTIVE_CONFIG_SCHEME, GOALS_VIEW } from './ids';
import { createLanguageClient } from './languageClient';
import { DiagramPreview } from './preview/preview';
import { ProblemsStatus } from './statusBar';
import { FollowCursor } from './tree/followCursor';
import type { GoalNode } from './tree/node';
import { GoalsTreeProvider } from './tree/provider';

/** How long the outline must be quiet before the view asks for it again (a typing pause). */
const REFRESH_DELAY_MS = 100;

/** Where the chosen grouping is remembered, per workspace. */
const GROUPING_KEY = 'goalpost.groupBy';

/** A promise with its resolver, for "ready" (the first index after each start). */
interface Deferred {
  readonly promise: Promise<void>;
  readonly resolve: () => void;
}

function deferred(): Deferred {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

/** The one owner of the extension's state and disposables. */
export class Ctx implements vscode.Disposable {
  readonly output: vscode.LogOutputChannel;
  readonly client: LanguageClient;
  readonly tree: GoalsTreeProvider;
  readonly view: vscode.TreeView<GoalNode>;
  readonly problems: ProblemsStatus;
  readonly preview: DiagramPreview;
  private readonly effectiveConfigs: EffectiveConfigDocuments;
  private readonly disposables: vscode.Disposable[] = [];
  private ready = deferred();
  private refreshTimer: NodeJS.Timeout | undefined;

  constructor(private readonly extension: vscode.ExtensionContext) {
    this.output = this.own(vscode.window.createOutputChannel('Goalpost', { log: true }));
    this.client = createLanguageClient(extension, this.output);
    const grouping = extension.workspaceState.get<OutlineGrouping>(GROUPING_KEY) === 'department' ? 'department' : 'objective';
    this.tree = this.own(new GoalsTreeProvider((groupBy) => this.fetchOutline(groupBy), grouping));
    this.view = this.own(vscode.window.createTreeView(GOALS_VIEW, { treeDataProvider: this.tree, showCollapseAll: true }));
    this.own(new FollowCursor(this.tree, this.view));
    this.problems = this.own(new ProblemsStatus());
    this.preview = this.own(new DiagramPreview(extension.extensionUri, this.client, () => this.whenReady()));
    this.effectiveConfigs = this.own(new EffectiveConfigDocuments(() => this.client));
    this.own(vscode.workspace.registerTextDocumentContentProvider(EFFECTIVE_CONFIG_SCHEME, this.effectiveConfigs));
    this.own(this.tree.onDidUpdate((roots) => void vscode.commands.executeCommand('setContext', CONTEXT.noGoals, roots.length === 0)));
    void vscode.commands.executeCommand('setContext', CONTEXT.groupBy, grouping);

    // Registered before start, so the notification that ends the first index cannot be missed.
    this.own(
      this.client.onNotification(OutlineChangedNotification.type, async ({ indexed }) => {
        this.preview.outlineChanged();
        if (!indexed) return this.refreshSoon();
        await this.refreshNow();
        this.ready.resolve();
      }),
    );
    this.own({ dispose: () => clearTimeout(this.refreshTimer) });
    this.own(
      this.client.onDidChangeState(({ newState }) => {
        // A (re)start, by the user or after a crash: "ready" waits for the new server's first index.
        if (newState === State.Starting) this.ready = deferred();
      }),
    );
  }

  /** Registers every command of the table. */
  registerCommands(table: Readonly<Record<keyof typeof COMMAND, CommandHandler>>): void {
    for (const [name, handler] of Object.entries(table) as [keyof typeof COMMAND, CommandHandler][]) {
      this.own(vscode.commands.registerCommand(COMMAND[name], (...args: never[]) => handler(this, ...args)));
    }
  }

  /** Starts the language client; resolves once it runs (the first index follows, see whenReady). */
  async start(): Promise<void> {
    this.ready = deferred();
    await this.client.start();
  }

  /** Restarts the server (the command); resolves when the new one has indexed the workspace. */
  async restart(): Promise<void> {
    this.output.info('Restarting the language server on request.');
    if (this.client.state === State.Stopped) await this.start();
    else await this.client.restart();
    await this.ready.promise;
    vscode.window.setStatusBarMessage('$(check) Goalpost language server restarted', 3000);
  }

  /** Resolves once the client runs and the server has indexed the workspace. */
  whenReady(): Promise<void> {
    return this.ready.promise;
  }

  /** Groups the Goals view by objective or department, and remembers it for this workspace. */
  async setGrouping(grouping: OutlineGrouping): Promise<void> {
    await this.extension.workspaceState.update(GROUPING_KEY, grouping);
    await vscode.commands.executeCommand('setContext', CONTEXT.groupBy, grouping);
    await this.tree.setGrouping(grouping);
  }

  /** The API `activate()` returns. */
  api(): GoalpostApi {
    return {
      client: this.client,
      goalsTree: this.tree,
      goalsView: this.view,
      problems: this.problems,
      preview: this.preview,
      whenReady: () => this.whenReady(),
    };
  }

  /** Stops the server (deactivation); the disposables go with the extension's subscriptions. */
  async stop(): Promise<void> {
    if (this.client.isRunning()) await this.client.stop();
  }

  dispose(): void {
    for (const disposable of this.disposables.splice(0).reverse()) disposable.dispose();
  }

  /** Refreshes the view and the effective-configuration documents now. */
  private async refreshNow(): Promise<void> {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = undefined;
    await this.tree.refresh().catch((error) => this.log('refreshing the Goals view', error));
    this.effectiveConfigs.refreshOpen();
  }

  /**
   * Refreshes once the changes have paused for REFRESH_DELAY_MS: while someone types, the server says
   * "changed" after every check, and one outline of the whole workspace per pause is enough.
   */
  private refreshSoon(): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => void this.refreshNow(), REFRESH_DELAY_MS);
  }

  private async fetchOutline(groupBy: OutlineGrouping) {
    if (!this.client.isRunning()) return this.tree.nodes.map((node) => node.item);
    return (await this.client.sendRequest(OutlineRequest.type, { groupBy })).items;
  }

  private own<T extends vscode.Disposable>(disposable: T): T {
    this.disposables.push(disposable);
    return disposable;
  }

  private log(what: string, error: unknown): void {
    this.output.error(`Failed while ${what}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
