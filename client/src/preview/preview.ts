/**
 * The diagram preview: one webview panel beside the editor showing the strategy of the followed goals
 * file's workspace (from `goalpost/diagram`, never parsed here), refreshed after the server's analysis and
 * when another goals editor becomes active, following the cursor, and restored after a window reload.
 * The page is client/webview's bundle; the messages both ways are the union in core/render/messages.ts.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { isPageMessage, type HostMessage, type PageMessage } from '../../../server/src/core/render/messages';
import type { ViewState } from '../../../server/src/core/render/view';
import { DiagramRequest, type DiagramResult } from '../../../server/src/protocol';
import { LANGUAGE, PREVIEW_VIEW_TYPE } from '../ids';
import { nodeAt } from './cursor';
import { exportSvg } from './exportSvg';
import { previewHtml, webviewOptions } from './html';

/** What VS Code keeps for a panel across reloads: the state the page saved (client/webview/host.ts). */
export interface PanelState {
  readonly view?: ViewState;
}

/** The preview panel's owner: at most one panel, its model, and the messages to and from its page. */
export class DiagramPreview implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private panelSubscriptions: vscode.Disposable[] = [];
  private readonly subscriptions: vscode.Disposable[];
  /** The goals file the preview follows (its workspace is drawn, its items highlighted). */
  private document: vscode.Uri | undefined;
  private model: DiagramResult | undefined;
  /** The model the panel's HTML embeds: a page that (re)loads starts from it, so `ready` sends a newer one. */
  private embedded: DiagramResult | undefined;
  private highlighted: string | null = null;
  private view: ViewState | undefined;
  /** Whether a refresh is in flight, and whether another was asked for meanwhile (see refreshSoon). */
  private refreshing = false;
  private refreshAgain = false;
  private requests = 0;
  /** A change came while the panel was hidden: fetch when it shows again. */
  private stale = false;
  private readonly svgWaiters: ((svg: string) => void)[] = [];
  private readonly posted = new vscode.EventEmitter<HostMessage>();
  private readonly received = new vscode.EventEmitter<PageMessage>();
  private readonly refreshed = new vscode.EventEmitter<DiagramResult>();

  /** Each message posted to the page, once the webview took it. */
  readonly onDidPost = this.posted.event;
  /** Each message from the page, before it is handled. */
  readonly onDidReceive = this.received.event;
  /** Each new model from the server, after it went to the panel. */
  readonly onDidRefresh = this.refreshed.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly client: LanguageClient,
    private readonly whenReady: () => Promise<void>,
  ) {
    this.subscriptions = [
      vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
        deserializeWebviewPanel: (panel, state: unknown) => this.restore(panel, state as PanelState | undefined),
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (!this.panel || editor?.document.languageId !== LANGUAGE || editor.document.uri.toString() === this.document?.toString()) return;
        this.document = editor.document.uri;
        this.refreshSoon();
      }),
      vscode.window.onDidChangeTextEditorSelection(({ textEditor }) => this.followCursor(textEditor)),
      this.posted,
      this.received,
      this.refreshed,
    ];
  }

  /** The open panel, if any. */
  get current(): vscode.WebviewPanel | undefined {
    return this.panel;
  }

  /** The last model the panel received. */
  get lastModel(): DiagramResult | undefined {
    return this.model;
  }

  /** Opens the preview beside the editor (or reveals it) for `file`, else the active goals file, else the first workspace. */
  async open(file?: vscode.Uri): Promise<vscode.WebviewPanel> {
    const active = vscode.window.activeTextEditor;
    this.document = file ?? (active?.document.languageId === LANGUAGE ? active.document.uri : this.document);
    if (this.panel) {
      this.panel.reveal(undefined, true);
      await this.refreshNow();
      return this.panel;
    }
    const panel = vscode.window.createWebviewPanel(
      PREVIEW_VIEW_TYPE,
      'Strategy preview',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      webviewOptions(this.extensionUri),
    );
    await this.adopt(panel);
    return panel;
  }

  /** Called when the server says an outline may have changed: ask again once the changes pause. */
  outlineChanged(): void {
    if (this.panel) this.refreshSoon();
  }

  /** Asks the page for the diagram it shows, as a standalone SVG document; fails when no page can take the request. */
  async currentSvg(): Promise<string> {
    let waiter!: (svg: string) => void;
    const answer = new Promise<string>((resolve) => this.svgWaiters.push((waiter = resolve)));
    if (!(await this.post({ type: 'requestSvg' }))) {
      this.svgWaiters.splice(this.svgWaiters.indexOf(waiter), 1);
      throw new Error('The preview is not showing, so it has no diagram to export.');
    }
    return answer;
  }

  /** Handles a message from the page (the webview's `onDidReceiveMessage` lands here). */
  async handle(message: PageMessage): Promise<void> {
    this.received.fire(message);
    switch (message.type) {
      case 'ready':
        // A page that (re)loads starts from its embedded model; send what came since.
        if (this.model && this.model !== this.embedded) await this.post({ type: 'model', graph: this.model.graph, active: this.model.active });
        if (this.highlighted !== null) await this.post({ type: 'highlight', key: this.highlighted });
        return;
      case 'reveal':
        await this.reveal(message.key);
        return;
      case 'svg': {
        if (typeof message.svg !== 'string') return;
        const waiters = this.svgWaiters.splice(0);
        if (waiters.length > 0) {
          for (const resolve of waiters) resolve(message.svg);
          return;
        }
        const written = await exportSvg(message.svg, this.document);
        if (written) void vscode.window.showInformationMessage(`Exported the diagram to ${vscode.workspace.asRelativePath(written)}.`);
        return;
      }
      case 'view':
        this.view = message.view;
        return;
      default:
        assertNever(message);
    }
  }

  dispose(): void {
    this.panel?.dispose();
    for (const subscription of this.subscriptions.splice(0)) subscription.dispose();
  }

  /** A panel VS Code restores after a reload (the serializer calls this): it follows the active goals file again, from the view it showed. */
  async restore(panel: vscode.WebviewPanel, state: PanelState | undefined): Promise<void> {
    if (this.panel) {
      // Only one preview at a time.
      panel.dispose();
      return;
    }
    panel.webview.options = webviewOptions(this.extensionUri);
    const active = vscode.window.activeTextEditor;
    if (active?.document.languageId === LANGUAGE) this.document = active.document.uri;
    this.view = state?.view;
    await this.whenReady();
    await this.adopt(panel);
  }

  /** Takes a new or restored panel: its handlers, the first model, then its HTML. */
  private async adopt(panel: vscode.WebviewPanel): Promise<void> {
    this.panel = panel;
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'goalpost.svg');
    this.panelSubscriptions = [
      panel.webview.onDidReceiveMessage((value: unknown) => {
        if (isPageMessage(value)) void this.handle(value).catch((error) => this.fail('handling a message from the preview', error));
      }),
      panel.onDidChangeViewState(() => {
        if (panel.visible && this.stale) this.refreshSoon();
      }),
      panel.onDidDispose(() => {
        if (this.panel !== panel) return;
        this.panel = undefined;
        this.model = this.embedded = undefined;
        this.highlighted = null;
        for (const subscription of this.panelSubscriptions.splice(0)) subscription.dispose();
      }),
    ];
    const model = (await this.fetch()) ?? { graph: { nodes: [], edges: [], departments: [] }, active: [], extents: [], title: '' };
    if (this.panel !== panel) return;
    this.model = this.embedded = model;
    panel.title = previewTitle(model);
    panel.webview.html = previewHtml(panel.webview, this.extensionUri, panel.title, { graph: model.graph, active: model.active, view: this.view });
    // Selects the item under the cursor now; a page still loading gets it again when it says `ready`.
    if (vscode.window.activeTextEditor) this.followCursor(vscode.window.activeTextEditor);
    this.refreshed.fire(model);
  }

  /**
   * Asks for the diagram now, or, while a request is in flight, once it has been answered: one request at
   * a time, the last change never lost, and no timer adding its delay to every keystroke (the server
   * already debounces its analysis, and announces each one with `outlineChanged`).
   */
  private refreshSoon(): void {
    if (this.refreshing) {
      this.refreshAgain = true;
      return;
    }
    this.refreshing = true;
    void this.refreshNow()
      .catch((error) => this.fail('refreshing the preview', error))
      .finally(() => {
        this.refreshing = false;
        if (this.refreshAgain) {
          this.refreshAgain = false;
          this.refreshSoon();
        }
      });
  }

  /** Fetches the diagram and sends it to the page; an answer overtaken by a later request is dropped. */
  private async refreshNow(): Promise<void> {
    const panel = this.panel;
    if (!panel) return;
    if (!panel.visible) {
      // A hidden webview has no page to send to; it asks again when shown.
      this.stale = true;
      return;
    }
    this.stale = false;
    const model = await this.fetch();
    if (!model || this.panel !== panel) return;
    this.model = model;
    panel.title = previewTitle(model);
    await this.post({ type: 'model', graph: model.graph, active: model.active });
    const editor = vscode.window.activeTextEditor;
    if (editor) this.followCursor(editor);
    this.refreshed.fire(model);
  }

  /** The diagram of the followed file's workspace; undefined when the server cannot answer or a later request started. */
  private async fetch(): Promise<DiagramResult | undefined> {
    const request = ++this.requests;
    if (!this.client.isRunning()) return undefined;
    const result = await this.client.sendRequest(DiagramRequest.type, { uri: this.document?.toString() });
    return request === this.requests && result ? result : undefined;
  }

  /** Highlights the node under the cursor of the followed file (none when the cursor is outside every item). */
  private followCursor(editor: vscode.TextEditor): void {
    if (!this.panel || !this.model || editor.document.uri.toString() !== this.document?.toString()) return;
    const key = nodeAt(this.model.extents, editor.selection.active);
    if (key === this.highlighted) return;
    this.highlighted = key;
    void this.post({ type: 'highlight', key });
  }

  /** Opens a node's source with its head selected, in the editor group the preview is not in. */
  private async reveal(key: string): Promise<void> {
    // The page names the file and range too, but only nodes of the model we sent are opened.
    const node = this.model?.graph.nodes.find((candidate) => candidate.key === key);
    if (!node) return;
    const uri = vscode.Uri.parse(node.file);
    const { start, end } = node.range;
    const shown = vscode.window.visibleTextEditors.find((editor) => editor.document.uri.toString() === uri.toString());
    const column = shown?.viewColumn ?? (this.panel?.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One);
    await vscode.window.showTextDocument(uri, {
      viewColumn: column,
      selection: new vscode.Range(start.line, start.character, end.line, end.character),
      preserveFocus: false,
    });
  }

  /** Sends a message to the page; false when there is no page to take it (no panel, or hidden). */
  private async post(message: HostMessage): Promise<boolean> {
    if (!this.panel || !(await this.panel.webview.postMessage(message))) return false;
    this.posted.fire(message);
    return true;
  }

  private fail(what: string, error: unknown): void {
    void vscode.window.showErrorMessage(`Goalpost failed while ${what}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function previewTitle(model: DiagramResult): string {
  return model.title ? `Strategy: ${model.title}` : 'Strategy preview';
}

/** Compile-time exhaustiveness: a page message that is not handled fails the type-check. */
function assertNever(value: never): never {
  throw new Error(`Unhandled message from the preview: ${JSON.stringify(value)}`);
}
