/**
 * The strategy graph as a mermaid flowchart, for markdown that GitHub renders (a pull-request comment, a
 * README). Node ids are made from item ids reduced to `[A-Za-z0-9_]` with a kind prefix; every label is a
 * quoted string whose special characters are mermaid entity codes (`#35;`), so no title can end the
 * string, start markdown (backticks), a comment (`%%`), a link (`-->`) or an HTML tag.
 */
import { statusLabel } from './box';
import { UNALIGNED_KEY, type EdgeKind, type GraphNode, type StrategyGraph } from './graph';
import { UNALIGNED_LABEL } from './svg';
import { percent } from '../progress';
import type { OutlineStatus } from '../outline';

/** How to render. */
export interface MermaidOptions {
  /** Extra class per node key (the diff marks added, removed and changed nodes); needs a matching classDef in `classDefs`. */
  readonly classes?: ReadonlyMap<string, string>;
  /** Extra `classDef` lines, without indentation. */
  readonly classDefs?: readonly string[];
  /** A word above a node's title (the diff's `added`, `removed`, `changed`), so a class's colour never says it alone. */
  readonly marks?: ReadonlyMap<string, string>;
}

/** Titles longer than this are cut in mermaid labels: a comment has a size limit and long labels make huge nodes. */
const TITLE_MAX = 80;

/** One classDef per status: a tinted fill and a coloured border; the label also says the status. */
const STATUS_CLASS: Readonly<Record<OutlineStatus | 'none', string>> = {
  done: 'fill:#dafbe1,stroke:#1a7f37,color:#1f2328',
  'on-track': 'fill:#dafbe1,stroke:#1a7f37,color:#1f2328',
  'at-risk': 'fill:#fff8c5,stroke:#9a6700,color:#1f2328',
  'off-track': 'fill:#ffebe9,stroke:#cf222e,color:#1f2328',
  missed: 'fill:#ffebe9,stroke:#cf222e,color:#1f2328',
  'not-started': 'fill:#f6f8fa,stroke:#57606a,color:#1f2328',
  'no-data': 'fill:#f6f8fa,stroke:#57606a,color:#1f2328',
  'has-errors': 'fill:#ffebe9,stroke:#cf222e,stroke-width:3px,color:#1f2328',
  none: 'fill:#f6f8fa,stroke:#57606a,color:#1f2328',
};

/** Arrow syntax per edge kind, read bottom to top: a KPI measures a goal, a goal supports an objective or its parent. */
const ARROW: Readonly<Record<EdgeKind, string>> = { supports: '-->', parent: '-.->', measures: '==>' };

/**
 * The flowchart text (no code fence). Drawn bottom to top so every arrow points the way the YAML reads
 * and objectives end on top: KPI ==> goal (measures), goal --> objective (supports), sub-goal -.-> goal.
 */
export function renderMermaid(graph: StrategyGraph, options: MermaidOptions = {}): string {
  const ids = mermaidIds(graph.nodes);
  const out = ['flowchart BT', '  %% Arrows: --> supports, -.-> sub-goal of, ==> KPI measures goal'];
  const line = (node: GraphNode) => `  ${ids.get(node.key)}${shape(node, label(node, options.marks?.get(node.key)))}`;
  for (const node of graph.nodes) if (!node.unaligned) out.push(line(node));
  const unaligned = graph.nodes.filter((node) => node.unaligned);
  if (unaligned.length > 0) {
    out.push(`  subgraph ${groupId(ids)}["${mermaidText(UNALIGNED_LABEL)}"]`);
    for (const node of unaligned) out.push(`  ${line(node)}`);
    out.push('  end');
  }
  for (const edge of graph.edges) {
    const from = ids.get(edge.from);
    const to = ids.get(edge.to);
    if (from === undefined || to === undefined) continue;
    // A measures edge runs goal → KPI in the data; drawn KPI ==> goal so the KPI sits below.
    out.push(edge.kind === 'measures' ? `  ${to} ${ARROW.measures} ${from}` : `  ${from} ${ARROW[edge.kind]} ${to}`);
  }
  // Status classes first: mermaid styles a node by its class statements in order, so an extra class
  // (the diff's border) stated later wins over the status's border.
  const byClass = new Map<string, string[]>();
  const extras = new Map<string, string[]>();
  for (const node of graph.nodes) {
    const id = ids.get(node.key) as string;
    const status = `st_${(node.status ?? 'none').replace(/-/g, '_')}`;
    addTo(byClass, status, id);
    const extra = options.classes?.get(node.key);
    if (extra !== undefined) addTo(extras, extra, id);
  }
  for (const [status, style] of Object.entries(STATUS_CLASS)) {
    const name = `st_${status.replace(/-/g, '_')}`;
    if (byClass.has(name)) out.push(`  classDef ${name} ${style}`);
  }
  for (const classDef of options.classDefs ?? []) out.push(`  ${classDef}`);
  for (const [name, members] of [...byClass, ...extras]) out.push(`  class ${members.join(',')} ${name}`);
  return `${out.join('\n')}\n`;
}

function addTo(lists: Map<string, string[]>, name: string, id: string): void {
  const list = lists.get(name);
  if (list) list.push(id);
  else lists.set(name, [id]);
}

/** Node shapes: objectives rounded (stadium), goals boxes, KPIs hexagons. */
function shape(node: GraphNode, text: string): string {
  switch (node.kind) {
    case 'objective':
      return `(["${text}"])`;
    case 'goal':
      return `["${text}"]`;
    case 'kpi':
      return `{{"${text}"}}`;
  }
}

/** The label: the mark if any, title, then id and department, then status and progress (never colour alone). */
function label(node: GraphNode, mark: string | undefined): string {
  const title = Array.from(node.title.replace(/\s+/g, ' ').trim());
  const cut = title.length > TITLE_MAX ? `${title.slice(0, TITLE_MAX - 1).join('')}…` : title.join('');
  const lines = [`<b>${mermaidText(cut)}</b>`, mermaidText([node.id ?? '(no id)', node.department].filter((part) => part !== undefined).join(' · '))];
  const status = node.status === undefined ? undefined : statusLabel(node.status);
  const detail = [status, node.progress === undefined ? undefined : percent(node.progress)].filter((part) => part !== undefined).join(' · ');
  if (detail !== '') lines.push(mermaidText(detail));
  const problems = [node.errors > 0 ? `✖ ${node.errors}` : undefined, node.warnings > 0 ? `⚠ ${node.warnings}` : undefined].filter(
    (part) => part !== undefined,
  );
  if (problems.length > 0) lines[lines.length - 1] += mermaidText(` · ${problems.join(' ')}`);
  if (mark !== undefined) lines.unshift(`<i>${mermaidText(mark)}</i>`);
  return lines.join('<br/>');
}

/**
 * User text for a quoted mermaid label: characters with a meaning to mermaid's lexer, to its markdown
 * and HTML label rendering, or to its entity and `style` pre-processing become `#<code>;` entity codes
 * (mermaid's own escape, decoded only after parsing); line breaks and other control and bidi-control
 * characters become spaces or codes so a label stays one line and cannot reorder its neighbours.
 */
export function mermaidText(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    if (code < 32 || code === 0x7f) out += ' ';
    else if (
      /["'#&<>`%{}[\]()|;:\\*_~=]/.test(char) ||
      (code >= 0x202a && code <= 0x202e) ||
      (code >= 0x2066 && code <= 0x2069) ||
      code === 0x200e ||
      code === 0x200f
    )
      out += `#${code};`;
    else out += char;
  }
  return out;
}

/** Mermaid ids for every node: a kind prefix and the id reduced to letters, digits and `_`, unique. */
function mermaidIds(nodes: readonly GraphNode[]): Map<string, string> {
  const prefix: Record<GraphNode['kind'], string> = { objective: 'O_', goal: 'G_', kpi: 'K_' };
  const used = new Set<string>();
  const ids = new Map<string, string>();
  for (const node of nodes) {
    const base = `${prefix[node.kind]}${(node.id ?? 'item').replace(/[^A-Za-z0-9_]/g, '_').slice(0, 60)}`;
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}_${n}`;
    used.add(id);
    ids.set(node.key, id);
  }
  return ids;
}

/** The unaligned subgraph's id, clear of every node id. */
function groupId(ids: ReadonlyMap<string, string>): string {
  const taken = new Set(ids.values());
  let id = UNALIGNED_KEY.replace(/[^A-Za-z0-9_]/g, '_');
  while (taken.has(id)) id += '_';
  return id;
}
