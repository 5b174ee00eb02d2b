/**
 * `npm run bench`: Goalpost's language server and CLI on generated workspaces of 200, 2,000 and 10,000 goals,
 * side by side in the same run with yaml-language-server validating the same file against
 * schemas/goals.schema.json. Prints a markdown table and writes it to bench/results.md.
 *
 * What is measured, per size and per server (each a fresh process over stdio, no workspace folder, so both
 * see only the opened document; Goalpost still finds the folder's `.goalpost.yaml`, `today: 2027-05-15`):
 *  - open→diagnostics: didOpen sent → first publishDiagnostics for the file received. Each server first
 *    validates a small probe document with a schema violation, which proves it validates (the peer really
 *    has our schema) and warms it up (schema compiled), so "open" is the steady-state open of a big file.
 *  - edit→diagnostics: one-character incremental didChange → the diagnostics of that edit received,
 *    debounce included (Goalpost 5 ms, yaml-language-server 200 ms). Goalpost re-publishes only when
 *    diagnostics change, so every edit changes them: alternately a typo inserted into a goal's `funnel`
 *    key (`funnel` → `funnelx`, an unknown key for both servers) and removed again, in goals spread over
 *    the file. p50 and p95 of the samples.
 *  - memory: the server process's VmRSS (and VmHWM, the peak) from /proc after the edits.
 * Then `goalpost check` (dist/cli.js, 3 runs, median wall time; CPU time from /usr/bin/time when present)
 * on the same folder, and for 10,000 goals also on a workspace of 10 files × 1,000 goals.
 *
 * Options: `--profile` runs Goalpost's server and CLI with --cpu-prof and prints where the profiles went;
 * `--sizes=200,2000` picks sizes.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import { generateGoalsFile } from './generate';
import { measureRender, renderReport, type RenderResult } from './render';

const ROOT = path.join(__dirname, '..');
const GOALPOST_SERVER = path.join(ROOT, 'dist/server.js');
const GOALPOST_CLI = path.join(ROOT, 'dist/cli.js');
const PEER_SERVER = path.join(ROOT, 'node_modules/yaml-language-server/bin/yaml-language-server');
const SCHEMA_URI = URI.file(path.join(ROOT, 'schemas/goals.schema.json')).toString();
const RESULTS = path.join(__dirname, 'results.md');

const args = process.argv.slice(2);
const PROFILE = args.includes('--profile');
const SIZES = (args.find((arg) => arg.startsWith('--sizes='))?.slice('--sizes='.length).split(',').map(Number) ?? [200, 2000, 10000]).filter((size) => size > 0);
const EDITS = 30;
/** The peer's open is given up after this long, and the report says so. */
const OPEN_CAP_MS = 60_000;
/** Edits stop once their samples add up to this much (at least MIN_EDITS), so the whole run stays near 5 minutes. */
const EDIT_BUDGET_MS = 40_000;
const MIN_EDITS = 4;
/** One edit waiting longer than this is a failure, not a sample. */
const EDIT_TIMEOUT_MS = 60_000;
/** Pause between edits, as between keystrokes: each edit starts from an idle server. */
const GAP_MS = 50;
const CHECK_RUNS = 3;
const PROFILE_DIR = PROFILE ? fs.mkdtempSync(path.join(os.tmpdir(), 'goalpost-profiles-')) : '';

// ---------------------------------------------------------------------------------------------------------
// A minimal stdio LSP client (the approach of test/helpers/lspClient.ts, for any server)

type ServerName = 'goalpost' | 'yaml-language-server';

interface ServerSpec {
  readonly name: ServerName;
  readonly argv: string[];
  readonly languageId: string;
  /** Answers to workspace/configuration, per section. */
  readonly settings: Record<string, unknown>;
}

const SERVERS: Record<ServerName, ServerSpec> = {
  goalpost: {
    name: 'goalpost',
    argv: [...(PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : []), GOALPOST_SERVER, '--stdio'],
    languageId: 'goals',
    settings: {},
  },
  'yaml-language-server': {
    name: 'yaml-language-server',
    argv: [PEER_SERVER, '--stdio'],
    languageId: 'yaml',
    settings: {
      yaml: {
        validate: true,
        schemas: { [SCHEMA_URI]: '*.goals.yaml' },
        schemaStore: { enable: false },
        kubernetesCRDStore: { enable: false },
        hover: false,
        completion: false,
        format: { enable: false },
      },
    },
  },
};

interface Waiter {
  readonly predicate: (params: PublishDiagnosticsParams) => boolean;
  readonly resolve: (params: PublishDiagnosticsParams) => void;
}

class BenchClient {
  readonly connection: ProtocolConnection;
  private readonly waiters: Waiter[] = [];
  private readonly versions = new Map<string, number>();
  readonly stderr: string[] = [];
  /** Sections the server asked for through workspace/configuration. */
  readonly configurationAsked = new Set<string>();

  private constructor(
    readonly spec: ServerSpec,
    readonly process: ChildProcessWithoutNullStreams,
  ) {
    this.connection = createProtocolConnection(new StreamMessageReader(process.stdout), new StreamMessageWriter(process.stdin));
    process.stderr.on('data', (chunk) => this.stderr.push(String(chunk)));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      for (const waiter of [...this.waiters]) {
        if (waiter.predicate(params)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(params);
        }
      }
    });
  }

  static async start(spec: ServerSpec): Promise<BenchClient> {
    const child = spawn(process.execPath, spec.argv, { stdio: 'pipe', cwd: os.tmpdir() });
    const client = new BenchClient(spec, child);
    client.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((item) => {
        if (item.section) client.configurationAsked.add(item.section);
        return item.section ? (spec.settings[item.section] ?? null) : null;
      }),
    );
    client.connection.onRequest('client/registerCapability', () => null);
    client.connection.onRequest('client/unregisterCapability', () => null);
    client.connection.onRequest('window/workDoneProgress/create', () => null);
    client.connection.onNotification('window/logMessage', () => undefined);
    client.connection.onNotification('telemetry/event', () => undefined);
    client.connection.listen();
    await client.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: null,
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceFolders: true },
        textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true } },
      },
    });
    await client.connection.sendNotification(InitializedNotification.type, {});
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: spec.settings });
    return client;
  }

  /** Resolves with the next diagnostics satisfying `predicate`; rejects after `timeoutMs`. */
  next(predicate: (params: PublishDiagnosticsParams) => boolean, timeoutMs: number): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        predicate,
        resolve: (params) => {
          clearTimeout(timer);
          resolve(params);
        },
      };
      const timer = setTimeout(() => {
        const index = this.waiters.indexOf(waiter);
        if (index >= 0) this.waiters.splice(index, 1);
        reject(new TimeoutError(timeoutMs));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  async open(uri: string, text: string): Promise<void> {
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: this.spec.languageId, version: 1, text } });
  }

  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

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
}

class TimeoutError extends Error {
  constructor(readonly ms: number) {
    super(`no diagnostics within ${ms} ms`);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Workspaces

/** A temp folder with `.goalpost.yaml` and the given goal files. */
function workspace(files: Record<string, string>): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'goalpost-bench-'));
  fs.writeFileSync(path.join(folder, '.goalpost.yaml'), 'today: 2027-05-15\n');
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(folder, name), text);
  return folder;
}

/**
 * File `index` of a multi-file workspace: the generated file with its ids made unique to the file, and the
 * shared departments and audiences kept in the first file only (so the workspace has no duplicate ids).
 */
function workspacePart(goals: number, index: number): string {
  let text = generateGoalsFile(goals).replace(/\b(objective|kpi|goal)-(\d+)\b/g, `$1-f${index}-$2`);
  if (index > 0) text = text.replace(/\ndepartments:\n[\s\S]*?\n\n(audiences:\n[\s\S]*?\n\n)/, '\n');
  return text;
}

/** A probe document with a schema violation that both servers must report. */
const PROBE_TEXT = 'goalpost: 1\ngoals:\n  - id: probe\n    title: Increase website sessions from Instagram by 20%\n    dedline: 2027-03-31\n';
const PROBE_LINE = 4;

// ---------------------------------------------------------------------------------------------------------
// Measurements

interface ServerResult {
  openMs?: number;
  /** Why there is no open time (capped). */
  openNote?: string;
  edits: number[];
  editNote?: string;
  rssMb?: number;
  peakMb?: number;
  openDiagnostics?: number;
}

interface CheckResult {
  medianMs: number;
  runs: number[];
  /** CPU time (user + system) over wall time of the median run: 1.0 is one core busy. */
  cores?: number;
  exitCode: number | null;
  summary: string;
}

interface SizeResult {
  goals: number;
  bytes: number;
  servers: Partial<Record<ServerName, ServerResult>>;
  check?: CheckResult;
  checkMulti?: CheckResult;
  render?: RenderResult;
}

/**
 * CPU used by other processes on the machine while the benchmark ran, in cores on average: all busy time
 * (/proc/stat) minus this process and its reaped children (/proc/self/stat). Other work on a 2-core
 * machine skews every number, so the report says how much there was.
 */
class Contention {
  private readonly start = Contention.sample();

  static sample(): { busy: number; own: number } {
    const cpu = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const [user, nice, system, , , irq, softirq, steal] = cpu;
    const self = fs.readFileSync('/proc/self/stat', 'utf8');
    const fields = self.slice(self.lastIndexOf(')') + 2).split(' ').map(Number);
    // After the command: state(0) … utime(11) stime(12) cutime(13) cstime(14).
    const own = fields[11] + fields[12] + fields[13] + fields[14];
    return { busy: user + nice + system + irq + softirq + steal, own };
  }

  /** Other processes' CPU (steal included), in cores, averaged since construction; clock ticks are 1/100 s on Linux. */
  otherCores(elapsedMs: number): number | undefined {
    try {
      const now = Contention.sample();
      const ticksPerSecond = 100;
      const other = now.busy - this.start.busy - (now.own - this.start.own);
      return Math.max(0, other / ticksPerSecond / (elapsedMs / 1000));
    } catch {
      return undefined;
    }
  }
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

/** A diagnostic message as text (LSP 3.18 allows markup). */
const messageText = (message: string | { value: string } | undefined) => (typeof message === 'string' ? message : (message?.value ?? ''));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The line of goal `index`'s `funnel:` key. */
function funnelLine(lines: readonly string[], index: number): number {
  const start = lines.indexOf(`  - id: goal-${index}`);
  if (start < 0) throw new Error(`goal-${index} not found`);
  for (let line = start + 1; line < lines.length && !lines[line].startsWith('  - '); line++) if (lines[line].startsWith('    funnel:')) return line;
  throw new Error(`goal-${index} has no funnel`);
}

async function measureServer(spec: ServerSpec, folder: string, file: string, goals: number): Promise<ServerResult> {
  const result: ServerResult = { edits: [] };
  const uri = URI.file(file).toString();
  const text = fs.readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const client = await BenchClient.start(spec);
  try {
    // The probe: a violation the server must report (proves the peer validates against our schema), and warm-up.
    const probeUri = URI.file(path.join(folder, 'probe-not-on-disk', 'probe.goals.yaml')).toString();
    const probe = client.next((params) => params.uri === probeUri && params.diagnostics.some((diagnostic) => diagnostic.range.start.line === PROBE_LINE), 30_000);
    await client.open(probeUri, PROBE_TEXT);
    const probed = await probe.catch((error: unknown) => {
      throw new Error(`${spec.name} did not report the schema violation of the probe (${String(error)}); stderr: ${client.stderr.join('').slice(0, 2000)}`);
    });
    const message = messageText(probed.diagnostics.find((diagnostic) => diagnostic.range.start.line === PROBE_LINE)?.message);
    if (!/dedline/.test(message)) throw new Error(`${spec.name}: unexpected probe diagnostic: ${message}`);
    const probeCleared = client.next((params) => params.uri === probeUri && params.diagnostics.length === 0, 10_000).catch(() => undefined);
    await client.close(probeUri);
    await probeCleared;
    await sleep(200);

    // Open.
    const opened = client.next((params) => params.uri === uri, OPEN_CAP_MS);
    const openStart = performance.now();
    await client.open(uri, text);
    let baseline: PublishDiagnosticsParams;
    try {
      baseline = await opened;
      result.openMs = performance.now() - openStart;
      result.openDiagnostics = baseline.diagnostics.length;
    } catch (error) {
      if (!(error instanceof TimeoutError)) throw error;
      result.openNote = `no diagnostics within ${OPEN_CAP_MS / 1000} s (capped)`;
      result.editNote = 'not measured (open capped)';
      log(`  ${spec.name}: open capped at ${OPEN_CAP_MS / 1000} s`);
      return result;
    }
    log(`  ${spec.name}: open→diagnostics ${result.openMs.toFixed(0)} ms (${baseline.diagnostics.length} diagnostics)`);
    await sleep(300);

    // Edits: pairs of insert/remove of a typo in a goal's key, in goals spread over the file.
    const pairs = EDITS / 2;
    let spent = 0;
    for (let edit = 0; edit < EDITS; edit++) {
      const goal = Math.floor(((Math.floor(edit / 2) + 0.5) * goals) / pairs);
      const line = funnelLine(lines, goal);
      const insert = edit % 2 === 0;
      const at = { line, character: '    funnel'.length };
      const change: TextDocumentContentChangeEvent = insert ? { range: { start: at, end: at }, text: 'x' } : { range: { start: at, end: { line, character: at.character + 1 } }, text: '' };
      const version = edit + 2; // version 1 was the open
      const typoReported = (params: PublishDiagnosticsParams) => params.diagnostics.some((diagnostic) => diagnostic.range.start.line === line && /funnelx/.test(messageText(diagnostic.message)));
      const expected = (params: PublishDiagnosticsParams) =>
        params.uri === uri &&
        (params.version === undefined || params.version === version) &&
        (insert ? typoReported(params) && params.diagnostics.length === baseline.diagnostics.length + 1 : params.diagnostics.length === baseline.diagnostics.length);
      const published = client.next(expected, EDIT_TIMEOUT_MS);
      const start = performance.now();
      const sent = await client.change(uri, [change]);
      if (sent !== version) throw new Error(`version mismatch: ${sent} vs ${version}`);
      await published;
      const elapsed = performance.now() - start;
      result.edits.push(elapsed);
      spent += elapsed;
      if (spent > EDIT_BUDGET_MS && result.edits.length >= MIN_EDITS && edit % 2 === 1 && edit < EDITS - 1) {
        result.editNote = `${result.edits.length} edits (stopped at the ${EDIT_BUDGET_MS / 1000} s budget)`;
        break;
      }
      await sleep(GAP_MS);
    }
    log(`  ${spec.name}: ${result.edits.length} edits, p50 ${percentile(result.edits, 50).toFixed(0)} ms, p95 ${percentile(result.edits, 95).toFixed(0)} ms`);
    const memory = client.memory();
    result.rssMb = memory.rssMb;
    result.peakMb = memory.peakMb;
    return result;
  } finally {
    await client.stop();
  }
}

function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const HAS_TIME = fs.existsSync('/usr/bin/time');

function measureCheck(folder: string): CheckResult {
  const runs: { ms: number; cpu?: number; status: number | null; out: string }[] = [];
  for (let run = 0; run < CHECK_RUNS; run++) {
    const node = [...(PROFILE && run === 0 ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : []), GOALPOST_CLI, 'check', '.', '--no-color'];
    const timeFile = path.join(os.tmpdir(), `goalpost-bench-time-${process.pid}`);
    const [command, argv] = HAS_TIME ? ['/usr/bin/time', ['-f', '%U %S', '-o', timeFile, process.execPath, ...node]] : [process.execPath, node];
    const start = performance.now();
    const child = spawnSync(command, argv, { cwd: folder, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const ms = performance.now() - start;
    let cpu: number | undefined;
    if (HAS_TIME && fs.existsSync(timeFile)) {
      const [user, system] = fs.readFileSync(timeFile, 'utf8').trim().split(/\s+/).slice(-2).map(Number);
      cpu = (user + system) * 1000;
      fs.rmSync(timeFile, { force: true });
    }
    if (child.status !== 0 && child.status !== 1) throw new Error(`goalpost check failed (${child.status}): ${child.stderr}`);
    runs.push({ ms, cpu, status: child.status, out: child.stdout });
  }
  const sorted = [...runs].sort((a, b) => a.ms - b.ms);
  const median = sorted[Math.floor(sorted.length / 2)];
  const summary = median.out.trim().split('\n').pop() ?? '';
  return { medianMs: median.ms, runs: runs.map((run) => run.ms), cores: median.cpu === undefined ? undefined : median.cpu / median.ms, exitCode: median.status, summary };
}

// ---------------------------------------------------------------------------------------------------------
// Report

const fmtMs = (ms: number | undefined) => (ms === undefined || Number.isNaN(ms) ? '—' : ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);
const fmtMb = (mb: number | undefined) => (mb === undefined ? '—' : `${Math.round(mb)} MB`);
const ratio = (peer: number | undefined, ours: number | undefined) => (peer === undefined || ours === undefined || Number.isNaN(peer) || Number.isNaN(ours) ? '—' : `${(peer / ours).toFixed(1)}×`);
const mark = (ok: boolean) => (ok ? '✅' : '❌');

function report(results: readonly SizeResult[], totalMs: number, otherCores: number | undefined, examples: CheckResult): string {
  const out: string[] = [];
  out.push('# Goalpost benchmark', '');
  out.push(
    `Run ${new Date().toISOString()} on ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'}, Node ${process.version}, yaml-language-server ${peerVersion()}, Goalpost ${revision()}; total ${(totalMs / 1000).toFixed(0)} s.`,
    '',
  );
  if (otherCores !== undefined) {
    out.push(
      `Other processes used ${otherCores.toFixed(2)} of the ${os.cpus().length} cores on average during the run${otherCores > 0.25 ? ' — the machine was busy, so expect the numbers to be pessimistic and noisy' : ''}.`,
      '',
    );
  }
  out.push('## Language server (same file, same JSON schema)', '');
  out.push('| goals | file | server | open→diagnostics | edit→diagnostics p50 | p95 | edits | RSS after edits | peak RSS |');
  out.push('|---:|---:|---|---:|---:|---:|---:|---:|---:|');
  for (const result of results) {
    for (const name of ['goalpost', 'yaml-language-server'] as const) {
      const server = result.servers[name];
      if (!server) continue;
      out.push(
        `| ${result.goals.toLocaleString('en')} | ${(result.bytes / 1024).toFixed(0)} KB | ${name} | ${server.openMs === undefined ? `> ${OPEN_CAP_MS / 1000} s (capped)` : fmtMs(server.openMs)} | ${fmtMs(percentile(server.edits, 50))} | ${fmtMs(percentile(server.edits, 95))} | ${server.edits.length}${server.editNote ? '*' : ''} | ${fmtMb(server.rssMb)} | ${fmtMb(server.peakMb)} |`,
      );
    }
  }
  out.push('', '## Ratios (yaml-language-server ÷ Goalpost; higher is better for Goalpost)', '');
  out.push('| goals | open→diagnostics | edit p50 | edit p95 | RSS |');
  out.push('|---:|---:|---:|---:|---:|');
  for (const result of results) {
    const ours = result.servers.goalpost;
    const peer = result.servers['yaml-language-server'];
    if (!ours || !peer) continue;
    const openRatio = peer.openMs === undefined && ours.openMs !== undefined ? `> ${(OPEN_CAP_MS / ours.openMs).toFixed(0)}× (peer capped)` : ratio(peer.openMs, ours.openMs);
    out.push(
      `| ${result.goals.toLocaleString('en')} | ${openRatio} | ${ratio(percentile(peer.edits, 50), percentile(ours.edits, 50))} | ${ratio(percentile(peer.edits, 95), percentile(ours.edits, 95))} | ${ratio(peer.rssMb, ours.rssMb)} |`,
    );
  }
  out.push('', '## `goalpost check` (wall time, median of 3)', '');
  out.push('| workspace | wall time | runs | CPU ÷ wall | result |');
  out.push('|---|---:|---|---:|---|');
  out.push(`| examples/strategy (5 files, start-up included) | ${fmtMs(examples.medianMs)} | ${examples.runs.map((ms) => fmtMs(ms)).join(', ')} | ${examples.cores === undefined ? '—' : examples.cores.toFixed(2)} | ${examples.summary.replace(/\|/g, '\\|')} |`);
  for (const result of results) {
    const rows: [string, CheckResult | undefined][] = [
      [`${result.goals.toLocaleString('en')} goals, 1 file`, result.check],
      [`${result.goals.toLocaleString('en')} goals, 10 files × ${(result.goals / 10).toLocaleString('en')}`, result.checkMulti],
    ];
    for (const [label, check] of rows) {
      if (!check) continue;
      out.push(`| ${label} | ${fmtMs(check.medianMs)} | ${check.runs.map((ms) => fmtMs(ms)).join(', ')} | ${check.cores === undefined ? '—' : check.cores.toFixed(2)} | ${check.summary.replace(/\|/g, '\\|')} |`);
    }
  }
  out.push('', ...renderReport(results));
  out.push('## Targets', '');
  const at2000 = results.find((result) => result.goals === 2000);
  const at10000 = results.find((result) => result.goals === 10000);
  if (at2000?.servers.goalpost) {
    const ours = at2000.servers.goalpost;
    const peer = at2000.servers['yaml-language-server'];
    const p95 = percentile(ours.edits, 95);
    const p50 = percentile(ours.edits, 50);
    out.push(`- ${mark(p95 <= 100)} edit→diagnostics at 2,000 goals within 100 ms, debounce included: p50 ${fmtMs(p50)}, p95 ${fmtMs(p95)}.`);
    if (peer) {
      const speedup = percentile(peer.edits, 50) / p50;
      out.push(`- ${mark(speedup >= 8)} 8× faster than yaml-language-server on an edit (p50): ${speedup.toFixed(1)}×.`);
    }
    out.push(`- ${mark((ours.openMs ?? Infinity) <= 600)} open→diagnostics at 2,000 goals within 600 ms: ${fmtMs(ours.openMs)}.`);
  }
  for (const check of [at10000?.check, at10000?.checkMulti]) {
    if (!check) continue;
    const label = check === at10000?.checkMulti ? '10 files × 1,000 goals' : '10,000 goals in 1 file';
    out.push(`- ${mark(check.medianMs <= 2000)} \`goalpost check\` of ${label} within 2 s (both cores used): ${fmtMs(check.medianMs)}, CPU ÷ wall ${check.cores?.toFixed(2) ?? '—'}.`);
  }
  out.push(`- ${mark(examples.medianMs <= 250)} \`goalpost check\` of the examples (examples/strategy) within 250 ms, start-up included: ${fmtMs(examples.medianMs)}.`);
  out.push('', '## Method', '');
  out.push(
    '- Files from bench/generate.ts, in a temp folder with `.goalpost.yaml` (`today: 2027-05-15`). Each server is a fresh process over stdio with no workspace folder (so both see only the opened document; Goalpost finds the config next to it).',
    '- Before measuring, each server is sent a small probe document with an unknown key (`dedline`) and must report it: yaml-language-server is configured with `yaml.validate: true` and `yaml.schemas: { <schemas/goals.schema.json>: "*.goals.yaml" }` (answered through workspace/configuration), and this proves it validates against that schema. The probe also warms both servers up, so open→diagnostics is the open of the big file into a running server.',
    '- Edits: one-character incremental changes, alternately inserting `x` into a goal\'s `funnel` key (an unknown key for both servers) and deleting it again, in 15 goals spread over the file; the time is didChange sent → the diagnostics showing that edit received (Goalpost: the matching document version). Debounce included: Goalpost 5 ms, yaml-language-server 200 ms (its `validationDelayMs`). 50 ms pause between edits.',
    `- Memory: VmRSS and VmHWM of the server process from /proc after the edits. Editing stops early once samples add up to ${EDIT_BUDGET_MS / 1000} s (marked *); an open with no diagnostics after ${OPEN_CAP_MS / 1000} s is capped.`,
    '- `goalpost check .` runs dist/cli.js in the folder; CPU ÷ wall is (user + system) ÷ wall time from /usr/bin/time: 1.0 is one core busy.',
  );
  const notes = results.flatMap((result) =>
    Object.entries(result.servers).flatMap(([name, server]) => [server?.openNote, server?.editNote].filter(Boolean).map((note) => `- ${result.goals.toLocaleString('en')} goals, ${name}: ${note}`)),
  );
  if (notes.length > 0) out.push('', '## Notes', '', ...notes);
  if (PROFILE) out.push('', `CPU profiles (Goalpost server and first CLI run of each workspace): ${PROFILE_DIR}`);
  return `${out.join('\n')}\n`;
}

/** The commit measured, and whether the working tree differed from it. */
function revision(): string {
  const git = (...argv: string[]) => spawnSync('git', ['-C', ROOT, ...argv], { encoding: 'utf8' });
  const head = git('rev-parse', '--short', 'HEAD');
  if (head.status !== 0) return 'outside git';
  const dirty = git('status', '--porcelain', '--untracked-files=no', '--', 'server', 'scripts', 'package.json').stdout.trim().split('\n').filter(Boolean).length;
  return `${head.stdout.trim()}${dirty > 0 ? ` + uncommitted changes in ${dirty} file${dirty === 1 ? '' : 's'}` : ''}`;
}

function peerVersion(): string {
  return (JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/yaml-language-server/package.json'), 'utf8')) as { version: string }).version;
}

// ---------------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  for (const required of [GOALPOST_SERVER, GOALPOST_CLI, PEER_SERVER]) if (!fs.existsSync(required)) throw new Error(`${required} is missing: run \`npm run build\` (or npm install)`);
  const started = performance.now();
  const contention = new Contention();
  // A small workspace first: what a check costs where start-up dominates (no schema is compiled at run time).
  const examples = measureCheck(path.join(ROOT, 'examples/strategy'));
  log(`examples/strategy: goalpost check ${fmtMs(examples.medianMs)} (${examples.summary})`);
  const results: SizeResult[] = [];
  const folders: string[] = [];
  try {
    for (const goals of SIZES) {
      const text = generateGoalsFile(goals);
      const folder = workspace({ 'bench.goals.yaml': text });
      folders.push(folder);
      const file = path.join(folder, 'bench.goals.yaml');
      const result: SizeResult = { goals, bytes: Buffer.byteLength(text), servers: {} };
      results.push(result);
      log(`${goals.toLocaleString('en')} goals (${(result.bytes / 1024).toFixed(0)} KB)`);
      for (const spec of Object.values(SERVERS)) result.servers[spec.name] = await measureServer(spec, folder, file, goals);
      result.check = measureCheck(folder);
      log(`  goalpost check: ${fmtMs(result.check.medianMs)} (${result.check.summary})`);
      if (goals <= 2000) {
        result.render = await measureRender(text);
        log(`  diagram: layout of everything ${fmtMs(result.render.layoutAllMs)}, page first render ${fmtMs(result.render.page?.firstRenderMs)}, edit → painted ${fmtMs(result.render.page?.updateMs)}`);
      }
      if (goals === 10000) {
        const parts: Record<string, string> = {};
        for (let index = 0; index < 10; index++) parts[`part-${index}.goals.yaml`] = workspacePart(goals / 10, index);
        const multi = workspace(parts);
        folders.push(multi);
        result.checkMulti = measureCheck(multi);
        log(`  goalpost check, 10 files: ${fmtMs(result.checkMulti.medianMs)} (${result.checkMulti.summary})`);
      }
    }
  } finally {
    for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
  }
  const elapsed = performance.now() - started;
  const markdown = report(results, elapsed, contention.otherCores(elapsed), examples);
  fs.writeFileSync(RESULTS, markdown);
  process.stdout.write(`\n${markdown}`);
  log(`\nWritten to ${path.relative(process.cwd(), RESULTS)}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
