/**
 * The text of `goalpost tree`: each workspace's outline (objectives → goals → targets) as a Unicode tree
 * with a progress bar, a percentage and a status per line. Pure: outline in, text out.
 */
import { createColors } from 'picocolors';
import type { OutlineNode, OutlineStatus } from '../core/outline';
import { STATUS_LABEL, percent } from '../core/progress';
import type { Severity } from '../core/types';
import { plural, wrap } from './formatters/format';
import { appendAll } from '../core/arrays';

/** The palette picocolors returns, on or off. */
type Colors = ReturnType<typeof createColors>;

/** One workspace as the tree shows it. */
export interface TreeWorkspace {
  /** Where the workspace lives, as the user reads it (a folder relative to the working directory). */
  readonly title: string;
  /** How many goal files it holds. */
  readonly fileCount: number;
  /** The check date progress and status are judged on, `YYYY-MM-DD`. */
  readonly today: string;
  readonly roots: readonly OutlineNode[];
  /** Findings in the shown files, by severity (the tree only counts them; `goalpost check` lists them). */
  readonly findings: Readonly<Record<Severity, number>>;
}

/** Width of the progress bar in cells. */
const BAR_WIDTH = 10;

/** The fewest characters a label keeps however narrow the terminal (a deep tree then runs over). */
const MIN_LABEL = 8;

type Paint = (text: string) => string;

interface StatusLook {
  readonly icon: string;
  /** The word in a line's status column. */
  readonly word: string;
  /** The words in the workspace's closing count ("3 on track"). */
  readonly counted: string;
  readonly tint: (colors: Colors) => Paint;
}

const STATUS_LOOK: Readonly<Record<OutlineStatus, StatusLook>> = {
  done: { icon: '✔', word: STATUS_LABEL.done, counted: STATUS_LABEL.done, tint: (c) => c.green },
  'on-track': { icon: '●', word: STATUS_LABEL['on-track'], counted: STATUS_LABEL['on-track'], tint: (c) => c.green },
  'at-risk': { icon: '▲', word: STATUS_LABEL['at-risk'], counted: STATUS_LABEL['at-risk'], tint: (c) => c.yellow },
  'off-track': { icon: '▼', word: STATUS_LABEL['off-track'], counted: STATUS_LABEL['off-track'], tint: (c) => c.red },
  missed: { icon: '✖', word: STATUS_LABEL.missed, counted: STATUS_LABEL.missed, tint: (c) => c.red },
  'not-started': { icon: '○', word: STATUS_LABEL['not-started'], counted: STATUS_LABEL['not-started'], tint: (c) => c.dim },
  'no-data': { icon: '·', word: STATUS_LABEL['no-data'], counted: 'without data', tint: (c) => c.dim },
  'has-errors': { icon: '‼', word: 'has errors', counted: 'with errors', tint: (c) => (text) => c.bold(c.red(text)) },
};

/** The order statuses are counted in under each workspace. */
const STATUS_ORDER: readonly OutlineStatus[] = ['done', 'on-track', 'at-risk', 'off-track', 'missed', 'not-started', 'no-data', 'has-errors'];

/** Width of the status column: the longest icon and word. */
const STATUS_WIDTH = Object.values(STATUS_LOOK).reduce((widest, look) => Math.max(widest, look.icon.length + 1 + look.word.length), 0);

/**
 * Renders every workspace, separated by a blank line. `color`: ANSI colours (the caller decides: on a
 * TTY and without NO_COLOR).
 */
export function renderTree(workspaces: readonly TreeWorkspace[], color: boolean, width = Infinity): string {
  const colors = createColors(color);
  return workspaces.map((workspace) => renderWorkspace(workspace, colors, width)).join('\n');
}

/**
 * The columns come first (`pct bar status`), the tree last, as in ncdu: they line up however long a
 * title is, and a long title only runs on at the end of its own line.
 */
function renderWorkspace(workspace: TreeWorkspace, c: Colors, width: number): string {
  const about = ` · ${plural(workspace.fileCount, 'goal file')} · as of ${workspace.today}`;
  const lines = [`${c.bold(ellipsis(terminalSafe(workspace.title), width - about.length))}${c.dim(about)}`];
  const rows: string[] = [];
  for (const root of workspace.roots) {
    rows.push(renderRow(root, '', `${root.kind === 'unaligned' ? '◇' : '◆'} `, c, width));
    addChildren(rows, root, '', c, width);
  }
  appendAll(lines, rows.length > 0 ? rows : [c.dim('(no objectives and no goals yet)')]);
  // A footer wider than the line goes one part a line rather than being cut: its counts all matter.
  const parts = footer(workspace);
  const joined = parts.join(' · ');
  for (const line of joined.length <= width ? [joined] : parts.flatMap((part) => wrap(part, width))) lines.push(c.dim(line));
  return `${lines.join('\n')}\n`;
}

function addChildren(rows: string[], node: OutlineNode, indent: string, c: Colors, width: number): void {
  node.children.forEach((child, index) => {
    const last = index === node.children.length - 1;
    rows.push(renderRow(child, `${indent}${last ? '└─ ' : '├─ '}`, '', c, width));
    addChildren(rows, child, `${indent}${last ? '   ' : '│  '}`, c, width);
  });
}

/** ` 62% ██████░░░░  ● on track   │  ├─ label`. */
function renderRow(node: OutlineNode, prefix: string, mark: string, c: Colors, width: number): string {
  const status = rowStatus(node);
  const look = status === undefined ? undefined : STATUS_LOOK[status];
  const tint = look ? look.tint(c) : node.kind === 'objective' ? c.cyan : c.blue;
  const progress =
    node.progress === undefined ? ' '.repeat(4 + 1 + BAR_WIDTH) : `${tint(percent(node.progress).padStart(4))} ${progressBar(node.progress, tint, c)}`;
  const said = look ? `${look.icon} ${look.word}` : '';
  // Everything before the label has a fixed width; the label gets what is left of the line, at least a few cells.
  const before = 4 + 1 + BAR_WIDTH + 2 + STATUS_WIDTH + 2 + prefix.length + mark.length;
  // A KPI on its own row (under the unaligned group) says it is a KPI, not a goal.
  const text = node.kind === 'kpi' ? `KPI: ${node.label}` : node.label;
  const label = ellipsis(terminalSafe(text), Math.max(MIN_LABEL, width - before));
  const name = node.kind === 'goal' || node.kind === 'target' ? label : c.bold(label);
  return `${progress}  ${look ? tint(said) : ''}${' '.repeat(STATUS_WIDTH - said.length)}  ${c.dim(prefix)}${mark}${name}`;
}

/** What the status column says: a goal's status; a target's only when done; an objective's only when it has errors. */
function rowStatus(node: OutlineNode): OutlineStatus | undefined {
  if (node.kind === 'objective') return node.worst === 'error' ? 'has-errors' : undefined;
  return node.status;
}

function progressBar(progress: number, tint: Paint, c: Colors): string {
  const filled = Math.round(Math.max(0, Math.min(1, progress)) * BAR_WIDTH);
  return `${tint('█'.repeat(filled))}${c.dim('░'.repeat(BAR_WIDTH - filled))}`;
}

/** "2 objectives · 5 goals: 1 done, 3 on track, 1 missed · 1 error, 2 warnings (`goalpost check` lists them)". */
function footer(workspace: TreeWorkspace): string[] {
  const objectives = workspace.roots.filter((root) => root.kind === 'objective').length;
  const goals = uniqueGoals(workspace.roots);
  const counts = new Map<OutlineStatus, number>();
  for (const goal of goals) if (goal.status) counts.set(goal.status, (counts.get(goal.status) ?? 0) + 1);
  const byStatus = STATUS_ORDER.filter((status) => counts.has(status)).map((status) => `${counts.get(status)} ${STATUS_LOOK[status].counted}`);
  const parts = [plural(objectives, 'objective'), `${plural(goals.length, 'goal')}${byStatus.length > 0 ? `: ${byStatus.join(', ')}` : ''}`];
  const { error, warning, info } = workspace.findings;
  if (error + warning + info > 0) {
    const found = [error && plural(error, 'error'), warning && plural(warning, 'warning'), info && `${info} info`].filter(Boolean).join(', ');
    parts.push(`${found} (\`goalpost check\` lists them)`);
  }
  return parts;
}

/** Text cut to `width` characters (code points), ending in `…` when cut. */
export function ellipsis(text: string, width: number): string {
  const chars = Array.from(text);
  if (chars.length <= width) return text;
  return `${chars.slice(0, Math.max(0, width - 1)).join('')}…`;
}

/** Each goal once, though a goal that supports two objectives shows under both. */
function uniqueGoals(roots: readonly OutlineNode[]): OutlineNode[] {
  const seen = new Map<string, OutlineNode>();
  const visit = (node: OutlineNode) => {
    if (node.kind === 'goal') {
      const key = `${node.file ?? ''}\u0000${node.range?.start.line ?? ''}\u0000${node.id ?? node.label}`;
      if (!seen.has(key)) seen.set(key, node);
    }
    node.children.forEach(visit);
  };
  roots.forEach(visit);
  return [...seen.values()];
}

/* eslint-disable no-control-regex -- these patterns exist to find control characters */
/** Escape sequences a terminal acts on: OSC (titles, hyperlinks), DCS/PM/APC strings, CSI (colours, cursor moves), two-byte ESC. */
const ESCAPE_SEQUENCES =
  /\u001B\][^\u0007\u001B\u009C]*(?:\u0007|\u001B\\|\u009C)?|\u001B[PX^_][^\u001B\u009C]*(?:\u001B\\|\u009C)?|(?:\u001B\[|\u009B)[0-?]*[ -/]*[@-~]?|\u001B[ -/]*[0-~]?/g;
/** C0 and C1 controls and DEL; whitespace among them becomes a space. */
const CONTROLS = /[\u0000-\u001F\u007F-\u009F]/g;
/* eslint-enable no-control-regex */
/** Bidirectional overrides and isolates, which can make text read differently from what it is. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/**
 * User text made safe to print on a terminal: escape sequences removed whole, then every remaining
 * control character (so no ESC or CSI byte can survive), and bidirectional controls. Tabs and line
 * breaks become spaces, so one title stays one line.
 */
export function terminalSafe(text: string): string {
  return text
    .replace(ESCAPE_SEQUENCES, '')
    .replace(CONTROLS, (char) => (/[\t\n\r\v\f]/.test(char) ? ' ' : ''))
    .replace(BIDI_CONTROLS, '');
}
