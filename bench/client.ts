/**
 * The bench's LSP client, for any server, in the two ways editors start one:
 *  - `vscode`: as vscode-languageclient does (both Goalpost's extension and vscode-yaml use it): node IPC,
 *    the workspace folder announced in `workspaceFolders` and `rootUri`, VS Code's capabilities
 *    (`workspace.workspaceFolders`, `workspace/configuration`, work-done progress, watched files), then
 *    `initialized`, the settings pushed once (`synchronize.configurationSection`), then `didOpen` of the
 *    documents already open.
 *  - `single-file`: as Neovim or Helix opening one file with no root: stdio, `rootUri` and
 *    `workspaceFolders` null, so the server sees only the documents it is sent.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  IPCMessageReader,
  IPCMessageWriter,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type InitializeParams,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';

/** How the client starts the server: see the file's comment. */
export type ClientPath = 'vscode' | 'single-file';

/** The two paths, the one the targets are checked on first. */
export const CLIENT_PATHS: readonly ClientPath[] = ['vscode', 'single-file'];

/** How the report names a path. */
export const PATH_LABEL: Record<ClientPath, string> = { vscode: 'VS Code', 'single-file': 'single file' };

/** The servers measured. */
export type ServerName = 'goalpost' | 'yaml-language-server';

/** How to start a server and what to answer it. */
export interface ServerSpec {
  readonly name: ServerName;
  /** The server's script and Node options; the transport flag is added per path. */
  readonly argv: readonly string[];
  readonly languageId: string;
  /** Answers to workspace/configuration, per section; also pushed with didChangeConfiguration. */
  readonly settings: Record<string, unknown>;
}

/**
 * What vscode-languageclient 11 declares in VS Code (lib/common/client.js and its features), as far as a
 * server could act on it; the editor features neither server is asked about here are left out.
 */
const VSCODE_CAPABILITIES: ClientCapabilities = {
  workspace: {
    applyEdit: true,
    workspaceEdit: {
      documentChanges: true,
      resourceOperations: ['create', 'rename', 'delete'],
      failureHandling: 'textOnlyTransactional',
      normalizesLineEndings: true,
    },
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
    symbol: { dynamicRegistration: true },
    executeCommand: { dynamicRegistration: true },
    configuration: true,
    workspaceFolders: true,
    codeLens: { refreshSupport: true },
    diagnostics: { refreshSupport: true },
  },
  textDocument: {
    synchronization: { dynamicRegistration: true, willSave: true, willSaveWaitUntil: true, didSave: true },
    publishDiagnostics: { relatedInformation: true, versionSupport: false, tagSupport: { valueSet: [1, 2] }, codeDescriptionSupport: true, dataSupport: true },
    completion: { dynamicRegistration: true, contextSupport: true, completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
    hover: { dynamicRegistration: true, contentFormat: ['markdown', 'plaintext'] },
    definition: { dynamicRegistration: true, linkSupport: true },
    references: { dynamicRegistration: true },
    documentSymbol: { dynamicRegistration: true, hierarchicalDocumentSymbolSupport: true },
    codeAction: {
      dynamicRegistration: true,
      isPreferredSupport: true,
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source', 'source.fixAll'] } },
    },
    codeLens: { dynamicRegistration: true },
    rename: { dynamicRegistration: true, prepareSupport: true },
    diagnostic: { dynamicRegistration: true, relatedDocumentSupport: false },
  },
  window: { workDoneProgress: true, showMessage: { messageActionItem: { additionalPropertiesSupport: true } }, showDocument: { support: true } },
  general: { positionEncodings: ['utf-16'], markdown: { parser: 'marked', version: '1.1.0' }, regularExpressions: { engine: 'ECMAScript', version: 'ES2020' } },
};

/** What the bench always sent before it had two paths: a client with no root and no folders. */
const SINGLE_FILE_CAPABILITIES: ClientCapabilities = {
  workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceFolders: true },
  textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true } },
};

/** The `initialize` parameters of a path; `folder` is the workspace folder VS Code opened. */
function initializeParams(clientPath: ClientPath, folder: string): InitializeParams {
  if (clientPath === 'single-file') return { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities: SINGLE_FILE_CAPABILITIES };
  const uri = URI.file(folder).toString();
  return {
    processId: process.pid,
    clientInfo: { name: 'Visual Studio Code', version: '1.91.0' },
    locale: 'en',
    rootPath: folder,
    rootUri: uri,
    capabilities: VSCODE_CAPABILITIES,
    trace: 'off',
    workspaceFolders: [{ uri, name: path.basename(folder) }],
  };
}

interface Waiter<T> {
  readonly predicate: (params: T) => boolean;
  readonly resolve: (params: T) => void;
}

/** No answer in time: the measurement failed (or is capped), it is not a sample. */
export class TimeoutError extends Error {
  constructor(readonly ms: number) {
    super(`nothing within ${ms} ms`);
  }
}

/** A server process and the connection to it, with waiters on what it sends. */
export class BenchClient {
  readonly connection: ProtocolConnection;
  private readonly waiters = new Map<string, Waiter<unknown>[]>();
  private readonly versions = new Map<string, number>();
  readonly stderr: string[] = [];

  private constructor(
    readonly spec: ServerSpec,
    readonly path: ClientPath,
    readonly process: ChildProcess,
  ) {
    this.connection =
      path === 'vscode'
        ? createProtocolConnection(new IPCMessageReader(process), new IPCMessageWriter(process))
        : createProtocolConnection(
            new StreamMessageReader(process.stdout as NodeJS.ReadableStream),
            new StreamMessageWriter(process.stdin as NodeJS.WritableStream),
          );
    process.stderr?.on('data', (chunk) => this.stderr.push(String(chunk)));
    // Over IPC, anything a server prints to stdout is not protocol: drained, so that a full pipe never blocks it.
    if (path === 'vscode') process.stdout?.resume();
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => this.deliver(PublishDiagnosticsNotification.method, params));
  }

  /** Starts the server the way `clientPath` does, with `folder` as the workspace VS Code opened. */
  static async start(spec: ServerSpec, clientPath: ClientPath, folder: string): Promise<BenchClient> {
    const client = BenchClient.launch(spec, clientPath);
    await client.initialize(folder);
    return client;
  }

  /** Starts the server process and listens, without `initialize` (so that waiters can be set up first). */
  static launch(spec: ServerSpec, clientPath: ClientPath): BenchClient {
    const transport = clientPath === 'vscode' ? '--node-ipc' : '--stdio';
    const child = spawn(process.execPath, [...spec.argv, transport], {
      stdio: clientPath === 'vscode' ? ['pipe', 'pipe', 'pipe', 'ipc'] : 'pipe',
      cwd: os.tmpdir(),
    });
    const client = new BenchClient(spec, clientPath, child);
    const { connection } = client;
    connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((item) => (item.section ? (spec.settings[item.section] ?? null) : null)),
    );
    for (const method of ['client/registerCapability', 'client/unregisterCapability', 'window/workDoneProgress/create'])
      connection.onRequest(method, () => null);
    for (const method of ['window/logMessage', 'telemetry/event', '$/progress', 'window/showMessage']) connection.onNotification(method, () => undefined);
    connection.listen();
    return client;
  }

  /** `initialize` as the path sends it, `initialized`, and the settings pushed once. */
  async initialize(folder: string): Promise<void> {
    await this.connection.sendRequest(InitializeRequest.type, initializeParams(this.path, folder));
    await this.connection.sendNotification(InitializedNotification.type, {});
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: this.spec.settings });
  }

  /** Resolves with the next diagnostics satisfying `predicate`; rejects after `timeoutMs`. */
  nextDiagnostics(predicate: (params: PublishDiagnosticsParams) => boolean, timeoutMs: number): Promise<PublishDiagnosticsParams> {
    return this.next(PublishDiagnosticsNotification.method, predicate, timeoutMs);
  }

  /** Resolves with the params of the next `method` notification satisfying `predicate`; rejects after `timeoutMs`. */
  next<T>(method: string, predicate: (params: T) => boolean, timeoutMs: number): Promise<T> {
    if (method !== PublishDiagnosticsNotification.method && !this.waiters.has(method))
      this.connection.onNotification(method, (params: unknown) => this.deliver(method, params));
    const waiters = this.waiters.get(method) ?? [];
    this.waiters.set(method, waiters);
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter<unknown> = {
        predicate: predicate as (params: unknown) => boolean,
        resolve: (params) => {
          clearTimeout(timer);
          resolve(params as T);
        },
      };
      const timer = setTimeout(() => {
        const index = waiters.indexOf(waiter);
        if (index >= 0) waiters.splice(index, 1);
        reject(new TimeoutError(timeoutMs));
      }, timeoutMs);
      waiters.push(waiter);
    });
  }

  /** Opens a document at version 1. */
  async open(uri: string, text: string): Promise<void> {
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: this.spec.languageId, version: 1, text } });
  }

  /** Sends one incremental change; returns the document's new version. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  /** Closes a document. */
  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** Resident and peak memory of the server process, in MB. */
  memory(): { rssMb: number; peakMb: number } {
    const status = fs.readFileSync(`/proc/${this.process.pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
  }

  /** Shuts down politely (so that --cpu-prof writes its profile), or kills after a while. */
  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => {
      if (this.process.exitCode !== null || this.process.signalCode !== null) resolve();
      else this.process.once('exit', () => resolve());
    });
    const kill = setTimeout(() => this.process.kill('SIGKILL'), 10_000);
    try {
      await Promise.race([this.connection.sendRequest(ShutdownRequest.type), exited]);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      this.process.kill('SIGKILL');
    }
    await exited;
    clearTimeout(kill);
    this.connection.dispose();
  }

  private deliver(method: string, params: unknown): void {
    const waiters = this.waiters.get(method);
    if (!waiters) return;
    for (const waiter of [...waiters]) {
      if (!waiter.predicate(params)) continue;
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(params);
    }
  }
}
