/**
 * The laid-out diagram as SVG markup: boxes with title, id, department, status (colour, icon and word),
 * progress bar and finding badges; edges dashed by meaning, with a legend. Every user string goes through
 * escapeXml; elements carry classes, never inline styles, so a strict CSP page can show it.
 */
import { BAR, FONTS, LINE, PAD, ROW, badgeWidth, KIND_WORD, statusLabel } from './box';
import { escapeXml } from './escape';
import { ellipsise, measure } from './text';
import { UNALIGNED_KEY, type EdgeKind, type GraphNode } from './graph';
import type { Layout, PlacedEdge, PlacedGroup, PlacedNode } from './layout';
import { standaloneCss } from './style';
import type { OutlineStatus } from '../outline';
import { percent } from '../progress';
import { OUTLINE_STATUS_WORD } from '../outline';

/** How to render. */
export interface SvgOptions {
  /** A file of its own: XML declaration and the standalone palettes inline. Off for the preview, whose page holds the CSS. */
  readonly standalone: boolean;
  /** Focusable nodes and collapse toggles, for the preview. */
  readonly interactive?: boolean;
  /** Keys of nodes to highlight (the items of the active file). */
  readonly active?: ReadonlySet<string>;
}

/** The edge kinds as the legend names them, in order. */
export const EDGE_WORD: Readonly<Record<EdgeKind, string>> = { supports: 'supports', parent: 'sub-goal of', measures: 'measured by KPI' };

/** The status order of the legend. */
const LEGEND_STATUSES: readonly OutlineStatus[] = ['done', 'on-track', 'at-risk', 'off-track', 'missed', 'not-started', 'no-data', 'has-errors'];

/** Height of the legend band above the graph. */
const LEGEND_HEIGHT = 58;
/** The group's heading. */
export const UNALIGNED_LABEL = 'Not linked to a business objective';

/** Renders a layout as an SVG document (standalone) or element (for the preview). */
export function renderSvg(layout: Layout, options: SvgOptions): string {
  const top = Math.min(0, (layout.group?.y ?? 0) - 8);
  const width = Math.max(layout.width, 760);
  const height = layout.height - top + LEGEND_HEIGHT;
  const out: string[] = [];
  if (options.standalone) out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="gp-diagram" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="${options.interactive ? 'group' : 'img'}" aria-label="Strategy diagram">`,
  );
  out.push('<title>Strategy diagram: objectives, goals and KPIs</title>');
  if (options.standalone) out.push(`<style>${standaloneCss()}</style>`);
  out.push(defs());
  out.push(`<rect class="gp-background" width="${width}" height="${height}"/>`);
  out.push(legend());
  out.push(`<g class="gp-graph" transform="translate(0 ${LEGEND_HEIGHT - top})">`);
  if (layout.group) out.push(group(layout.group, layout, options));
  out.push('<g class="gp-edges">');
  for (const edge of layout.edges) out.push(edgePath(edge));
  out.push('</g><g class="gp-nodes">');
  for (const placed of layout.nodes) out.push(nodeMarkup(placed, layout, options));
  out.push('</g></g></svg>');
  return `${out.join('\n')}\n`;
}

/** Arrowheads, one per edge kind. */
function defs(): string {
  const markers = (Object.keys(EDGE_WORD) as EdgeKind[]).map(
    (kind) =>
      `<marker id="gp-arrow-${kind}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path class="gp-arrow" d="M0 0L10 5L0 10z"/></marker>`,
  );
  return `<defs>${markers.join('')}</defs>`;
}

/** The legend: what each edge style means and each status colour with its icon. */
function legend(): string {
  const out = ['<g class="gp-legend" transform="translate(16 10)">'];
  let x = 0;
  for (const kind of Object.keys(EDGE_WORD) as EdgeKind[]) {
    out.push(
      `<path class="gp-edge gp-edge-${kind}" d="M${x} 8H${x + 34}" marker-end="url(#gp-arrow-${kind})"/><text x="${x + 42}" y="12">${escapeXml(EDGE_WORD[kind])}</text>`,
    );
    x += 42 + Math.ceil(measure(EDGE_WORD[kind], FONTS.small)) + 24;
  }
  x = 0;
  for (const status of LEGEND_STATUSES) {
    const word = statusLabel(status);
    out.push(
      `<g class="gp-status-${status}"><rect class="gp-stripe" x="${x}" y="24" width="4" height="14" rx="1"/><text class="gp-status-text" x="${x + 8}" y="35">${escapeXml(word)}</text></g>`,
    );
    x += 8 + Math.ceil(measure(word, { size: 11, bold: true })) + 18;
  }
  out.push('</g>');
  return out.join('');
}

/** The unaligned group's box and heading. */
function group(placed: PlacedGroup, layout: Layout, options: SvgOptions): string {
  const toggleMarkup = options.interactive && layout.collapsible.includes(UNALIGNED_KEY) ? toggle(UNALIGNED_KEY, layout, 10, 24) : '';
  const label = ellipsise(UNALIGNED_LABEL, placed.width - 20, { size: 12, bold: true });
  return (
    `<g class="gp-group" data-group="${escapeXml(placed.key)}" transform="translate(${placed.x} ${placed.y})">` +
    `<rect width="${placed.width}" height="${placed.height}" rx="8"/><text x="10" y="17">${escapeXml(label)}</text>${toggleMarkup}</g>`
  );
}

/** An edge as a path from its `from` node to its `to` node, arrow at `to`. */
function edgePath(placed: PlacedEdge): string {
  if (placed.points.length === 0) return '';
  const [first, ...rest] = placed.points;
  const d = `M${first.x} ${first.y}${rest.map((point) => `L${point.x} ${point.y}`).join('')}`;
  const { kind, from, to } = placed.edge;
  return `<path class="gp-edge gp-edge-${kind}" data-from="${escapeXml(from)}" data-to="${escapeXml(to)}" d="${d}" marker-end="url(#gp-arrow-${kind})"/>`;
}

/** A node's box and its text. */
function nodeMarkup(placed: PlacedNode, layout: Layout, options: SvgOptions): string {
  const { node, box, x, y } = placed;
  const classes = ['gp-node', `gp-kind-${node.kind}`, `gp-status-${node.status ?? 'none'}`];
  if (node.unaligned) classes.push('gp-unaligned');
  if (options.active?.has(node.key)) classes.push('gp-active');
  const focus = options.interactive ? ` tabindex="-1" role="button" aria-label="${escapeXml(describe(node))}"` : '';
  const out = [`<g class="${classes.join(' ')}" data-key="${escapeXml(node.key)}" transform="translate(${x} ${y})"${focus}>`];
  out.push(`<title>${escapeXml(describe(node))}</title>`);
  out.push(`<rect class="gp-box" width="${box.width}" height="${box.height}" rx="6"/>`);
  out.push(`<rect class="gp-stripe" width="5" height="${box.height}" rx="2"/>`);
  out.push(`<text class="gp-header" x="${PAD}" y="${PAD + 10}">${escapeXml(box.header)}</text>`);
  let right = box.width - PAD;
  for (const badge of [...box.badges].reverse()) {
    const width = badgeWidth(badge.text);
    right -= width;
    out.push(
      `<g class="gp-badge gp-badge-${badge.severity}" transform="translate(${right} ${PAD - 1})"><rect width="${width}" height="14" rx="7"/><text x="4" y="11">${escapeXml(badge.text)}</text></g>`,
    );
    right -= 4;
  }
  let cursor = PAD + ROW + 2;
  box.titleLines.forEach((line, index) => {
    out.push(`<text class="gp-title" x="${PAD}" y="${cursor + index * LINE + box.titleFont.size}">${escapeXml(line)}</text>`);
  });
  cursor += box.titleLines.length * LINE + 2;
  if (box.department !== undefined) {
    out.push(`<text class="gp-small" x="${PAD}" y="${cursor + FONTS.small.size}">${escapeXml(box.department)}</text>`);
    cursor += ROW;
  }
  if (box.statusText !== undefined) {
    out.push(`<text class="gp-status-text" x="${PAD}" y="${cursor + FONTS.small.size}">${escapeXml(box.statusText)}</text>`);
    cursor += ROW;
  }
  if (node.progress !== undefined) {
    const inner = box.width - 2 * PAD;
    out.push(`<rect class="gp-bar-bg" x="${PAD}" y="${cursor + 2}" width="${inner}" height="${BAR}" rx="3"/>`);
    out.push(`<rect class="gp-bar" x="${PAD}" y="${cursor + 2}" width="${Math.round(inner * node.progress * 10) / 10}" height="${BAR}" rx="3"/>`);
  }
  if (options.interactive && node.kind === 'objective' && layout.collapsible.includes(node.key)) out.push(toggle(node.key, layout, PAD, box.height - 9));
  out.push('</g>');
  return out.join('');
}

/** The collapse/expand button of an objective or of the unaligned group. */
function toggle(key: string, layout: Layout, x: number, y: number): string {
  const collapsed = layout.collapsed.includes(key);
  const hidden = layout.hidden[key] ?? 0;
  const label = collapsed ? `▸ ${hidden} hidden` : '▾ collapse';
  const aria = collapsed ? `Expand ${hidden} hidden` : 'Collapse';
  return `<g class="gp-toggle" data-toggle="${escapeXml(key)}" transform="translate(${x} ${y})" tabindex="-1" role="button" aria-label="${aria}"><rect width="86" height="18" rx="9"/><text x="8" y="13">${escapeXml(label)}</text></g>`;
}

/** A node described in words: its tooltip and accessible name. */
function describe(node: GraphNode): string {
  const parts = [`${KIND_WORD[node.kind].toLowerCase()} ${node.id ?? '(no id)'}: ${node.title}`];
  if (node.department !== undefined) parts.push(node.department);
  if (node.status !== undefined) parts.push(OUTLINE_STATUS_WORD[node.status]);
  if (node.progress !== undefined) parts.push(`${percent(node.progress)} progress`);
  if (node.errors > 0) parts.push(`${node.errors} error${node.errors === 1 ? '' : 's'}`);
  if (node.warnings > 0) parts.push(`${node.warnings} warning${node.warnings === 1 ? '' : 's'}`);
  return parts.join(' · ');
}
