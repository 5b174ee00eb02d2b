/**
 * The language server's command line before any connection exists: `--help` and `--version` answer and
 * exit 0; no transport is a usage error (exit 2), never the library's stack trace.
 */

/** The transports vscode-languageserver reads from the command line. */
const TRANSPORT = /^--(stdio|node-ipc|socket|pipe)(=.+)?$/;

/** The usage line `--help` prints, and a missing transport prints to stderr. */
export const USAGE = `Usage: goalpost-language-server --stdio | --node-ipc | --socket=<port> | --pipe=<name>

The Goalpost language server for any LSP client, talking over the given transport.
  --stdio          standard input and output (what most editors use)
  --node-ipc       Node's IPC channel (when started by a Node parent with an IPC channel)
  --socket=<port>  a TCP socket on the loopback interface
  --pipe=<name>    a named pipe or Unix domain socket
  --version        print the version
  --help           print this help`;

/** What to do with the command line: serve, or write `text` and exit with `code`. */
export type Startup = { readonly serve: true } | { readonly serve: false; readonly text: string; readonly code: 0 | 2 };

/** Reads the arguments after `node server.js`. */
export function startup(args: readonly string[], version: string): Startup {
  if (args.includes('--help') || args.includes('-h')) return { serve: false, text: USAGE, code: 0 };
  if (args.includes('--version') || args.includes('-v')) return { serve: false, text: version, code: 0 };
  if (args.some((arg) => TRANSPORT.test(arg))) return { serve: true };
  return { serve: false, text: `goalpost-language-server: no transport given.\n${USAGE}`, code: 2 };
}
