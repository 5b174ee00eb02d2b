/**
 * An LSP client over real stdio for tests: spawns the bundled server (`dist/server.js --stdio`) and talks
 * to it with vscode-languageserver-protocol. Waits on notifications, never sleeps.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type FileEvent,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';

const SERVER = path.join(__dirname, '../../dist/server.js');

/** Options for starting a server. */
export interface StartOptions {
  /** Workspace folders (absolute paths). */
  readonly folders?: readonly string[];
  /** Settings the client answers `workspace/configuration` with, per section. */
  readonly settings?: Record<string, unknown>;
  /**
   * Answers `workspace/configuration` items itself (then `settings` is not used): a value, or a promise of
   * one to hold the answer back.
   */
  readonly configuration?: (item: { scopeUri?: string; section?: string }) => unknown;
  /** Whether the client claims dynamic registration of watched files. */
  readonly watchedFiles?: boolean;
  /** Whether the client claims `window.workDoneProgress` (then it accepts the server's progress tokens). */
  readonly workDoneProgress?: boolean;
  /** The server's command line instead of `node dist/server.js --stdio` (an installed bin, say). */
  readonly command?: readonly string[];
  /**
   * Whether the client announces `workspace.workspaceFolders` (the default). When false, the first folder
   * is sent as `rootUri` and `rootPath` only, as older clients do.
   */
  readonly workspaceFolders?: boolean;
  /** With `workspaceFolders: false`, whether `rootUri` is sent too (the default), or only the older `rootPath`. */
  readonly rootUri?: boolean;
  /** Whether the client claims dynamic registration of `workspace/didChangeConfiguration`. */
  readonly configurationRegistration?: boolean;
  /** The markup kinds the client renders in hovers and completion documentation (default: markdown and plain text). */
  readonly markup?: readonly ('markdown' | 'plaintext')[];
}

/** Notifications recorded in `received`: work-done progress, messages for the user and Goalpost's own. */
const RECORDED = ['$/progress', 'goalpost/outlineChanged', 'window/showMessage'];

/** A message the server sent that has no handler of its own here (custom notifications, `$/progress`…). */
export interface ReceivedMessage {
  readonly method: string;
  readonly params: unknown;
}

/** A running server and the client side of its connection. */
export class TestClient {
  readonly connection: ProtocolConnection;
  /** Latest diagnostics per URI. */
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  private readonly waiters: { predicate: (params: PublishDiagnosticsParams) => boolean; resolve: (params: PublishDiagnosticsParams) => void }[] = [];
  private readonly versions = new Map<string, number>();
  private readonly diagnosticListeners = new Set<(params: PublishDiagnosticsParams) => void>();
  initializeResult?: InitializeResult;
  readonly stderr: string[] = [];
  /** Every `window/logMessage` the server sent (type 1 is an error), in arrival order. */
  readonly logs: { type: number; message: string }[] = [];
  /** The RECORDED notifications and the `window/workDoneProgress/create` and `client/registerCapability` requests, in arrival order. */
  readonly received: ReceivedMessage[] = [];
  private readonly messageWaiters: { predicate: (message: ReceivedMessage) => boolean; resolve: (message: ReceivedMessage) => void }[] = [];

  private constructor(readonly process: ChildProcessWithoutNullStreams) {
    this.connection = createProtocolConnection(new StreamMessageReader(process.stdout), new StreamMessageWriter(process.stdin));
    process.stderr.on('data', (chunk) => this.stderr.push(String(chunk)));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.diagnostics.set(params.uri, params);
      for (const listener of [...this.diagnosticListeners]) listener(params);
      for (const waiter of [...this.waiters]) {
        if (waiter.predicate(params)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(params);
        }
      }
    });
  }

  /** Spawns the server, initializes it and waits for it to be ready. */
  static async start(options: StartOptions = {}): Promise<TestClient> {
    const [file, ...args] = options.command ?? [process.execPath, SERVER, '--stdio'];
    const child = spawn(file, args, { stdio: 'pipe' });
    const client = new TestClient(child);
    const answer = options.configuration ?? ((item: { section?: string }) => (item.section ? (options.settings?.[item.section] ?? null) : null));
    client.connection.onRequest('workspace/configuration', (params: { items: { scopeUri?: string; section?: string }[] }) =>
      Promise.all(params.items.map((item) => answer(item))),
    );
    client.connection.onRequest('client/registerCapability', (params) => {
      client.receive({ method: 'client/registerCapability', params });
      return null;
    });
    client.connection.onNotification('window/logMessage', (params: { type: number; message: string }) => void client.logs.push(params));
    for (const method of RECORDED) client.connection.onNotification(method, (params: unknown) => client.receive({ method, params }));
    client.connection.onRequest('window/workDoneProgress/create', (params) => {
      client.receive({ method: 'window/workDoneProgress/create', params });
      return null;
    });
    client.connection.listen();
    const folders = options.folders ?? [];
    const announceFolders = options.workspaceFolders ?? true;
    const markup = options.markup ?? ['markdown', 'plaintext'];
    client.initializeResult = await client.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      ...(announceFolders
        ? { rootUri: null, workspaceFolders: folders.map((folder) => ({ uri: URI.file(folder).toString(), name: path.basename(folder) })) }
        : { rootUri: folders[0] === undefined || options.rootUri === false ? null : URI.file(folders[0]).toString(), rootPath: folders[0] ?? null }),
      capabilities: {
        workspace: {
          configuration: options.settings !== undefined || options.configuration !== undefined,
          didChangeConfiguration: { dynamicRegistration: options.configurationRegistration ?? true },
          didChangeWatchedFiles: { dynamicRegistration: options.watchedFiles ?? true },
          ...(announceFolders && { workspaceFolders: true }),
        },
        window: { workDoneProgress: options.workDoneProgress ?? false },
        textDocument: {
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          hover: { contentFormat: [...markup] },
          completion: { completionItem: { documentationFormat: [...markup] } },
        },
      },
    });
    await client.connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  /** Resolves with the first received message of `method` (already received, or the next) that satisfies `predicate`. */
  waitForMessage(method: string, predicate: (params: unknown) => boolean = () => true, after = 0): Promise<ReceivedMessage> {
    const wanted = (message: ReceivedMessage) => message.method === method && predicate(message.params);
    const seen = this.received.slice(after).find(wanted);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => this.messageWaiters.push({ predicate: wanted, resolve }));
  }

  private receive(message: ReceivedMessage): void {
    this.received.push(message);
    for (const waiter of [...this.messageWaiters]) {
      if (!waiter.predicate(message)) continue;
      this.messageWaiters.splice(this.messageWaiters.indexOf(waiter), 1);
      waiter.resolve(message);
    }
  }

  /** Calls `listener` with every diagnostics publication from now on; returns the function that stops it. */
  onDiagnostics(listener: (params: PublishDiagnosticsParams) => void): () => void {
    this.diagnosticListeners.add(listener);
    return () => this.diagnosticListeners.delete(listener);
  }

  /** Resolves with the next diagnostics for `uri` that satisfy `predicate` (or the current ones, if they do). */
  waitForDiagnostics(uri: string, predicate: (diagnostics: Diagnostic[], params: PublishDiagnosticsParams) => boolean = () => true): Promise<Diagnostic[]> {
    const current = this.diagnostics.get(uri);
    if (current && predicate(current.diagnostics, current)) return Promise.resolve(current.diagnostics);
    return new Promise((resolve) => {
      this.waiters.push({
        predicate: (params) => params.uri === uri && predicate(params.diagnostics, params),
        resolve: (params) => resolve(params.diagnostics),
      });
    });
  }

  /** Resolves with the next diagnostics published for `uri` from now on. */
  nextDiagnostics(uri: string, predicate: (diagnostics: Diagnostic[]) => boolean = () => true): Promise<Diagnostic[]> {
    return new Promise((resolve) => {
      this.waiters.push({ predicate: (params) => params.uri === uri && predicate(params.diagnostics), resolve: (params) => resolve(params.diagnostics) });
    });
  }

  async open(uri: string, text: string, languageId = 'goals'): Promise<void> {
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Sends an incremental (or full, without range) change. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async watched(changes: FileEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  /** Shuts the server down and waits for the process to exit; resolves with its exit code. */
  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.process.once('exit', (code) => resolve(code)));
    if (this.process.exitCode === null) {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    }
    const code = await exited;
    this.connection.dispose();
    return code;
  }
}

/** The file URI of an absolute path. */
export function fileUri(fsPath: string): string {
  return URI.file(fsPath).toString();
}

/**
 * A temporary workspace folder holding `.goalpost.yaml` (`today: 2027-05-15`, so date rules are
 * reproducible) and the given goal files (name → text). Returns its absolute path; remove it after the test.
 */
export function writeWorkspace(files: Record<string, string>): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'goalpost-lsp-'));
  fs.writeFileSync(path.join(folder, '.goalpost.yaml'), 'today: 2027-05-15\n');
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(folder, name), text);
  return folder;
}
