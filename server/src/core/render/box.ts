/**
 * What a node's box holds and how big it is: the title wrapped to the box, the id and department cut to
 * fit, the status as icon and word. The layout sizes boxes from this; the SVG draws exactly this.
 */
import { OUTLINE_STATUS_WORD, type OutlineStatus } from '../outline';
import { percent } from '../progress';
import type { GraphNode, NodeKind } from './graph';
import { ellipsise, measure, wrap, type Font } from './text';

/** Status icons, the same the terminal tree uses, so colour is never the only signal. */
export const STATUS_ICON: Readonly<Record<OutlineStatus, string>> = {
  done: '✔',
  'on-track': '●',
  'at-risk': '▲',
  'off-track': '▼',
  missed: '✖',
  'not-started': '○',
  'no-data': '·',
  'has-errors': '‼',
};

/** A status as an icon and a word (never colour alone): "▲ at risk". */
export function statusLabel(status: OutlineStatus): string {
  return `${STATUS_ICON[status]} ${OUTLINE_STATUS_WORD[status]}`;
}

/** The word for each kind in a box's header. */
export const KIND_WORD: Readonly<Record<NodeKind, string>> = { objective: 'OBJECTIVE', goal: 'GOAL', kpi: 'KPI' };

/** Box widths per kind; heights follow from the title's lines. */
const WIDTH: Readonly<Record<NodeKind, number>> = { objective: 280, goal: 240, kpi: 220 };

/** Fonts (the CSS in style.ts uses the same sizes and weights). */
export const FONTS = {
  header: { size: 10 },
  title: { size: 13 },
  objectiveTitle: { size: 14, bold: true },
  small: { size: 11 },
  badge: { size: 10, bold: true },
} as const satisfies Record<string, Font>;

/** Spacing inside a box. */
export const PAD = 10;
/** Title line height. */
export const LINE = 17;
/** Lines of title shown at most. */
const TITLE_LINES = 3;
/** Height of the header, department and status rows. */
export const ROW = 15;
/** The progress bar's height. */
export const BAR = 6;

/** A node's box, its text cut to fit. Coordinates inside are relative to the box's top left. */
export interface NodeBox {
  readonly width: number;
  readonly height: number;
  /** "GOAL · ig-sessions-q1", cut to leave room for the badges. */
  readonly header: string;
  readonly titleLines: readonly string[];
  readonly titleFont: Font;
  readonly department?: string;
  /** "● on track · 62%", or for a KPI without status the word "measured by" count. */
  readonly statusText?: string;
  /** Badge texts, "✖ 2" and "⚠ 1", when there are findings. */
  readonly badges: readonly { readonly severity: 'error' | 'warning'; readonly text: string }[];
}

/** The box of a node. */
export function nodeBox(node: GraphNode): NodeBox {
  const width = WIDTH[node.kind];
  const inner = width - 2 * PAD;
  const badges = [
    ...(node.errors > 0 ? [{ severity: 'error' as const, text: `✖ ${node.errors}` }] : []),
    ...(node.warnings > 0 ? [{ severity: 'warning' as const, text: `⚠ ${node.warnings}` }] : []),
  ];
  const badgeRoom = badges.reduce((sum, badge) => sum + badgeWidth(badge.text) + 4, 0);
  const titleFont: Font = node.kind === 'objective' ? FONTS.objectiveTitle : FONTS.title;
  const titleLines = wrap(node.title, inner, titleFont, TITLE_LINES);
  const header = ellipsise(node.id === undefined ? KIND_WORD[node.kind] : `${KIND_WORD[node.kind]} · ${node.id}`, inner - badgeRoom, FONTS.header);
  const department = node.department === undefined ? undefined : ellipsise(node.department, inner, FONTS.small);
  const status = node.status === undefined ? undefined : statusLabel(node.status);
  const progress = node.progress === undefined ? undefined : percent(node.progress);
  const statusText = [status, progress].filter((part) => part !== undefined).join(' · ') || undefined;
  const rows = 1 + (department === undefined ? 0 : 1) + (statusText === undefined ? 0 : 1);
  const height = PAD + ROW + 2 + titleLines.length * LINE + 2 + (rows - 1) * ROW + (node.progress === undefined ? 0 : BAR + 6) + PAD;
  return { width, height, header, titleLines, titleFont, department, statusText, badges };
}

/** A badge's width: its text plus padding. */
export function badgeWidth(text: string): number {
  return Math.ceil(measure(text, FONTS.badge)) + 8;
}
