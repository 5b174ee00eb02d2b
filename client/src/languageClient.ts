/**
 * The language client: the bundled server (`dist/server.js`) over node IPC, for goal documents on disk
 * and untitled ones, with the output channel, `goalpost.trace.server` (read by the client library from
 * the `goalpost` id) and an error handler that restarts a crashed server and says so once.
 */
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  RevealOutputChannelOn,
  TransportKind,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { COMMAND, LANGUAGE } from './ids';

/** How many crashes in RESTART_WINDOW_MS are restarted before giving up (a server that crashes at start). */
const MAX_RESTARTS = 4;
const RESTART_WINDOW_MS = 3 * 60 * 1000;

/** Creates (does not start) the client. */
export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: LANGUAGE },
      { scheme: 'untitled', language: LANGUAGE },
    ],
    outputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    errorHandler: new RestartOnCrash(output),
    // Tell the server when a `goalpost.*` setting changes; it then reads the settings per workspace.
    synchronize: { configurationSection: 'goalpost' },
  };
  return new LanguageClient('goalpost', 'Goalpost Language Server', serverOptions, clientOptions);
}

/**
 * Restarts a server that exits unexpectedly, up to MAX_RESTARTS times in RESTART_WINDOW_MS, and tells
 * the user once per session (more would nag; the output keeps every detail). Then it gives up and says
 * how to start it again.
 */
export class RestartOnCrash implements ErrorHandler {
  private readonly crashes: number[] = [];
  private told = false;

  constructor(private readonly output: vscode.LogOutputChannel) {}

  error(_error: Error, _message: unknown, count: number | undefined): ErrorHandlerResult {
    // A broken connection usually ends in `closed`, which restarts; three write errors in a row will not heal.
    return { action: count !== undefined && count > 3 ? ErrorAction.Shutdown : ErrorAction.Continue, handled: true };
  }

  closed(): CloseHandlerResult {
    const now = Date.now();
    this.crashes.push(now);
    while (this.crashes.length > 0 && this.crashes[0] < now - RESTART_WINDOW_MS) this.crashes.shift();
    if (this.crashes.length > MAX_RESTARTS) {
      return {
        action: CloseAction.DoNotRestart,
        message: `The Goalpost language server stopped ${this.crashes.length} times in three minutes and will not be restarted. The "Goalpost" output says why; run "Goalpost: Restart Language Server" to try again.`,
      };
    }
    this.output.warn('The language server stopped unexpectedly; restarting it.');
    if (!this.told) {
      this.told = true;
      void vscode.window
        .showWarningMessage('The Goalpost language server stopped unexpectedly and was restarted.', 'Show Output')
        .then((choice) => choice && vscode.commands.executeCommand(COMMAND.showOutput));
    }
    return { action: CloseAction.Restart, handled: true };
  }
}
