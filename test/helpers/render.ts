/**
 * Inputs for the diagram tests: the example strategy analysed as the CLI sees it from its folder, and a
 * hostile corpus of titles and ids written into a goals file.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_CONFIG } from '../../server/src/core/config';
import { lint, type Analysis } from '../../server/src/core/lint';
import { buildGraph } from '../../server/src/core/render/build';
import type { StrategyGraph } from '../../server/src/core/render/graph';
import { REPO } from './cli';
import { configOf, TODAY } from './lint';

/** The example strategy folder. */
export const STRATEGY = path.join(REPO, 'examples', 'strategy');

/** Golden files of the renderer. */
export const GOLDEN = path.join(REPO, 'test', 'fixtures', 'render');

/** Lints every goals file of a folder as one workspace, files named relative to the folder (as `goalpost render` run there names them). */
export function analyzeFolder(folder: string): Analysis {
  const configPath = path.join(folder, '.goalpost.yaml');
  const config = fs.existsSync(configPath) ? configOf(fs.readFileSync(configPath, 'utf8')) : DEFAULT_CONFIG;
  const files = fs
    .readdirSync(folder)
    .filter((name) => /\.goals\.ya?ml$/.test(name))
    .sort();
  return lint(
    files.map((file) => ({ file, text: fs.readFileSync(path.join(folder, file), 'utf8'), config })),
    { clockToday: TODAY },
  );
}

/** The graph of a folder. */
export function graphOfFolder(folder: string): StrategyGraph {
  return buildGraph(analyzeFolder(folder));
}

/** Titles and ids that try to break out of every format the diagram is written in. */
export const HOSTILE: readonly string[] = [
  '<img src=x onerror=alert(1)>',
  '"]]>',
  '--> G_x click G_x call alert(1)',
  '%% comment %%{init: {"theme":"dark"}}%%',
  '`markdown` **bold** <b>x</b>',
  '👨‍👩‍👧‍👦 family 🇩🇪 flag ✨',
  'שלום עולם \u202Eevil\u202C مرحبا بالعالم',
  '</script><script>alert(1)</script>',
  "a & b ' c \\ d #quot; &lt; #35;",
  'x'.repeat(2000),
  'long words '.repeat(182),
];

/** A goals file whose every user string is hostile: ids, titles, department names; one goal unaligned. */
export function hostileGoalsFile(): string {
  const q = (text: string) => JSON.stringify(text);
  const lines = ['goalpost: 1', 'period: { start: 2027-01-01, end: 2027-12-31 }', 'departments:'];
  HOSTILE.forEach((text, index) => lines.push(`  - { id: ${q(`dept ${index} ${text}`)}, name: ${q(text)} }`));
  lines.push('objectives:');
  HOSTILE.forEach((text, index) =>
    lines.push(`  - id: ${q(text)}`, `    title: ${q(text)}`, `    owner: ${q(`dept ${index} ${text}`)}`, '    deadline: 2027-12-31'),
  );
  lines.push('kpis:');
  HOSTILE.forEach((text) => lines.push(`  - id: ${q(`${text} kpi`)}`, `    name: ${q(text)}`, `    supports: [${q(text)}]`));
  lines.push('goals:');
  HOSTILE.forEach((text, index) =>
    lines.push(
      `  - id: ${q(`${text} goal`)}`,
      `    title: ${q(text)}`,
      `    department: ${q(`dept ${index} ${text}`)}`,
      `    supports: [${q(text)}]`,
      '    start: 2027-01-01',
      '    deadline: 2027-12-31',
      '    targets:',
      `      - { kpi: ${q(`${text} kpi`)}, baseline: 0, target: 10, current: ${index} }`,
    ),
  );
  lines.push(`  - id: ${q(`${HOSTILE[0]} unaligned`)}`, `    title: ${q(HOSTILE[0])}`, '    deadline: 2027-12-31');
  return `${lines.join('\n')}\n`;
}

/** Writes the hostile goals file into a folder and returns the folder. */
export function writeHostileWorkspace(folder: string): string {
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, 'hostile.goals.yaml'), hostileGoalsFile());
  return folder;
}

/** The elements and attributes the SVG may contain; anything else means user text became markup. */
const SVG_ELEMENTS = new Set(['svg', 'title', 'style', 'defs', 'marker', 'path', 'rect', 'text', 'g']);
const SVG_ATTRIBUTES = new Set([
  'xmlns',
  'class',
  'width',
  'height',
  'viewBox',
  'role',
  'aria-label',
  'id',
  'refX',
  'refY',
  'markerWidth',
  'markerHeight',
  'orient',
  'd',
  'x',
  'y',
  'rx',
  'transform',
  'data-key',
  'data-from',
  'data-to',
  'data-group',
  'data-toggle',
  'marker-end',
  'tabindex',
]);

/**
 * Tokenises the SVG as XML would: every tag must be a known element with known, double-quoted attributes,
 * and the text between tags must hold no `<` or `>`. Returns the text content, entities decoded.
 */
export function assertSvgIsOnlyOurs(svg: string): string {
  const body = svg.replace(/^<\?xml[^>]*\?>\n/, '').replace(/<style>[^<]*<\/style>/, '');
  const tag = /<(\/?)([A-Za-z][\w-]*)((?:\s+[A-Za-z][\w:-]*="[^"<>]*")*)\s*(\/?)>/g;
  let text = '';
  let last = 0;
  for (const match of body.matchAll(tag)) {
    text += body.slice(last, match.index);
    last = (match.index ?? 0) + match[0].length;
    assert.ok(SVG_ELEMENTS.has(match[2]), `unexpected element <${match[2]}>`);
    for (const attribute of match[3].matchAll(/([A-Za-z][\w:-]*)="/g))
      assert.ok(SVG_ATTRIBUTES.has(attribute[1]), `unexpected attribute ${attribute[1]} on <${match[2]}>`);
  }
  text += body.slice(last);
  assert.doesNotMatch(text, /[<>]/, 'markup outside the known tags');
  assert.doesNotMatch(text.replace(/&(amp|lt|gt|quot|#39);/g, ''), /&/, 'only the five XML entities');
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
