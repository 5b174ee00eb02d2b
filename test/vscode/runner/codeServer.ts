/**
 * Starts code-server (VS Code's server build, installed by scripts/vscode-test/install.sh) on a free
 * loopback port, and stops it with everything it started.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

/** Where install.sh puts code-server. */
export const CODE_SERVER_ENTRY = path.resolve(__dirname, '../../../.vscode-test/code-server/node_modules/code-server/out/node/entry.js');

/** What a code-server run needs: every folder it writes to is a fresh temporary one. */
export interface CodeServerOptions {
  readonly workspace: string;
  readonly userDataDir: string;
  readonly extensionsDir: string;
  /** Its XDG config and data homes, so nothing (like a config with a password) lands in $HOME. */
  readonly xdgDir: string;
  /** Variables for the server and its extension host, on top of this process's environment. */
  readonly env: Readonly<Record<string, string>>;
  /** File that receives the server's own output. */
  readonly logFile: string;
}

/** A running code-server. */
export interface CodeServer {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  readonly origin: string;
  /** The authority VS Code uses in `vscode-remote://` URIs for files on this server. */
  readonly authority: string;
  /** Stops the server and its children (the file watcher, the extension host). */
  stop(): Promise<void>;
}

/** How long code-server may take to listen (about 1 s here). */
const START_MS = 30_000;

/** Starts code-server and resolves once it listens. */
export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  if (!fs.existsSync(CODE_SERVER_ENTRY)) {
    throw new Error(`code-server is not installed (${CODE_SERVER_ENTRY} is missing); run scripts/vscode-test/install.sh.`);
  }
  const port = await freePort();
  const authority = `127.0.0.1:${port}`;
  // Appending, as the server's stderr and the stdout this runner copies share the file.
  fs.writeFileSync(options.logFile, '');
  const log = fs.openSync(options.logFile, 'a');
  const child = spawn(
    process.execPath,
    [
      CODE_SERVER_ENTRY,
      '--auth',
      'none',
      '--bind-addr',
      authority,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--user-data-dir',
      options.userDataDir,
      '--extensions-dir',
      options.extensionsDir,
      options.workspace,
    ],
    {
      // Its own process group, so stop() can end the children that outlive their parent.
      detached: true,
      stdio: ['ignore', 'pipe', log],
      env: {
        ...process.env,
        XDG_CONFIG_HOME: path.join(options.xdgDir, 'config'),
        XDG_DATA_HOME: path.join(options.xdgDir, 'data'),
        ...options.env,
      },
    },
  );
  fs.closeSync(log);
  const stop = () => stopGroup(child);
  try {
    await listening(child, options.logFile);
  } catch (error) {
    await stop();
    throw error;
  }
  return { origin: `http://${authority}`, authority, stop };
}

/** Resolves when the server prints that it listens; rejects when it exits first or takes too long. */
function listening(child: ChildProcess, logFile: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(`did not listen within ${START_MS} ms`), START_MS);
    const fail = (why: string) => {
      clearTimeout(timer);
      reject(new Error(`code-server ${why}. Its output:\n${output}${fs.readFileSync(logFile, 'utf8')}`));
    };
    child.once('exit', (code, signal) => fail(`exited (${signal ?? code}) before it listened`));
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      fs.appendFileSync(logFile, chunk);
      if (output.includes('HTTP server listening on')) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve();
      }
    });
  });
}

/** Ends the process group: SIGTERM, then SIGKILL for whatever has not gone after a grace period. */
async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined) return;
  const exited = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((resolve) => child.once('exit', () => resolve()));
  signalGroup(child.pid, 'SIGTERM');
  const late = await Promise.race([exited.then(() => false), new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 5_000).unref())]);
  // Also when the leader is gone: children that outlived it are still in the group.
  signalGroup(child.pid, 'SIGKILL');
  if (late) await exited;
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // ESRCH: the group is already empty.
  }
}

/** A port nobody listens on right now, asked from the OS. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('No port assigned.'))));
    });
  });
}
