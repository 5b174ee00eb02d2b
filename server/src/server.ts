/**
 * The Goalpost language server: LSP wiring only. Transport (stdio, node IPC or a socket) comes from the
 * command line, as vscode-languageserver reads it (`--stdio`, `--node-ipc`, `--socket=N`). Every request
 * is answered from the Project, whose analyses come from the shared pure core.
 */
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  MessageType,
  ProposedFeatures,
  ShowMessageNotification,
  TextDocumentSyncKind,
  createConnection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import { version } from '../../package.json';
import { codeActions } from './features/codeActions';
import { codeLenses, goalMessage } from './features/codeLens';
import { completion } from './features/completion';
import { diagram } from './features/diagram';
import { documentContext, type DocumentContext } from './features/support/context';
import { hover } from './features/hover';
import { definition, references } from './features/navigation';
import { effectiveConfig } from './features/effectiveConfig';
import { outline } from './features/outline';
import { starterFile } from './features/starterFile';
import { prepareRename, rename } from './features/rename';
import { documentSymbols, workspaceSymbols } from './features/symbols';
import { clientSupport, type ClientSupport } from './clientSupport';
import { DiagnosticsPublisher, guarded } from './diagnosticsPublisher';
import { EditedDocuments } from './editedDocuments';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { completionsFor, hoverFor } from './markup';
import { isGoalsFile } from './node/fsUtil';
import { Project, WARM_UP_SAMPLE, warmUp } from './project';
import { OutlineChanges } from './outlineChanges';
import { DiagramRequest, EffectiveConfigRequest, OutlineChangedNotification, OutlineRequest, ServerCommand, StarterFileRequest } from './protocol';
import { WorkspaceSettings } from './settings';
import { startup } from './startup';
import { withWorkDone } from './workDone';

// `--help`, `--version` or no transport: answer and exit before the library would throw for want of a transport.
const start = startup(process.argv.slice(2), version);
if (!start.serve) {
  (start.code === 0 ? process.stdout : process.stderr).write(`${start.text}\n`);
  process.exit(start.code);
}

const connection = createConnection(ProposedFeatures.all);
const edited = new EditedDocuments();
const documents = edited.documents;
const project = new Project();
const settings = new WorkspaceSettings(project);
/** Tells the client when an outline may have changed (the Goals view refreshes on it). */
const outlineChanges = new OutlineChanges((indexed) => void connection.sendNotification(OutlineChangedNotification.type, { indexed }));
const publisher = new DiagnosticsPublisher(project, {
  send: (uri, diagnostics) => void connection.sendDiagnostics({ uri, version: documents.get(uri)?.version, diagnostics }),
  settingsRead: (group) => settings.read(group),
  analysed: (key, analysis) => outlineChanges.saw(key, analysis),
  retained: (keys) => {
    outlineChanges.retain(keys);
    settings.retain(keys);
  },
  error: (message) => connection.console.error(message),
});
/** What the client said it supports, from `initialize`; nothing until then. */
let client: ClientSupport = clientSupport({ processId: null, rootUri: null, capabilities: {} });

connection.onInitialize((params: InitializeParams): InitializeResult => {
  client = clientSupport(params);
  // Before answering: the client sends its open documents right after the answer, and the first of them
  // should not pay for cold code (the reader, the validators and every rule run once on a sample).
  guard('warming up', () => warmUp(WARM_UP_SAMPLE));
  if (client.configuration) settings.askWith((scopeUri) => connection.workspace.getConfiguration({ scopeUri, section: 'goalpost' }));
  return {
    serverInfo: { name: 'goalpost-language-server', version },
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      completionProvider: { triggerCharacters: [':', ' ', '[', ',', '-'], resolveProvider: false },
      hoverProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      renameProvider: { prepareProvider: true },
      documentSymbolProvider: true,
      workspaceSymbolProvider: true,
      codeLensProvider: { resolveProvider: false },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll] },
      executeCommandProvider: { commands: Object.values(ServerCommand) },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
  };
});

connection.onInitialized(async () => {
  // Registered only where the client says it can be (Neovim and eglot warn on every start otherwise).
  if (client.registersConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, undefined);
  if (client.watchedFiles) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [{ globPattern: '**/*.goals.{yaml,yml}' }, { globPattern: '**/.goalpost.{yaml,yml}' }],
    });
  }
  if (client.folders) {
    // The library throws here for a client that did not announce workspace folders.
    connection.workspace.onDidChangeWorkspaceFolders((event) => {
      for (const removed of event.removed) for (const uri of project.removeFolder(removed.uri)) publisher.clear(uri);
      for (const added of event.added) project.addFolder(added.uri);
      void refreshAll();
    });
  }
  const folders = client.initialFolders;
  await withWorkDone(connection, client.workDone, 'Goalpost: indexing goal files', async (report) => {
    report(0, 'Preparing the checks');
    for (const [index, folder] of folders.entries()) {
      report((index / (folders.length + 1)) * 100, `Reading ${URI.parse(folder).path.split('/').pop() || folder}`);
      guard('indexing a workspace folder', () => project.addFolder(folder));
    }
    publisher.indexed();
    report((folders.length / (folders.length + 1)) * 100, `Checking ${project.allFiles().length} goal files`);
    await refreshAll();
  }).finally(() => publisher.indexed());
  outlineChanges.start();
});

documents.onDidChangeContent(({ document }) => {
  if (!isGoalsDocument(document)) return;
  project.setText(document.uri, document.getText(), document.version, edited.editOf(document));
  publisher.schedule(document.uri);
});

documents.onDidClose(({ document }) => {
  if (!isGoalsDocument(document)) return;
  project.close(document.uri);
  void publisher.closed(document.uri);
});

connection.onDidChangeWatchedFiles(({ changes }) => {
  let changed = false;
  for (const change of changes) {
    const deleted = change.type === FileChangeType.Deleted;
    if (project.diskChanged(change.uri, deleted)) changed = true;
    if (deleted) publisher.clear(change.uri);
  }
  if (changed) void refreshAll();
});

connection.onDidChangeConfiguration((params) => {
  settings.changed((params.settings as { goalpost?: unknown } | null | undefined)?.goalpost);
  void refreshAll();
});

connection.onCompletion((params, token) =>
  completionsFor(
    client.markdown,
    answer(params.textDocument.uri, token, [], (context) => completion(context, params.position)),
  ),
);
connection.onHover((params, token) =>
  hoverFor(
    client.markdown,
    answer(params.textDocument.uri, token, null, (context) => hover(context, params.position)),
  ),
);
connection.onDefinition((params, token) => answer(params.textDocument.uri, token, null, (context) => definition(context, params.position)));
connection.onReferences((params, token) =>
  answer(params.textDocument.uri, token, [], (context) => references(context, params.position, params.context.includeDeclaration)),
);
connection.onPrepareRename((params, token) => answer(params.textDocument.uri, token, null, (context) => prepareRename(context, params.position)));
connection.onRenameRequest((params, token) => answer(params.textDocument.uri, token, null, (context) => rename(context, params.position, params.newName)));
connection.onDocumentSymbol((params, token) => answer(params.textDocument.uri, token, [], (context) => documentSymbols(context)));
connection.onWorkspaceSymbol((params, token) =>
  token.isCancellationRequested ? [] : (guard('workspace symbols', () => workspaceSymbols(project, params.query)) ?? []),
);
connection.onCodeLens((params, token) => answer(params.textDocument.uri, token, [], (context) => codeLenses(context)));
connection.onCodeAction((params, token) => answer(params.textDocument.uri, token, [], (context) => codeActions(context, params)));
connection.onExecuteCommand((params, token) => {
  const [uri, id] = params.arguments ?? [];
  if (params.command !== ServerCommand.showGoal || typeof uri !== 'string') return null;
  const message = answer(uri, token, undefined, (context) => goalMessage(context, id));
  // A notification, not `window/showMessageRequest`: every client shows it, and nothing waits for an answer.
  if (message !== undefined) void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message });
  return null;
});
connection.onRequest(OutlineRequest.type, (params) => guard('the outline', () => outline(project, params)) ?? { items: [] });
connection.onRequest(EffectiveConfigRequest.type, (params) => guard('the effective configuration', () => effectiveConfig(project, params)) ?? null);
connection.onRequest(StarterFileRequest.type, (params) => guard('a starter file', () => starterFile(project, params)) ?? null);
connection.onRequest(DiagramRequest.type, (params) => guard('the diagram', () => diagram(project, params)) ?? null);

connection.onShutdown(() => publisher.dispose());

/**
 * Runs a feature on a document's context. Pending checks are flushed first so answers match the text;
 * a feature that throws is logged and answers `fallback`, and the server lives on.
 */
function answer<T>(uri: string, token: { isCancellationRequested: boolean }, fallback: T, feature: (context: DocumentContext) => T): T {
  if (token.isCancellationRequested) return fallback;
  const context = guard('reading the document', () => documentContext(project, uri));
  if (!context) return fallback;
  return guard(`a request on ${uri}`, () => feature(context)) ?? fallback;
}

function guard<T>(what: string, work: () => T): T | undefined {
  return guarded(what, work, (message) => connection.console.error(message));
}

function isGoalsDocument(document: TextDocument): boolean {
  return document.languageId === 'goals' || isGoalsFile(URI.parse(document.uri).path);
}

/** Reads settings again, then re-checks and publishes everything. */
async function refreshAll(): Promise<void> {
  settings.reread();
  await publisher.publishAll();
}

documents.listen(connection);
connection.listen();
