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
  TextDocuments,
  createConnection,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { version } from '../../package.json';
import { isIsoDate } from './core/dates';
import { codeActions } from './features/codeActions';
import { codeLenses, goalMessage } from './features/codeLens';
import { completion } from './features/completion';
import { diagram } from './features/diagram';
import { documentContext, type DocumentContext } from './features/context';
import { hover } from './features/hover';
import { definition, references } from './features/navigation';
import { effectiveConfig } from './features/effectiveConfig';
import { outline } from './features/outline';
import { starterFile } from './features/starterFile';
import { prepareRename, rename } from './features/rename';
import { documentSymbols, workspaceSymbols } from './features/symbols';
import { completionsFor, hoverFor, markdownSupport, type MarkdownSupport } from './markup';
import { isGoalsFile } from './node/fsUtil';
import { Project, WARM_UP_SAMPLE, warmUp, type Group } from './project';
import { OutlineChanges } from './outlineChanges';
import { DiagramRequest, EffectiveConfigRequest, OutlineChangedNotification, OutlineRequest, ServerCommand, StarterFileRequest } from './protocol';
import { startup } from './startup';
import { toDiagnostic } from './toLsp';
import { withWorkDone } from './workDone';

/**
 * How long a document must be quiet before it is re-checked: long enough that the changes of one burst
 * (arriving together, as a paste or multi-cursor edit sends them) make one analysis, short enough to add
 * nothing a user notices; parsing an edit re-reads only its item, so checking each keystroke is cheap.
 */
const DEBOUNCE_MS = 5;

// `--help`, `--version` or no transport: answer and exit before the library would throw for want of a transport.
const start = startup(process.argv.slice(2), version);
if (!start.serve) {
  (start.code === 0 ? process.stdout : process.stderr).write(`${start.text}\n`);
  process.exit(start.code);
}

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const project = new Project();
/** Diagnostics last published per URI, serialized, so that unchanged ones are not sent again. */
const published = new Map<string, string>();
const timers = new Map<string, NodeJS.Timeout>();
let supportsConfiguration = false;
let registersConfiguration = false;
let supportsWatchedFiles = false;
let supportsWorkDone = false;
/** Whether the client sends workspace folder changes; without it the folders are the root it started with. */
let supportsFolders = false;
let markdown: MarkdownSupport = { hover: true, completion: true };
/** Tells the client when an outline may have changed (the Goals view refreshes on it). */
const outlineChanges = new OutlineChanges((indexed) => void connection.sendNotification(OutlineChangedNotification.type, { indexed }));
let folders: string[] = [];
/**
 * Settles once the folders given at start are indexed (or indexing failed): an open document is not checked
 * before, or it would be checked alone and show cross-file findings that the index then takes back.
 */
let markIndexed: () => void = () => undefined;
const initialIndex = new Promise<void>((resolve) => (markIndexed = resolve));
/**
 * Each group's settings read since the last configuration change, as the read in flight or done: nothing
 * of a group is published before its read is done, so first diagnostics already honour `goalpost.today`.
 */
const settingsRead = new Map<string, Promise<void>>();
/** Settings pushed by a client that cannot be asked for them. */
let pushedSettings: unknown;

connection.onInitialize((params: InitializeParams): InitializeResult => {
  supportsConfiguration = params.capabilities.workspace?.configuration === true;
  registersConfiguration = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
  supportsWatchedFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  supportsWorkDone = params.capabilities.window?.workDoneProgress === true;
  supportsFolders = params.capabilities.workspace?.workspaceFolders === true;
  markdown = markdownSupport(params.capabilities);
  folders = (params.workspaceFolders ?? []).map((folder) => folder.uri);
  // Clients without workspace folders (Neovim before 0.8's folders, older eglot) name one root instead.
  if (folders.length === 0 && params.rootUri) folders = [params.rootUri];
  if (folders.length === 0 && params.rootPath) folders = [URI.file(params.rootPath).toString()];
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
  if (registersConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, undefined);
  if (supportsWatchedFiles) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [{ globPattern: '**/*.goals.{yaml,yml}' }, { globPattern: '**/.goalpost.{yaml,yml}' }],
    });
  }
  if (supportsFolders) {
    // The library throws here for a client that did not announce workspace folders.
    connection.workspace.onDidChangeWorkspaceFolders((event) => {
      for (const removed of event.removed) for (const uri of project.removeFolder(removed.uri)) clear(uri);
      for (const added of event.added) project.addFolder(added.uri);
      void refreshAll();
    });
  }
  await withWorkDone(connection, supportsWorkDone, 'Goalpost: indexing goal files', async (report) => {
    report(0, 'Preparing the checks');
    guard('warming up', () => warmUp(WARM_UP_SAMPLE));
    for (const [index, folder] of folders.entries()) {
      report((index / (folders.length + 1)) * 100, `Reading ${URI.parse(folder).path.split('/').pop() || folder}`);
      guard('indexing a workspace folder', () => project.addFolder(folder));
    }
    markIndexed();
    report((folders.length / (folders.length + 1)) * 100, `Checking ${project.allFiles().length} goal files`);
    await refreshAll();
  }).finally(markIndexed);
  outlineChanges.start();
});

documents.onDidChangeContent(({ document }) => {
  if (!isGoalsDocument(document)) return;
  project.setText(document.uri, document.getText(), document.version);
  schedule(document.uri);
});

documents.onDidClose(({ document }) => {
  if (!isGoalsDocument(document)) return;
  cancel(document.uri);
  project.close(document.uri);
  // A closed file outside every workspace folder is forgotten, so its diagnostics go.
  if (!project.file(document.uri)) clear(document.uri);
  void publishAll();
});

connection.onDidChangeWatchedFiles(({ changes }) => {
  let changed = false;
  for (const change of changes) {
    const deleted = change.type === FileChangeType.Deleted;
    if (project.diskChanged(change.uri, deleted)) changed = true;
    if (deleted) clear(change.uri);
  }
  if (changed) void refreshAll();
});

connection.onDidChangeConfiguration((params) => {
  pushedSettings = (params.settings as { goalpost?: unknown } | null | undefined)?.goalpost;
  void refreshAll();
});

connection.onCompletion((params, token) => completionsFor(markdown, answer(params.textDocument.uri, token, [], (context) => completion(context, params.position))));
connection.onHover((params, token) => hoverFor(markdown, answer(params.textDocument.uri, token, null, (context) => hover(context, params.position))));
connection.onDefinition((params, token) => answer(params.textDocument.uri, token, null, (context) => definition(context, params.position)));
connection.onReferences((params, token) =>
  answer(params.textDocument.uri, token, [], (context) => references(context, params.position, params.context.includeDeclaration)),
);
connection.onPrepareRename((params, token) => answer(params.textDocument.uri, token, null, (context) => prepareRename(context, params.position)));
connection.onRenameRequest((params, token) => answer(params.textDocument.uri, token, null, (context) => rename(context, params.position, params.newName)));
connection.onDocumentSymbol((params, token) => answer(params.textDocument.uri, token, [], (context) => documentSymbols(context)));
connection.onWorkspaceSymbol((params, token) => (token.isCancellationRequested ? [] : guard('workspace symbols', () => workspaceSymbols(project, params.query)) ?? []));
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

connection.onShutdown(() => {
  for (const timer of timers.values()) clearTimeout(timer);
  timers.clear();
});

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
  try {
    return work();
  } catch (error) {
    connection.console.error(`Goalpost failed while ${what}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return undefined;
  }
}

function isGoalsDocument(document: TextDocument): boolean {
  return document.languageId === 'goals' || isGoalsFile(URI.parse(document.uri).path);
}

/** Re-checks a document's workspace once it has been quiet for DEBOUNCE_MS; a newer change restarts the wait. */
function schedule(uri: string): void {
  cancel(uri);
  timers.set(
    uri,
    setTimeout(() => {
      timers.delete(uri);
      void initialIndex.then(() => {
        const group = project.groupOf(uri);
        if (!group) {
          void publishAll();
          return;
        }
        // Parsing is done in this thread when the group is checked: the fast reader makes a worker not pay.
        void guardAsync('reading settings', () => settingsOf(group)).then(() => {
          // A newer change restarted the wait: its check will publish.
          if (!timers.has(uri)) publishGroup(group);
        });
      });
    }, DEBOUNCE_MS),
  );
}

function cancel(uri: string): void {
  const timer = timers.get(uri);
  if (timer) clearTimeout(timer);
  timers.delete(uri);
}

/** Reads settings again, then re-checks and publishes everything. */
async function refreshAll(): Promise<void> {
  settingsRead.clear();
  for (const group of project.groups()) await settingsOf(group);
  await publishAll();
}

/** The group's settings read since the last configuration change: the one in flight or done, else a new one. */
function settingsOf(group: Group): Promise<void> {
  let read = settingsRead.get(group.key);
  if (!read) {
    read = readSettings(group);
    settingsRead.set(group.key, read);
  }
  return read;
}

/**
 * Reads the `goalpost` settings that apply to a group: asked per resource where the client supports
 * `workspace/configuration`, else the ones it last pushed with `workspace/didChangeConfiguration`.
 */
async function readSettings(group: Group): Promise<void> {
  const settings = supportsConfiguration
    ? await connection.workspace.getConfiguration({ scopeUri: group.uris[0], section: 'goalpost' }).catch(() => undefined)
    : pushedSettings;
  const today = (settings as { today?: unknown } | undefined)?.today;
  project.setTodaySetting(group.key, isIsoDate(today) ? today : undefined);
}

async function guardAsync(what: string, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    connection.console.error(`Goalpost failed while ${what}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
}

async function publishAll(): Promise<void> {
  for (const group of project.groups()) {
    await guardAsync('reading settings', () => settingsOf(group));
  }
  const live = new Set<string>();
  for (const group of project.groups()) {
    publishGroup(group);
    for (const uri of group.uris) live.add(uri);
  }
  outlineChanges.retain(project.groups().map((group) => group.key));
  for (const config of project.configs()) live.add(URI.file(config.file).toString());
  // Files that left every group (deleted, ignored, out of the folders) lose their diagnostics.
  for (const uri of [...published.keys()]) if (!live.has(uri)) clear(uri);
}

/** Publishes the diagnostics of every file of a group (and of its config) that changed since last sent. */
function publishGroup(group: Group): void {
  const analysis = guard('checking a workspace', () => project.analysis(group));
  if (!analysis) return;
  outlineChanges.saw(group.key, analysis);
  const byFile = new Map<string, Diagnostic[]>(group.uris.map((uri) => [uri, []]));
  for (const finding of analysis.findings) byFile.get(finding.file)?.push(toDiagnostic(finding));
  if (group.config) {
    const configUri = URI.file(group.config.file).toString();
    const problems = group.config.problems.map((problem) => toDiagnostic({ ...problem, file: configUri }));
    if (group.config.readError) {
      problems.push({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 1, source: 'goalpost', message: `Goalpost cannot read this configuration: ${group.config.readError}.` });
    }
    byFile.set(configUri, problems);
  }
  for (const [uri, diagnostics] of byFile) send(uri, capped(diagnostics));
}

/**
 * At most this many diagnostics per file: beyond it an editor only slows down (a generated file with
 * 50,000 goals gave 150,000), and the list is no longer something a person reads.
 */
const MAX_DIAGNOSTICS_PER_FILE = 1000;

/** The first MAX_DIAGNOSTICS_PER_FILE diagnostics, errors first, and one more that says how many were left out. */
function capped(diagnostics: Diagnostic[]): Diagnostic[] {
  if (diagnostics.length <= MAX_DIAGNOSTICS_PER_FILE) return diagnostics;
  const kept = [...diagnostics].sort((a, b) => (a.severity ?? 1) - (b.severity ?? 1)).slice(0, MAX_DIAGNOSTICS_PER_FILE);
  kept.push({
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: 3,
    source: 'goalpost',
    message: `Goalpost shows ${MAX_DIAGNOSTICS_PER_FILE.toLocaleString('en-US')} of the ${diagnostics.length.toLocaleString('en-US')} problems in this file, errors first; run \`goalpost check\` for all of them.`,
  });
  return kept;
}

function send(uri: string, diagnostics: Diagnostic[]): void {
  const serialized = JSON.stringify(diagnostics);
  if (published.get(uri) === serialized) return;
  published.set(uri, serialized);
  void connection.sendDiagnostics({ uri, version: documents.get(uri)?.version, diagnostics });
}

function clear(uri: string): void {
  if (!published.has(uri)) return;
  published.delete(uri);
  void connection.sendDiagnostics({ uri, diagnostics: [] });
}

documents.listen(connection);
connection.listen();
