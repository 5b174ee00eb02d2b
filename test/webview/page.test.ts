/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The diagram page in Debian's Chromium: the page `goalpost render --format html` writes (a real process),
 * opened from file://, standalone and with a VS Code webview stand-in. Rendering, reveal, zoom and pan,
 * keyboard focus, collapse, filters, the CSP, hostile titles, a large strategy, and screenshots in light,
 * dark and high contrast (test-results/screenshots/, git-ignored).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { generateGoalsFile } from '../../bench/generate';
import type { GraphNode, StrategyGraph } from '../../server/src/core/render/graph';
import { PAGE_DATA_ID } from '../../server/src/core/render/messages';
import { REPO, runCli } from '../helpers/cli';
import { launchChromium, probedPage, probes } from '../helpers/chromium';
import { graphOfFolder, HOSTILE, STRATEGY, writeHostileWorkspace } from '../helpers/render';

const SCREENSHOTS = path.join(REPO, 'test-results', 'screenshots');

/** Writes `goalpost render --format html` of a folder into `file` and returns its file:// URL. */
function renderPageOf(folder: string, file: string): string {
  const run = runCli(['render', '--format', 'html', '-o', file], folder);
  assert.equal(run.status, 0, run.stderr);
  return `file://${file}`;
}

interface Transform {
  scale: number;
  x: number;
  y: number;
}

async function transformOf(page: Page): Promise<Transform> {
  const text = await page.$eval('#gp-canvas', (canvas) => (canvas as HTMLElement).style.transform);
  const match = /scale\(([-\d.e]+)\) translate\(([-\d.e]+)px, ([-\d.e]+)px\)/.exec(text);
  assert.ok(match, `a panzoom transform, got "${text}"`);
  return { scale: Number(match[1]), x: Number(match[2]), y: Number(match[3]) };
}

/** Waits until the canvas transform differs from `before` (panzoom applies it on the next frame). */
async function transformChange(page: Page, before: Transform): Promise<Transform> {
  await page.waitForFunction((old) => {
    const transform = (document.getElementById('gp-canvas') as HTMLElement).style.transform;
    return transform !== `scale(${old.scale}) translate(${old.x}px, ${old.y}px)`;
  }, before);
  return transformOf(page);
}

/** Opens a page and waits for the first fit (a transform with a translation) after the first paint. */
async function open(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForSelector('.gp-node');
  await page.waitForFunction(() => !/translate\(0px, 0px\)/.test((document.getElementById('gp-canvas') as HTMLElement).style.transform));
}

const nodeCount = (page: Page) => page.locator('.gp-node').count();

/** Whether the whole drawn diagram lies inside the viewport (to a pixel). */
const diagramInsideViewport = (page: Page) =>
  page.evaluate(() => {
    const svg = (document.querySelector('#gp-canvas svg') as SVGSVGElement).getBoundingClientRect();
    const view = (document.getElementById('gp-viewport') as HTMLElement).getBoundingClientRect();
    return svg.left >= view.left - 1 && svg.right <= view.right + 1 && svg.top >= view.top - 1 && svg.bottom <= view.bottom + 1;
  });

describe('diagram page in Chromium', function () {
  this.timeout(120_000);
  let browser: Browser;
  let tmp: string;
  let exampleUrl: string;
  const graph: StrategyGraph = graphOfFolder(STRATEGY);

  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'goalpost-page-'));
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    exampleUrl = renderPageOf(STRATEGY, path.join(tmp, 'strategy.html'));
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('renders the example strategy from file:// with no CSP violation or script error', async () => {
    const page = await probedPage(browser);
    await open(page, exampleUrl);
    assert.equal(await nodeCount(page), graph.nodes.length);
    assert.equal(await page.textContent('#gp-status'), `${graph.nodes.length} of ${graph.nodes.length} shown`);
    const recorded = await probes(page);
    assert.deepEqual(recorded.violations, []);
    assert.deepEqual(recorded.errors, []);
    assert.deepEqual(recorded.messages, [{ type: 'ready' }]);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'diagram-page-light.png') });
    await page.close();
  });

  it('standalone: a click on a node reveals it (event for an embedding page, location in the status line)', async () => {
    const page = await probedPage(browser);
    await open(page, exampleUrl);
    await page.click('.gp-node[data-key="goal:ig-sessions-q1"]');
    const expected = graph.nodes.find((node) => node.key === 'goal:ig-sessions-q1');
    assert.ok(expected);
    const line = fs
      .readFileSync(path.join(STRATEGY, 'marketing.goals.yaml'), 'utf8')
      .split('\n')
      .findIndex((text) => text.includes('id: ig-sessions-q1'));
    assert.equal(expected.range.start.line, line, 'the range points at the item');
    const reveal = (await probes(page)).messages.find((message) => message.type === 'reveal');
    assert.deepEqual(reveal, { type: 'reveal', key: 'goal:ig-sessions-q1', file: 'marketing.goals.yaml', range: expected.range });
    assert.equal(await page.textContent('#gp-status'), `marketing.goals.yaml:${line + 1}`);
    await page.close();
  });

  it('in a VS Code webview: posts ready and reveal to the host, takes model, highlight and requestSvg messages, keeps its view', async () => {
    const page = await probedPage(browser, { vscode: true });
    await open(page, exampleUrl);
    await page.click('.gp-node[data-key="objective:launch-ridgeline"]');
    await page.waitForFunction(() => window.__probes.messages.some((message) => message.type === 'reveal'));
    assert.deepEqual(
      (await probes(page)).messages.map((message) => message.type),
      ['ready', 'reveal'],
      'messages go to the host, not to the standalone event',
    );

    // The host sends a smaller model: HR's items and the objective they serve, HR's first item active.
    const hr: StrategyGraph = { ...graph, nodes: graph.nodes.filter((node) => node.file === 'hr.goals.yaml' || node.key === 'objective:staff-peak-season') };
    const hrKeys = new Set(hr.nodes.map((node) => node.key));
    const smaller = { ...hr, edges: graph.edges.filter((edge) => hrKeys.has(edge.from) && hrKeys.has(edge.to)) };
    await page.evaluate((model) => window.postMessage({ type: 'model', graph: model, active: [model.nodes[1].key] }, '*'), smaller);
    await page.waitForFunction((count) => document.querySelectorAll('.gp-node').length === count, smaller.nodes.length);
    assert.equal(await page.locator('.gp-node.gp-active').count(), 1);

    await page.evaluate((key) => window.postMessage({ type: 'highlight', key }, '*'), smaller.nodes[2].key);
    await page.waitForSelector('.gp-node.gp-selected');
    assert.equal(await page.getAttribute('.gp-node.gp-selected', 'data-key'), smaller.nodes[2].key);

    await page.evaluate(() => window.postMessage({ type: 'requestSvg' }, '*'));
    await page.waitForFunction(() => window.__probes.messages.some((message) => message.type === 'svg'));
    const svg = (await probes(page)).messages.find((message) => message.type === 'svg')?.svg as string;
    assert.match(svg, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg" class="gp-diagram"/);
    assert.match(svg, /@media \(prefers-color-scheme: dark\)/, 'the exported file carries its own palettes');

    await page.click('[data-toggle="objective:staff-peak-season"]');
    await page.waitForFunction(() => window.__probes.messages.some((message) => message.type === 'view'));
    const saved = (await page.evaluate(() => window.__vscodeState)) as { view: { collapsed: string[] } };
    assert.equal(saved.view.collapsed.length, 1, 'the view is kept for a reload');
    assert.deepEqual((await probes(page)).violations, []);
    await page.close();
  });

  it('zooms with Ctrl+wheel and the buttons, pans with the wheel and by dragging, and fits to view', async () => {
    const page = await probedPage(browser);
    await open(page, exampleUrl);
    const fitted = await transformOf(page);
    await page.mouse.move(640, 400);

    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -200);
    await page.keyboard.up('Control');
    const zoomed = await transformChange(page, fitted);
    assert.ok(zoomed.scale > fitted.scale, `Ctrl+wheel zooms in (${fitted.scale} → ${zoomed.scale})`);

    await page.mouse.wheel(0, 120);
    const scrolled = await transformChange(page, zoomed);
    assert.equal(scrolled.scale, zoomed.scale, 'the plain wheel does not zoom');
    assert.ok(scrolled.y < zoomed.y, 'the plain wheel pans, as scrolling would');

    await page.mouse.move(700, 500);
    await page.mouse.down();
    await page.mouse.move(600, 450, { steps: 5 });
    await page.mouse.up();
    const dragged = await transformChange(page, scrolled);
    assert.ok(dragged.x < scrolled.x && dragged.y < scrolled.y, 'dragging pans');

    await page.click('#gp-zoom-out');
    const out = await transformChange(page, dragged);
    assert.ok(out.scale < dragged.scale);

    await page.click('#gp-fit');
    const refitted = await transformChange(page, out);
    assert.ok(refitted.scale <= fitted.scale, 'Fit shows at most the opening scale');
    assert.ok(await diagramInsideViewport(page), 'Fit shows the whole diagram');
    await page.close();
  });

  it('opens a diagram too wide to fit readably at a readable scale, from its top; Fit then shows it all', async () => {
    const page = await probedPage(browser);
    await page.setViewportSize({ width: 900, height: 600 });
    await open(page, exampleUrl);
    const opened = await transformOf(page);
    assert.equal(opened.scale, 0.5, 'the readable scale');
    assert.ok(!(await diagramInsideViewport(page)), 'this diagram is wider than the viewport at that scale');
    const top = await page.evaluate(
      () =>
        (document.querySelector('#gp-canvas svg') as SVGSVGElement).getBoundingClientRect().top -
        (document.getElementById('gp-viewport') as HTMLElement).getBoundingClientRect().top,
    );
    assert.ok(top >= 0 && top < 40, `the top of the diagram shows (${top}px from the viewport's top)`);
    await page.click('#gp-fit');
    await transformChange(page, opened);
    assert.ok(await diagramInsideViewport(page), 'Fit shows the whole diagram');
    await page.close();
  });

  it('moves keyboard focus between nodes with the arrow keys; Enter reveals; one node is in the tab order', async () => {
    const page = await probedPage(browser);
    await open(page, exampleUrl);
    assert.equal(await page.locator('.gp-node[tabindex="0"]').count(), 1);
    await page.focus('.gp-node[tabindex="0"]');
    const focused = () =>
      page.evaluate(() => {
        const element = document.activeElement;
        const box = element?.getBoundingClientRect();
        return { key: element?.getAttribute('data-key') ?? null, x: box?.x ?? 0, y: box?.y ?? 0 };
      });
    const start = await focused();
    assert.ok(start.key);
    await page.keyboard.press('ArrowDown');
    const below = await focused();
    assert.ok(below.key && below.key !== start.key && below.y > start.y, `ArrowDown moves down (${start.key} → ${below.key})`);
    await page.keyboard.press('ArrowRight');
    const right = await focused();
    assert.ok(right.key && right.key !== below.key && right.x > below.x, 'ArrowRight moves right');
    await page.keyboard.press('ArrowLeft');
    assert.equal((await focused()).key, below.key, 'ArrowLeft comes back');
    await page.keyboard.press('Enter');
    const reveal = (await probes(page)).messages.find((message) => message.type === 'reveal');
    assert.equal(reveal?.key, below.key);
    assert.equal(await page.locator('.gp-node[tabindex="0"]').count(), 1, 'the roving tab stop moved, not multiplied');
    await page.close();
  });

  it('collapses and expands an objective subtree, by its toggle and by Space', async () => {
    const page = await probedPage(browser);
    await open(page, exampleUrl);
    const total = await nodeCount(page);
    await page.click('[data-toggle="objective:staff-peak-season"]');
    await page.waitForFunction((count) => document.querySelectorAll('.gp-node').length === count, total - 9);
    assert.match((await page.textContent('[data-toggle="objective:staff-peak-season"]')) ?? '', /9 hidden/);
    assert.match((await page.textContent('#gp-status')) ?? '', /9 collapsed/);
    await page.focus('.gp-node[data-key="objective:staff-peak-season"]');
    await page.keyboard.press(' ');
    await page.waitForFunction((count) => document.querySelectorAll('.gp-node').length === count, total);
    await page.click('#gp-collapse-all');
    await page.waitForFunction(() =>
      [...document.querySelectorAll('.gp-node')].every((node) => node.classList.contains('gp-kind-objective') || node.classList.contains('gp-unaligned')),
    );
    await page.click('#gp-expand-all');
    await page.waitForFunction((count) => document.querySelectorAll('.gp-node').length === count, total);
    await page.close();
  });

  it('filters by department and by objective', async () => {
    const page = await probedPage(browser);
    await open(page, exampleUrl);
    const options = await page.$$eval('#gp-department option', (list) => list.map((option) => option.textContent));
    assert.deepEqual(options, ['All departments', ...graph.departments.map((department) => department.name)]);
    await page.selectOption('#gp-department', 'hr');
    await page.waitForFunction((count) => document.querySelectorAll('.gp-node').length < count, graph.nodes.length);
    const goals = await page.$$eval('.gp-node.gp-kind-goal', (nodes) => nodes.map((node) => node.getAttribute('data-key')));
    const hrGoals = graph.nodes.filter((node) => node.kind === 'goal' && node.departments.includes('hr')).map((node) => node.key);
    assert.deepEqual(goals, hrGoals);
    await page.selectOption('#gp-department', '');
    await page.selectOption('#gp-objective', 'objective:win-team-accounts');
    await page.waitForFunction(() => document.querySelectorAll('.gp-node.gp-kind-objective').length === 1);
    assert.equal(await page.getAttribute('.gp-node.gp-kind-objective', 'data-key'), 'objective:win-team-accounts');
    await page.close();
  });

  it('shows hostile titles and ids as text: no element, script or dialog of theirs', async () => {
    const folder = writeHostileWorkspace(path.join(tmp, 'hostile'));
    const page = await probedPage(browser);
    await open(page, renderPageOf(folder, path.join(tmp, 'hostile.html')));
    const found = await page.evaluate(() => ({
      images: document.querySelectorAll('img').length,
      scripts: document.querySelectorAll('script').length,
      bold: document.querySelectorAll('svg b, #gp-objective b').length,
      titles: [...document.querySelectorAll('.gp-node > title')].map((title) => title.textContent ?? ''),
      options: [...document.querySelectorAll('#gp-department option')].map((option) => option.textContent ?? ''),
      texts: [...document.querySelectorAll('.gp-node text')].map((text) => text.textContent ?? ''),
    }));
    assert.equal(found.images, 0);
    assert.equal(found.scripts, 2, 'the data and the page script, nothing more');
    assert.equal(found.bold, 0);
    for (const text of HOSTILE.slice(0, 9)) {
      assert.ok(
        found.titles.some((title) => title.includes(text)),
        `the tooltip holds ${JSON.stringify(text)} as text`,
      );
      assert.ok(found.options.includes(text), `the department filter lists ${JSON.stringify(text)} as text`);
    }
    assert.ok(found.texts.includes('<img src=x onerror=alert(1)>'), 'the drawn title is the text itself');
    const boxes = await page.$$eval('.gp-node', (nodes) =>
      nodes.map((node) => {
        const box = node.querySelector('.gp-box')?.getBoundingClientRect();
        const overflow = [...node.querySelectorAll('text')].filter((text) => {
          const bounds = text.getBoundingClientRect();
          return box && (bounds.right > box.right + 1 || bounds.left < box.left - 1);
        }).length;
        return overflow;
      }),
    );
    assert.deepEqual(
      boxes.filter((overflow) => overflow > 0),
      [],
      'no text runs out of its box',
    );
    const recorded = await probes(page);
    assert.deepEqual(recorded.dialogs, []);
    assert.deepEqual(recorded.violations, []);
    assert.deepEqual(recorded.errors, []);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'diagram-page-hostile.png') });
    await page.close();
    // The same diagram as a static file at 100%, where clipped or overflowing text would show.
    const file = path.join(tmp, 'hostile.svg');
    assert.equal(runCli(['render', '-o', file], folder).status, 0);
    const still = await probedPage(browser, { viewport: { width: 1600, height: 1000 } });
    await still.goto(`file://${file}`);
    await still.screenshot({ path: path.join(SCREENSHOTS, 'diagram-svg-hostile.png') });
    await still.close();
  });

  it('starts a 2,000-goal strategy collapsed below its objectives', async () => {
    const folder = path.join(tmp, 'large');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'large.goals.yaml'), generateGoalsFile(2000));
    const page = await probedPage(browser);
    await open(page, renderPageOf(folder, path.join(tmp, 'large.html')));
    assert.equal(await nodeCount(page), 50);
    assert.equal(await page.textContent('#gp-status'), '50 of 2550 shown · 2500 collapsed');
    await page.click('[data-toggle="objective:objective-7"]');
    await page.waitForFunction(() => document.querySelectorAll('.gp-node').length === 50 + 40 + 10);
    assert.deepEqual((await probes(page)).violations, []);
    await page.close();
  });

  it('an update that changes nothing shown (an edit in a collapsed subtree) keeps the drawing; one that does redraws', async () => {
    const folder = path.join(tmp, 'large-update');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'large.goals.yaml'), generateGoalsFile(2000));
    const page = await probedPage(browser, { vscode: true });
    await open(page, renderPageOf(folder, path.join(tmp, 'large-update.html')));
    const model = JSON.parse(await page.$eval(`#${PAGE_DATA_ID}`, (script) => script.textContent ?? '')) as { graph: StrategyGraph };
    const retitled = (key: string, title: string): StrategyGraph => ({
      ...model.graph,
      nodes: model.graph.nodes.map((node) => (node.key === key ? { ...node, title } : node)),
    });
    const mark = () => page.evaluate(() => Object.assign(document.querySelector('#gp-canvas svg') as SVGSVGElement, { __kept: true }));
    const kept = () => page.evaluate(() => (document.querySelector('#gp-canvas svg') as SVGSVGElement & { __kept?: boolean }).__kept === true);
    // Messages are handled in order: the highlight that follows a model shows the model was handled.
    const handled = async (key: string) => {
      await page.evaluate((selected) => window.postMessage({ type: 'highlight', key: selected }, '*'), key);
      await page.waitForFunction((selected) => document.querySelector('.gp-node.gp-selected')?.getAttribute('data-key') === selected, key);
    };

    await mark();
    const goal = model.graph.nodes.find((node) => node.kind === 'goal') as GraphNode;
    await page.evaluate((graph) => window.postMessage({ type: 'model', graph, active: [] }, '*'), retitled(goal.key, `${goal.title}x`));
    await handled('objective:objective-1');
    assert.equal(await kept(), true, 'a collapsed goal retitled: the same drawing');

    await page.evaluate((graph) => window.postMessage({ type: 'model', graph, active: [] }, '*'), retitled('objective:objective-1', 'A new objective title'));
    await handled('objective:objective-2');
    assert.equal(await kept(), false, 'a shown objective retitled: drawn again');
    assert.match((await page.textContent('.gp-node[data-key="objective:objective-1"]')) ?? '', /A new objective title/);
    assert.deepEqual((await probes(page)).violations, []);
    await page.close();
  });

  describe('screenshots', () => {
    it('dark: the standalone page follows prefers-color-scheme', async () => {
      const page = await probedPage(browser, { colorScheme: 'dark' });
      await open(page, exampleUrl);
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      assert.equal(background, 'rgb(13, 17, 23)');
      await page.screenshot({ path: path.join(SCREENSHOTS, 'diagram-page-dark.png') });
      await page.close();
    });

    it('VS Code high contrast: the page takes the theme variables of the webview body', async () => {
      const page = await probedPage(browser, { vscode: true, colorScheme: 'dark' });
      await open(page, exampleUrl);
      // What VS Code puts on a webview's body in its high-contrast theme: a theme-kind class and the colours as variables.
      await page.evaluate(() => {
        const theme: Record<string, string> = {
          '--vscode-editor-background': '#000000',
          '--vscode-editor-foreground': '#ffffff',
          '--vscode-descriptionForeground': '#ffffffb3',
          '--vscode-editorWidget-background': '#0c141f',
          '--vscode-contrastBorder': '#6fc3df',
          '--vscode-focusBorder': '#f38518',
          '--vscode-editorLineNumber-foreground': '#ffffff',
          '--vscode-testing-iconPassed': '#73c991',
          '--vscode-editorWarning-foreground': '#ffd370',
          '--vscode-editorError-foreground': '#ff6b6b',
          '--vscode-textLink-foreground': '#21a6ff',
        };
        for (const [name, value] of Object.entries(theme)) document.body.style.setProperty(name, value);
        document.body.classList.add('vscode-high-contrast');
      });
      assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.gp-box') as Element).stroke), 'rgb(111, 195, 223)');
      await page.focus('.gp-node[tabindex="0"]');
      await page.screenshot({ path: path.join(SCREENSHOTS, 'diagram-page-high-contrast.png') });
      assert.deepEqual((await probes(page)).violations, []);
      await page.close();
    });

    it('the static SVG in light and dark', async () => {
      for (const scheme of ['light', 'dark'] as const) {
        const page = await probedPage(browser, { colorScheme: scheme, viewport: { width: 1600, height: 1000 } });
        await page.goto(`file://${path.join(REPO, 'test', 'fixtures', 'render', 'strategy.svg')}`);
        const fill = await page.evaluate(() => getComputedStyle(document.querySelector('.gp-background') as Element).fill);
        assert.equal(fill, scheme === 'light' ? 'rgb(255, 255, 255)' : 'rgb(13, 17, 23)');
        await page.screenshot({ path: path.join(SCREENSHOTS, `diagram-svg-${scheme}.png`) });
        await page.close();
      }
    });
  });
});
