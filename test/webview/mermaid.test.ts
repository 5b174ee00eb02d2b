/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The mermaid output through mermaid itself (the package GitHub's renderer is built on), in Debian's
 * Chromium: mermaid needs a DOM even to parse a flowchart (its sanitiser, DOMPurify, does), so it runs in
 * the browser rather than in Node. The example strategies and the hostile corpus parse and render, and the
 * hostile titles come out as text, never as elements.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { lint } from '../../server/src/core/lint';
import { buildGraph } from '../../server/src/core/render/build';
import { renderMermaid } from '../../server/src/core/render/mermaid';
import { REPO } from '../helpers/cli';
import { launchChromium } from '../helpers/chromium';
import { TODAY } from '../helpers/lint';
import { graphOfFolder, HOSTILE, hostileGoalsFile, STRATEGY } from '../helpers/render';

const MERMAID = path.join(REPO, 'node_modules', 'mermaid', 'dist', 'mermaid.min.js');

interface Rendered {
  readonly elements: string[];
  readonly handlers: string[];
  readonly text: string;
  readonly nodes: number;
}

declare const mermaid: {
  initialize(config: object): void;
  parse(text: string): Promise<unknown>;
  render(id: string, text: string): Promise<{ svg: string }>;
};

/** Parses and renders a flowchart with mermaid (strict security, as GitHub uses it) and describes the SVG. */
function renderWithMermaid(page: Page, text: string): Promise<Rendered> {
  return page.evaluate(async (source) => {
    await mermaid.parse(source);
    const { svg } = await mermaid.render(`diagram${Math.floor(performance.now())}`, source);
    // Read as HTML, as a page embeds it: its labels are HTML inside foreignObject (`<br>`), not XML.
    const doc = new DOMParser().parseFromString(`<body>${svg}</body>`, 'text/html');
    const all = [...doc.body.querySelectorAll('*')];
    return {
      elements: [...new Set(all.map((element) => element.localName))].sort(),
      handlers: all.flatMap((element) => [...element.attributes].filter((attribute) => /^on/i.test(attribute.name)).map((attribute) => attribute.name)),
      text: doc.body.textContent ?? '',
      nodes: doc.querySelectorAll('g.node').length,
    };
  }, text);
}

describe('mermaid output through mermaid', function () {
  this.timeout(120_000);
  let browser: Browser;
  let page: Page;

  before(async () => {
    browser = await launchChromium();
    page = await browser.newPage();
    await page.setContent('<!DOCTYPE html><html><body></body></html>');
    await page.addScriptTag({ path: MERMAID });
    await page.evaluate(() => mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' }));
  });

  after(async () => {
    await browser?.close();
  });

  it('rejects a broken flowchart, so a pass means something', async () => {
    await assert.rejects(page.evaluate(() => mermaid.parse('flowchart BT\n  A["x"]] --> B')));
  });

  for (const folder of ['strategy', 'flawed']) {
    it(`parses and renders examples/${folder} with a node for every item`, async () => {
      const graph = graphOfFolder(path.join(STRATEGY, '..', folder));
      const rendered = await renderWithMermaid(page, renderMermaid(graph));
      assert.equal(rendered.nodes, graph.nodes.length);
      assert.deepEqual(rendered.handlers, []);
    });
  }

  // The diagram of a change in `goalpost diff --format markdown`, as the real process wrote it (the goldens).
  const DIFF_CASES = path.join(REPO, 'test', 'cli', 'diff');
  for (const name of fs.readdirSync(DIFF_CASES).sort()) {
    const markdown = fs.readFileSync(path.join(DIFF_CASES, name, 'expected.md'), 'utf8');
    const chart = /```mermaid\n([\s\S]*?)```/.exec(markdown)?.[1];
    if (chart === undefined) continue;
    it(`parses and renders the diagram of the change in test/cli/diff/${name}`, async () => {
      const rendered = await renderWithMermaid(page, chart);
      assert.equal(rendered.nodes, (chart.match(/^ {2,4}[OGK]_\w+[[({]/gm) ?? []).length, 'a node for every node line');
      for (const word of ['added', 'changed', 'removed'])
        if (chart.includes(`<i>`) && chart.includes(` ${word}`)) assert.ok(rendered.text.includes(word), `the word ${word} shows`);
      assert.deepEqual(rendered.handlers, []);
    });
  }

  it('parses and renders the hostile corpus, whose titles come out as text', async () => {
    const graph = buildGraph(lint([{ file: 'hostile.goals.yaml', text: hostileGoalsFile() }], { clockToday: TODAY }));
    const rendered = await renderWithMermaid(page, renderMermaid(graph));
    assert.equal(rendered.nodes, graph.nodes.length);
    assert.deepEqual(rendered.handlers, []);
    for (const element of ['img', 'script', 'iframe', 'a']) assert.ok(!rendered.elements.includes(element), `no <${element}>`);
    for (const text of HOSTILE.slice(0, 9)) {
      const shown = text
        .replace(/[\u202a-\u202e]/g, '')
        .replace(/\s+/g, ' ')
        .trim();
      assert.ok(rendered.text.replace(/[\u202a-\u202e]/g, '').includes(shown), `${JSON.stringify(text)} shows as text`);
    }
  });
});
