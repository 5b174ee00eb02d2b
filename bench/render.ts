/// <reference lib="dom" />
/**
 * The diagram's share of `npm run bench`: at 200 and 2,000 goals, in this process, the graph built from an
 * analysis, the dagre layout and the SVG of the whole strategy and of the collapsed start view, and the
 * mermaid text; then, in Debian's Chromium, the standalone page's first render (navigation start → diagram
 * in the DOM, then painted) and the update after a one-character edit (a new model message → the new
 * diagram painted). Medians of 3 (of 5 in the page).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import { num, tableSection } from './markdown';
import { lint } from '../server/src/core/lint';
import { buildGraph } from '../server/src/core/render/build';
import type { StrategyGraph } from '../server/src/core/render/graph';
import { layoutGraph } from '../server/src/core/render/layout';
import { renderMermaid } from '../server/src/core/render/mermaid';
import { renderPage } from '../server/src/core/render/page';
import { renderSvg } from '../server/src/core/render/svg';
import { defaultView, visibleGraph } from '../server/src/core/render/view';

const WEBVIEW = path.join(__dirname, '..', 'dist', 'webview.js');
const CHROMIUM = '/usr/bin/chromium';

/** The diagram's timings at one size, in milliseconds. */
export interface RenderResult {
  readonly nodes: number;
  readonly edges: number;
  readonly graphMs: number;
  readonly layoutAllMs: number;
  readonly svgAllMs: number;
  readonly startViewMs: number;
  readonly mermaidMs: number;
  /** Undefined when Chromium is missing. */
  readonly page?: { readonly firstRenderMs: number; readonly firstPaintMs: number; readonly updateMs: number; readonly expandAllMs: number };
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time<T>(runs: number, work: () => T): { ms: number; value: T } {
  const samples: number[] = [];
  let value: T | undefined;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    value = work();
    samples.push(performance.now() - started);
  }
  return { ms: median(samples), value: value as T };
}

/** Measures the renderer on a generated workspace's text. */
export async function measureRender(text: string): Promise<RenderResult> {
  const analysis = lint([{ file: 'bench.goals.yaml', text }], { today: '2027-05-15', clockToday: '2027-05-15' });
  const graph = time(3, () => buildGraph(analysis));
  const all = visibleGraph(graph.value, { collapsed: [] });
  const layout = time(3, () => layoutGraph(all));
  const svg = time(3, () => renderSvg(layout.value, { standalone: true }));
  const start = time(3, () => renderSvg(layoutGraph(visibleGraph(graph.value, defaultView(graph.value))), { standalone: false, interactive: true }));
  const mermaid = time(3, () => renderMermaid(graph.value));
  return {
    nodes: graph.value.nodes.length,
    edges: graph.value.edges.length,
    graphMs: graph.ms,
    layoutAllMs: layout.ms,
    svgAllMs: svg.ms,
    startViewMs: start.ms,
    mermaidMs: mermaid.ms,
    page: fs.existsSync(CHROMIUM) && fs.existsSync(WEBVIEW) ? await measurePage(graph.value) : undefined,
  };
}

/** The standalone page in Chromium: first render and paint, an edit's update, expanding everything. */
async function measurePage(graph: StrategyGraph): Promise<RenderResult['page']> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'goalpost-bench-page-'));
  const file = path.join(folder, 'page.html');
  fs.writeFileSync(file, renderPage({ title: 'bench', nonce: 'bench', script: { inline: fs.readFileSync(WEBVIEW, 'utf8') }, data: { graph } }));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const first: number[] = [];
    const painted: number[] = [];
    const updates: number[] = [];
    const expands: number[] = [];
    for (let run = 0; run < 5; run++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(`file://${file}`);
      await page.waitForSelector('.gp-node');
      const marks = await page.evaluate(
        () =>
          new Promise<{ render: number; paint: number }>((resolve) =>
            requestAnimationFrame(() =>
              resolve({ render: performance.getEntriesByName('goalpost:first-render')[0]?.startTime ?? NaN, paint: performance.now() }),
            ),
          ),
      );
      first.push(marks.render);
      painted.push(marks.paint);
      // A one-character edit: the same strategy with one title a letter longer, as the host would send it.
      const edited = { ...graph, nodes: graph.nodes.map((node, index) => (index === 0 ? { ...node, title: `${node.title}x` } : node)) };
      // The page handles a message in a task of its own: a listener added after the page's runs once it has rendered.
      updates.push(
        await page.evaluate(
          (model) =>
            new Promise<number>((resolve) => {
              const started = performance.now();
              window.addEventListener('message', () => requestAnimationFrame(() => resolve(performance.now() - started)), { once: true });
              window.postMessage({ type: 'model', graph: model, active: [] }, '*');
            }),
          edited,
        ),
      );
      expands.push(
        await page.evaluate(
          () =>
            new Promise<number>((resolve) => {
              const started = performance.now();
              (document.getElementById('gp-expand-all') as HTMLButtonElement).click();
              requestAnimationFrame(() => resolve(performance.now() - started));
            }),
        ),
      );
      await page.close();
    }
    return { firstRenderMs: median(first), firstPaintMs: median(painted), updateMs: median(updates), expandAllMs: median(expands) };
  } finally {
    await browser.close();
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

/** The report's section. */
export function renderReport(results: readonly { goals: number; render?: RenderResult }[]): string[] {
  const fmt = (ms: number | undefined) => (ms === undefined || Number.isNaN(ms) ? '—' : `${Math.round(ms)} ms`);
  const rows = results.flatMap(({ goals, render }) => {
    if (!render) return [];
    const page = render.page;
    return [
      [
        goals.toLocaleString('en'),
        `${render.nodes.toLocaleString('en')} / ${render.edges.toLocaleString('en')}`,
        fmt(render.graphMs),
        fmt(render.layoutAllMs),
        fmt(render.svgAllMs),
        fmt(render.startViewMs),
        fmt(render.mermaidMs),
        page ? `${fmt(page.firstRenderMs)} / ${fmt(page.firstPaintMs)}` : '—',
        fmt(page?.updateMs),
        fmt(page?.expandAllMs),
      ],
    ];
  });
  return tableSection(
    '## Diagram (`goalpost render` and the preview page)',
    [
      num('goals'),
      num('nodes / edges'),
      num('graph'),
      num('layout, all expanded'),
      num('SVG, all'),
      num('start view (collapsed above 150 items): layout + SVG'),
      num('mermaid'),
      num('page: first render / painted'),
      num('page: edit → painted'),
      num('page: expand all → painted'),
    ],
    rows,
    'In-process timings are medians of 3; page timings medians of 5 fresh pages in Debian\'s Chromium (from navigation start; "edit" is a new model message with one title a letter longer, as the preview receives after a keystroke, timed until the next frame).',
  );
}
