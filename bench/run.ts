/**
 * `npm run bench`: Goalpost's language server and CLI on generated workspaces of 200, 2,000 and 10,000 goals,
 * side by side in the same run with yaml-language-server validating the same file against
 * schemas/goals.schema.json. Prints a markdown report and writes it to bench/results.md.
 *
 * Each server is driven through both client paths (client.ts): as VS Code starts it (the workspace folder
 * announced, the file open at start) and as an editor opening one file without a root. Per size, path and
 * server (a fresh process each): open→diagnostics, one-character edits → their diagnostics (p50, p95),
 * memory after the open and after the edits. On the VS Code path, up to 2,000 goals, the preview's update
 * after a title edit (preview.ts). Then `goalpost check` (dist/cli.js, median of 3) on the same folder, and
 * for 10,000 goals also on 10 files × 1,000 goals; the diagram's layout and page up to 2,000 goals
 * (render.ts). report.ts writes the tables and checks the targets on the VS Code path.
 *
 * Options: `--profile` runs Goalpost's server and CLI with --cpu-prof and prints where the profiles went;
 * `--sizes=200,2000` picks sizes.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { PublishDiagnosticsParams, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import { BenchClient, CLIENT_PATHS, PATH_LABEL, TimeoutError, type ClientPath, type ServerName, type ServerSpec } from './client';
import { generateGoalsFile } from './generate';
import { measureIndexedOpen } from './indexedOpen';
import { measurePreviewUpdate } from './preview';
import { measureRender } from './render';
import { fmtMs, percentile, previewUpdate, report, type CheckResult, type RunInfo, type ServerResult, type SizeResult } from './report';

const ROOT = path.join(__dirname, '..');
const GOALPOST_SERVER = path.join(ROOT, 'dist/server.js');
const GOALPOST_CLI = path.join(ROOT, 'dist/cli.js');
const PEER_SERVER = path.join(ROOT, 'node_modules/yaml-language-server/bin/yaml-language-server');
const SCHEMA_URI = URI.file(path.join(ROOT, 'schemas/goals.schema.json')).toString();
const RESULTS = path.join(__dirname, 'results.md');

const args = process.argv.slice(2);
const PROFILE = args.includes('--profile');
const SIZES = (
  args
    .find((arg) => arg.startsWith('--sizes='))
    ?.slice('--sizes='.length)
    .split(',')
    .map(Number) ?? [200, 2000, 10000]
).filter((size) => size > 0);
/**
 * Edits per path, and the time after which a path stops editing (at least MIN_EDITS), so that the whole run
 * stays near 5 minutes: the targets are checked on the VS Code path, the single-file path is the comparison.
 */
const EDITS: Record<ClientPath, { count: number; budgetMs: number }> = {
  vscode: { count: 30, budgetMs: 40_000 },
  'single-file': { count: 10, budgetMs: 15_000 },
};
const MIN_EDITS = 4;
/** Title edits timed through the preview's path, at the sizes the diagram is measured (up to 2,000 goals). */
const PREVIEW_EDITS = 15;
const PREVIEW_MAX_GOALS = 2000;
/** The peer's open is given up after this long, and the report says so. */
const OPEN_CAP_MS = 60_000;
/** One edit waiting longer than this is a failure, not a sample. */
const EDIT_TIMEOUT_MS = 60_000;
/** Pause between edits, as between keystrokes: each edit starts from an idle server. */
const GAP_MS = 50;
const CHECK_RUNS = 3;
const PROFILE_DIR = PROFILE ? fs.mkdtempSync(path.join(os.tmpdir(), 'goalpost-profiles-')) : '';

const SERVERS: Record<ServerName, ServerSpec> = {
  goalpost: {
    name: 'goalpost',
    argv: [...(PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : []), GOALPOST_SERVER],
    languageId: 'goals',
    settings: { goalpost: { today: '' } },
  },
  'yaml-language-server': {
    name: 'yaml-language-server',
    argv: [PEER_SERVER],
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
    const fields = self
      .slice(self.lastIndexOf(')') + 2)
      .split(' ')
      .map(Number);
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

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The line of goal `index`'s `funnel:` key. */
function funnelLine(lines: readonly string[], index: number): number {
  const start = lines.indexOf(`  - id: goal-${index}`);
  if (start < 0) throw new Error(`goal-${index} not found`);
  for (let line = start + 1; line < lines.length && !lines[line].startsWith('  - '); line++) if (lines[line].startsWith('    funnel:')) return line;
  throw new Error(`goal-${index} has no funnel`);
}

/** Opens the probe in `folder` and waits for its schema violation: the server validates against our schema. */
async function probe(client: BenchClient, folder: string): Promise<void> {
  const probeUri = URI.file(path.join(folder, 'probe.goals.yaml')).toString();
  const reported = client.nextDiagnostics(
    (params) => params.uri === probeUri && params.diagnostics.some((diagnostic) => diagnostic.range.start.line === PROBE_LINE),
    30_000,
  );
  await client.open(probeUri, PROBE_TEXT);
  const probed = await reported.catch((error: unknown) => {
    throw new Error(
      `${client.spec.name} did not report the schema violation of the probe (${String(error)}); stderr: ${client.stderr.join('').slice(0, 2000)}`,
    );
  });
  const message = messageText(probed.diagnostics.find((diagnostic) => diagnostic.range.start.line === PROBE_LINE)?.message);
  if (!/dedline/.test(message)) throw new Error(`${client.spec.name}: unexpected probe diagnostic: ${message}`);
  const cleared = client.nextDiagnostics((params) => params.uri === probeUri && params.diagnostics.length === 0, 10_000).catch(() => undefined);
  await client.close(probeUri);
  await cleared;
}

/**
 * One server through one client path on one file: open, edits, memory, and (Goalpost on the VS Code path,
 * small enough sizes) the preview's update. `probeFolder` is outside every workspace folder.
 */
async function measureServer(
  spec: ServerSpec,
  clientPath: ClientPath,
  folder: string,
  file: string,
  goals: number,
  probeFolder: string,
): Promise<ServerResult> {
  const result: ServerResult = { edits: [] };
  const label = `${PATH_LABEL[clientPath]}, ${spec.name}`;
  const uri = URI.file(file).toString();
  const text = fs.readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const client = await BenchClient.start(spec, clientPath, folder);
  try {
    if (clientPath === 'single-file') {
      // Warm-up and proof first: the open is then that of a big file into a running server.
      await probe(client, path.join(folder, 'probe-not-on-disk'));
      await sleep(200);
    }

    // Open: on the VS Code path right after start, as a file open when the extension activates.
    const opened = client.nextDiagnostics((params) => params.uri === uri, OPEN_CAP_MS);
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
      log(`  ${label}: open capped at ${OPEN_CAP_MS / 1000} s`);
      return result;
    }
    await sleep(300);
    result.openRssMb = client.memory().rssMb;
    log(`  ${label}: open→diagnostics ${fmtMs(result.openMs)} (${baseline.diagnostics.length} diagnostics), RSS ${result.openRssMb.toFixed(0)} MB`);

    await measureEdits(client, uri, lines, goals, baseline, EDITS[clientPath], result);
    log(`  ${label}: ${result.edits.length} edits, p50 ${fmtMs(percentile(result.edits, 50))}, p95 ${fmtMs(percentile(result.edits, 95))}`);
    const memory = client.memory();
    result.rssMb = memory.rssMb;
    result.peakMb = memory.peakMb;

    if (clientPath === 'vscode') {
      if (spec.name === 'goalpost' && goals <= PREVIEW_MAX_GOALS) {
        result.preview = await measurePreviewUpdate(client, uri, lines, goals, PREVIEW_EDITS, () => sleep(GAP_MS));
        log(
          `  ${label}: preview update (didChange → diagram answered) p50 ${fmtMs(percentile(result.preview.samples, 50))}, ${(result.preview.payloadBytes / 1024).toFixed(0)} KB`,
        );
      }
      await probe(client, probeFolder);
    }
    return result;
  } finally {
    await client.stop();
  }
}

/**
 * Pairs of insert/remove of a typo in a goal's key, in goals spread over the file, each timed until its
 * diagnostics arrive; stops early once the samples use up the path's budget.
 */
async function measureEdits(
  client: BenchClient,
  uri: string,
  lines: readonly string[],
  goals: number,
  baseline: PublishDiagnosticsParams,
  plan: { count: number; budgetMs: number },
  result: ServerResult,
): Promise<void> {
  const pairs = plan.count / 2;
  let spent = 0;
  for (let edit = 0; edit < plan.count; edit++) {
    const goal = Math.floor(((Math.floor(edit / 2) + 0.5) * goals) / pairs);
    const line = funnelLine(lines, goal);
    const insert = edit % 2 === 0;
    const at = { line, character: '    funnel'.length };
    const change: TextDocumentContentChangeEvent = insert
      ? { range: { start: at, end: at }, text: 'x' }
      : { range: { start: at, end: { line, character: at.character + 1 } }, text: '' };
    const version = edit + 2; // version 1 was the open
    const typoReported = (params: PublishDiagnosticsParams) =>
      params.diagnostics.some((diagnostic) => diagnostic.range.start.line === line && /funnelx/.test(messageText(diagnostic.message)));
    const expected = (params: PublishDiagnosticsParams) =>
      params.uri === uri &&
      (params.version === undefined || params.version === null || params.version === version) &&
      (insert
        ? typoReported(params) && params.diagnostics.length === baseline.diagnostics.length + 1
        : params.diagnostics.length === baseline.diagnostics.length);
    const published = client.nextDiagnostics(expected, EDIT_TIMEOUT_MS);
    const start = performance.now();
    const sent = await client.change(uri, [change]);
    if (sent !== version) throw new Error(`version mismatch: ${sent} vs ${version}`);
    await published;
    const elapsed = performance.now() - start;
    result.edits.push(elapsed);
    spent += elapsed;
    if (spent > plan.budgetMs && result.edits.length >= MIN_EDITS && edit % 2 === 1 && edit < plan.count - 1) {
      result.editNote = `${result.edits.length} edits (stopped at the ${plan.budgetMs / 1000} s budget)`;
      break;
    }
    await sleep(GAP_MS);
  }
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
  return {
    medianMs: median.ms,
    runs: runs.map((run) => run.ms),
    cores: median.cpu === undefined ? undefined : median.cpu / median.ms,
    exitCode: median.status,
    summary,
  };
}

/** The commit measured, and whether the working tree differed from it. */
function revision(): string {
  const git = (...argv: string[]) => spawnSync('git', ['-C', ROOT, ...argv], { encoding: 'utf8' });
  const head = git('rev-parse', '--short', 'HEAD');
  if (head.status !== 0) return 'outside git';
  const dirty = git('status', '--porcelain', '--untracked-files=no', '--', 'server', 'client', 'scripts', 'package.json')
    .stdout.trim()
    .split('\n')
    .filter(Boolean).length;
  return `${head.stdout.trim()}${dirty > 0 ? ` + uncommitted changes in ${dirty} file${dirty === 1 ? '' : 's'}` : ''}`;
}

function peerVersion(): string {
  return (JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/yaml-language-server/package.json'), 'utf8')) as { version: string }).version;
}

// ---------------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  for (const required of [GOALPOST_SERVER, GOALPOST_CLI, PEER_SERVER])
    if (!fs.existsSync(required)) throw new Error(`${required} is missing: run \`npm run build\` (or npm install)`);
  const load = os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(', ');
  log(`load average ${load}`);
  const started = performance.now();
  const contention = new Contention();
  // A small workspace first: what a check costs where start-up dominates (no schema is compiled at run time).
  const examples = measureCheck(path.join(ROOT, 'examples/strategy'));
  log(`examples/strategy: goalpost check ${fmtMs(examples.medianMs)} (${examples.summary})`);
  const results: SizeResult[] = [];
  const probeFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'goalpost-bench-probe-'));
  const folders: string[] = [probeFolder];
  try {
    for (const goals of SIZES) {
      const text = generateGoalsFile(goals);
      const folder = workspace({ 'bench.goals.yaml': text });
      folders.push(folder);
      const file = path.join(folder, 'bench.goals.yaml');
      const result: SizeResult = { goals, bytes: Buffer.byteLength(text), servers: {} };
      results.push(result);
      log(`${goals.toLocaleString('en')} goals (${(result.bytes / 1024).toFixed(0)} KB)`);
      for (const clientPath of CLIENT_PATHS) {
        const servers: Partial<Record<ServerName, ServerResult>> = {};
        result.servers[clientPath] = servers;
        for (const spec of Object.values(SERVERS)) servers[spec.name] = await measureServer(spec, clientPath, folder, file, goals, probeFolder);
      }
      result.indexedOpen = await measureIndexedOpen(SERVERS.goalpost, folder, URI.file(file).toString(), text, OPEN_CAP_MS, () => sleep(300));
      log(
        `  VS Code, goalpost, the file opened after the index: indexed ${fmtMs(result.indexedOpen.indexedMs)}, didOpen → hover answered ${fmtMs(result.indexedOpen.openToHoverMs)}`,
      );
      result.check = measureCheck(folder);
      log(`  goalpost check: ${fmtMs(result.check.medianMs)} (${result.check.summary})`);
      if (goals <= PREVIEW_MAX_GOALS) {
        result.render = await measureRender(text);
        log(
          `  diagram: layout of everything ${fmtMs(result.render.layoutAllMs)}, page first render ${fmtMs(result.render.page?.firstRenderMs)}, edit → painted ${fmtMs(result.render.page?.updateMs)}`,
        );
        const update = previewUpdate(result);
        if (update) log(`  preview: edit → painted (server + page) ${fmtMs(update.totalMs)}`);
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
  const totalMs = performance.now() - started;
  const run: RunInfo = {
    totalMs,
    otherCores: contention.otherCores(totalMs),
    load,
    peerVersion: peerVersion(),
    revision: revision(),
    examples,
    openCapMs: OPEN_CAP_MS,
    edits: EDITS,
    previewEdits: PREVIEW_EDITS,
    profileDir: PROFILE ? PROFILE_DIR : undefined,
  };
  const markdown = report(results, run);
  fs.writeFileSync(RESULTS, markdown);
  process.stdout.write(`\n${markdown}`);
  log(`\nWritten to ${path.relative(process.cwd(), RESULTS)}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
