/**
 * `npm run bench`'s results and their markdown: both client paths side by side with the ratios to
 * yaml-language-server, `goalpost check`, the diagram and the preview's update, and the targets, checked
 * on the VS Code path.
 */
import * as os from 'node:os';
import { CLIENT_PATHS, PATH_LABEL, type ClientPath, type ServerName } from './client';
import type { IndexedOpenResult } from './indexedOpen';
import type { PreviewUpdateResult } from './preview';
import { num, tableSection, word } from './markdown';
import { renderReport, type RenderResult } from './render';

/** One server driven through one client path at one size. */
export interface ServerResult {
  openMs?: number;
  /** Why there is no open time (capped). */
  openNote?: string;
  openDiagnostics?: number;
  /** Resident memory once the open's diagnostics arrived (and a short pause), in MB. */
  openRssMb?: number;
  edits: number[];
  editNote?: string;
  /** Resident and peak memory after the edits, in MB. */
  rssMb?: number;
  peakMb?: number;
  /** Goalpost on the VS Code path, up to 2,000 goals: the preview's update after an edit. */
  preview?: PreviewUpdateResult;
}

/** `goalpost check` on one workspace. */
export interface CheckResult {
  medianMs: number;
  runs: number[];
  /** CPU time (user + system) over wall time of the median run: 1.0 is one core busy. */
  cores?: number;
  exitCode: number | null;
  summary: string;
}

/** Everything measured at one size. */
export interface SizeResult {
  goals: number;
  bytes: number;
  servers: Partial<Record<ClientPath, Partial<Record<ServerName, ServerResult>>>>;
  /** Goalpost on the VS Code path with the file opened once the folder is indexed. */
  indexedOpen?: IndexedOpenResult;
  check?: CheckResult;
  checkMulti?: CheckResult;
  render?: RenderResult;
}

/** What the run was, for the report's header and method. */
export interface RunInfo {
  readonly totalMs: number;
  /** Other processes' CPU during the run, in cores (undefined when /proc could not be read). */
  readonly otherCores?: number;
  readonly load: string;
  readonly peerVersion: string;
  readonly revision: string;
  readonly examples: CheckResult;
  readonly openCapMs: number;
  readonly edits: Record<ClientPath, { readonly count: number; readonly budgetMs: number }>;
  readonly previewEdits: number;
  readonly profileDir?: string;
}

/** The `p`th percentile (nearest rank) of the samples; NaN without samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Milliseconds as the report writes them. */
export const fmtMs = (ms: number | undefined) =>
  ms === undefined || Number.isNaN(ms) ? '—' : ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
const fmtMb = (mb: number | undefined) => (mb === undefined || Number.isNaN(mb) ? '—' : `${Math.round(mb)} MB`);
const fmtKb = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString('en')} KB`;
const ratio = (peer: number | undefined, ours: number | undefined) =>
  peer === undefined || ours === undefined || Number.isNaN(peer) || Number.isNaN(ours) ? '—' : `${(peer / ours).toFixed(1)}×`;
const mark = (ok: boolean) => (ok ? '✅' : '❌');
const count = (goals: number) => goals.toLocaleString('en');
const SERVERS: readonly ServerName[] = ['goalpost', 'yaml-language-server'];

/** The preview's target: a one-character edit repainted within this, server and page together. */
const PREVIEW_TARGET_MS = 300;

/** The whole report, in markdown. */
export function report(results: readonly SizeResult[], run: RunInfo): string {
  const out: string[] = ['# Goalpost benchmark', ''];
  out.push(
    `Run ${new Date().toISOString()} on ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'}, Node ${process.version}, yaml-language-server ${run.peerVersion}, Goalpost ${run.revision}; total ${(run.totalMs / 1000).toFixed(0)} s.`,
    '',
  );
  const busy = run.otherCores !== undefined && run.otherCores > 0.25 ? ' — the machine was busy, so expect the numbers to be pessimistic and noisy' : '';
  out.push(
    `Load average at the start ${run.load}${run.otherCores === undefined ? '' : `; other processes used ${run.otherCores.toFixed(2)} of the ${os.cpus().length} cores on average during the run${busy}`}.`,
    '',
  );
  out.push(
    ...serverTable(results, run),
    ...ratioTable(results, run.openCapMs),
    ...indexedOpenTable(results),
    ...checkTable(results, run.examples),
    ...renderReport(results),
    ...previewTable(results, run),
  );
  out.push(...targets(results, run.examples), ...method(run));
  const notes = results.flatMap((result) =>
    CLIENT_PATHS.flatMap((clientPath) =>
      SERVERS.flatMap((name) => {
        const server = result.servers[clientPath]?.[name];
        return [server?.openNote, server?.editNote]
          .filter(Boolean)
          .map((note) => `- ${count(result.goals)} goals, ${PATH_LABEL[clientPath]}, ${name}: ${note}`);
      }),
    ),
  );
  if (notes.length > 0) out.push('', '## Notes', '', ...notes);
  if (run.profileDir) out.push('', `CPU profiles (Goalpost's server on each path and the first CLI run of each workspace): ${run.profileDir}`);
  return `${out.join('\n')}\n`;
}

function serverTable(results: readonly SizeResult[], run: RunInfo): string[] {
  const rows: string[][] = [];
  for (const result of results) {
    for (const clientPath of CLIENT_PATHS) {
      for (const name of SERVERS) {
        const server = result.servers[clientPath]?.[name];
        if (!server) continue;
        const open = server.openMs === undefined ? `> ${run.openCapMs / 1000} s (capped)` : fmtMs(server.openMs);
        rows.push([
          count(result.goals),
          fmtKb(result.bytes),
          PATH_LABEL[clientPath],
          name,
          open,
          fmtMs(percentile(server.edits, 50)),
          fmtMs(percentile(server.edits, 95)),
          `${server.edits.length}${server.editNote ? '*' : ''}`,
          fmtMb(server.openRssMb),
          fmtMb(server.rssMb),
          fmtMb(server.peakMb),
        ]);
      }
    }
  }
  return tableSection(
    '## Language server (same file, same JSON schema, both client paths)',
    [
      num('goals'),
      num('file'),
      word('client'),
      word('server'),
      num('open→diagnostics'),
      num('edit→diagnostics p50'),
      num('p95'),
      num('edits'),
      num('RSS after open'),
      num('RSS after edits'),
      num('peak RSS'),
    ],
    rows,
  );
}

function ratioTable(results: readonly SizeResult[], openCapMs: number): string[] {
  const rows: string[][] = [];
  for (const result of results) {
    for (const clientPath of CLIENT_PATHS) {
      const ours = result.servers[clientPath]?.goalpost;
      const peer = result.servers[clientPath]?.['yaml-language-server'];
      if (!ours || !peer) continue;
      const open =
        peer.openMs === undefined && ours.openMs !== undefined ? `> ${ratio(openCapMs, ours.openMs)} (peer capped)` : ratio(peer.openMs, ours.openMs);
      rows.push([
        count(result.goals),
        PATH_LABEL[clientPath],
        open,
        ratio(percentile(peer.edits, 50), percentile(ours.edits, 50)),
        ratio(percentile(peer.edits, 95), percentile(ours.edits, 95)),
        ratio(peer.rssMb, ours.rssMb),
      ]);
    }
  }
  return tableSection(
    '## Ratios (yaml-language-server ÷ Goalpost on the same path; higher is better for Goalpost)',
    [num('goals'), word('client'), num('open→diagnostics'), num('edit p50'), num('edit p95'), num('RSS after edits')],
    rows,
  );
}

function indexedOpenTable(results: readonly SizeResult[]): string[] {
  const rows = results.flatMap(({ goals, indexedOpen }) =>
    indexedOpen ? [[count(goals), fmtMs(indexedOpen.indexedMs), fmtMs(indexedOpen.openToHoverMs)]] : [],
  );
  if (rows.length === 0) return [];
  return tableSection(
    '## Parse once: the file opened after the folder is indexed (Goalpost, VS Code path)',
    [num('goals'), num('initialize → folder indexed and checked'), num('didOpen → hover on the file answered')],
    rows,
    "The index parses the file from disk and publishes its diagnostics; the open sends the same text, which keeps that parse and analysis (no diagnostics change, so none are sent), so a hover answers without a second parse. Compare the single-file path's open, which is a parse.",
  );
}

function checkTable(results: readonly SizeResult[], examples: CheckResult): string[] {
  const row = (label: string, check: CheckResult) => [
    label,
    fmtMs(check.medianMs),
    check.runs.map((ms) => fmtMs(ms)).join(', '),
    check.cores === undefined ? '—' : check.cores.toFixed(2),
    check.summary.replace(/\|/g, '\\|'),
  ];
  const rows = [row('examples/strategy (5 files, start-up included)', examples)];
  for (const result of results) {
    if (result.check) rows.push(row(`${count(result.goals)} goals, 1 file`, result.check));
    if (result.checkMulti) rows.push(row(`${count(result.goals)} goals, 10 files × ${count(result.goals / 10)}`, result.checkMulti));
  }
  return tableSection(
    '## `goalpost check` (wall time, median of 3)',
    [word('workspace'), num('wall time'), word('runs'), num('CPU ÷ wall'), word('result')],
    rows,
  );
}

/** The preview's update after an edit: the server's part, the page's part, and their sum. */
export function previewUpdate(result: SizeResult): { serverMs: number; pageMs?: number; totalMs?: number; preview: PreviewUpdateResult } | undefined {
  const preview = result.servers.vscode?.goalpost?.preview;
  if (!preview) return undefined;
  const serverMs = percentile(preview.samples, 50);
  const pageMs = result.render?.page?.updateMs;
  return { serverMs, pageMs, totalMs: pageMs === undefined ? undefined : serverMs + pageMs, preview };
}

function previewTable(results: readonly SizeResult[], run: RunInfo): string[] {
  const rows = results.flatMap((result) => {
    const update = previewUpdate(result);
    if (!update) return [];
    const { preview, serverMs, pageMs, totalMs } = update;
    return [
      [
        count(result.goals),
        count(preview.nodes),
        fmtMs(serverMs),
        fmtMs(percentile(preview.samples, 95)),
        fmtMs(percentile(preview.announced, 50)),
        fmtKb(preview.payloadBytes),
        fmtMs(pageMs),
        fmtMs(totalMs),
      ],
    ];
  });
  if (rows.length === 0) return [];
  return tableSection(
    '## The preview after a one-character edit (Goalpost, VS Code path)',
    [
      num('goals'),
      num('nodes'),
      num(`server: didChange → \`goalpost/diagram\` answered (p50 of ${run.previewEdits})`),
      num('p95'),
      num('of which didChange → `outlineChanged` (p50)'),
      num('answer (JSON)'),
      num('page: edit → painted'),
      num('edit → preview painted (server + page)'),
    ],
    rows,
    "The server part is driven as the extension's preview drives it: a letter added to (or taken from) a goal's title, the server's `goalpost/outlineChanged`, then the `goalpost/diagram` request for the document; every answer is checked to show the edited title. The page part is the \"edit → painted\" of the diagram table. Not included: the extension host passing the answer on to the webview (`postMessage`).",
  );
}

function targets(results: readonly SizeResult[], examples: CheckResult): string[] {
  const out = ['## Targets (on the VS Code path)', ''];
  const at = (goals: number) => results.find((result) => result.goals === goals);
  const vscode = (goals: number) => at(goals)?.servers.vscode;
  for (const [goals, openLimit, editLimit, openLabel] of [
    [2000, 300, 40, '300 ms'],
    [10000, 1000, 100, '1 s'],
  ] as const) {
    const ours = vscode(goals)?.goalpost;
    if (!ours) continue;
    const p50 = percentile(ours.edits, 50);
    out.push(`- ${mark((ours.openMs ?? Infinity) <= openLimit)} open→diagnostics at ${count(goals)} goals within ${openLabel}: ${fmtMs(ours.openMs)}.`);
    out.push(`- ${mark(p50 <= editLimit)} edit→diagnostics p50 at ${count(goals)} goals within ${fmtMs(editLimit)}, debounce included: ${fmtMs(p50)}.`);
    if (goals === 2000) {
      const p95 = percentile(ours.edits, 95);
      out.push(`- ${mark(p95 <= 100)} edit→diagnostics p95 at 2,000 goals within 100 ms: ${fmtMs(p95)}.`);
      const peer = vscode(goals)?.['yaml-language-server'];
      if (peer) {
        const speedup = percentile(peer.edits, 50) / p50;
        out.push(`- ${mark(speedup >= 8)} 8× faster than yaml-language-server on an edit (p50) at 2,000 goals: ${speedup.toFixed(1)}×.`);
      }
    }
    if (goals === 10000)
      out.push(
        `- ${mark((ours.openRssMb ?? Infinity) <= 200)} RSS after opening 10,000 goals within 200 MB: ${fmtMb(ours.openRssMb)} (${fmtMb(ours.rssMb)} after the edits).`,
      );
  }
  const at10000 = at(10000);
  for (const [label, check] of [
    ['10,000 goals in 1 file', at10000?.check],
    ['10 files × 1,000 goals', at10000?.checkMulti],
  ] as const) {
    if (check)
      out.push(
        `- ${mark(check.medianMs <= 1000)} \`goalpost check\` of ${label} within 1 s: ${fmtMs(check.medianMs)}, CPU ÷ wall ${check.cores?.toFixed(2) ?? '—'}.`,
      );
  }
  out.push(
    `- ${mark(examples.medianMs <= 250)} \`goalpost check\` of the examples (examples/strategy) within 250 ms, start-up included: ${fmtMs(examples.medianMs)}.`,
  );
  for (const result of results) {
    const update = previewUpdate(result);
    if (!update) continue;
    const { totalMs, serverMs, pageMs } = update;
    out.push(
      `- ${mark((totalMs ?? Infinity) <= PREVIEW_TARGET_MS)} edit → preview painted at ${count(result.goals)} goals within ${PREVIEW_TARGET_MS} ms (server + page): ${fmtMs(totalMs)} (${fmtMs(serverMs)} + ${fmtMs(pageMs)}).`,
    );
  }
  return [...out, ''];
}

function method(run: RunInfo): string[] {
  const { vscode, 'single-file': single } = run.edits;
  return [
    '## Method',
    '',
    "- Files from bench/generate.ts, each size in a temp folder of its own with `.goalpost.yaml` (`today: 2027-05-15`). Each server is a fresh process for each path and size, started the way the path's editor starts it:",
    "  - **VS Code**: as vscode-languageclient starts a server (Goalpost's extension and vscode-yaml both use it): node IPC, the folder announced in `workspaceFolders` and `rootUri`, VS Code's client capabilities (`workspace.workspaceFolders`, `workspace.configuration`, work-done progress, watched files), `workspace/configuration` answered, the settings pushed once after `initialized`, and the file opened right after, as VS Code does with a file that is open when the extension starts. Goalpost indexes the folder from disk meanwhile; its parse of the file is the one the open uses. This is a cold start for both servers: open→diagnostics includes whatever each does on its first file (compiling schemas, warming up, indexing).",
    '  - **single file**: as Neovim or Helix opening one file without a root: stdio, `rootUri` and `workspaceFolders` null. Each server is first sent a small probe document and must report its schema violation, which also warms it up, so open→diagnostics is the open of the big file into a running server.',
    '- The probe (`dedline:` instead of `deadline:`, an unknown key for both servers) proves yaml-language-server validates against schemas/goals.schema.json: it is configured with `yaml.validate: true` and `yaml.schemas: { <schemas/goals.schema.json>: "*.goals.yaml" }`, answered through workspace/configuration. On the VS Code path it is opened after the measurements, outside the workspace folder.',
    '- open→diagnostics: didOpen sent → the first publishDiagnostics for the file received.',
    `- Edits: one-character incremental changes, alternately inserting \`x\` into a goal's \`funnel\` key (an unknown key for both servers) and deleting it again, in goals spread over the file; the time is didChange sent → the diagnostics showing that edit received (Goalpost: the matching document version). Debounce included: Goalpost 5 ms, yaml-language-server 200 ms (its \`validationDelayMs\`). 50 ms pause between edits. ${vscode.count} edits on the VS Code path, ${single.count} on the single-file path; editing stops early once the samples add up to ${vscode.budgetMs / 1000} s (VS Code) or ${single.budgetMs / 1000} s (single file), marked *. An open with no diagnostics after ${run.openCapMs / 1000} s is capped.`,
    "- Memory: VmRSS of the server process from /proc 300 ms after the open's diagnostics, and VmRSS and VmHWM (peak) after the edits.",
    `- The preview: ${run.previewEdits} title edits per size, on Goalpost's VS Code session after its diagnostics edits (see its section).`,
    '- Parse once: one more Goalpost process per size, started on the VS Code path without the file open; once it says the folder is indexed (`goalpost/outlineChanged` with `indexed: true`) and 300 ms later, the file is opened with the text on disk and a hover asked on its first goal.',
    '- `goalpost check .` runs dist/cli.js in the folder; CPU ÷ wall is (user + system) ÷ wall time from /usr/bin/time: 1.0 is one core busy.',
  ];
}
