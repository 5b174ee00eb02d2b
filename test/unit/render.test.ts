/**
 * The diagram renderer: the graph's edges and groups, collapse and filters, text fitting, golden SVG and
 * mermaid for the example strategy (UPDATE_GOLDEN=1 rewrites them), identical output across runs, and a
 * hostile corpus that must come out as text in every format. The page itself is tested in Chromium
 * (test/webview), where the mermaid output is also parsed by mermaid.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateGoalsFile } from '../../bench/generate';
import { lint } from '../../server/src/core/lint';
import { renderDiagram } from '../../server/src/core/render';
import { nodeBox, PAD } from '../../server/src/core/render/box';
import { buildGraph } from '../../server/src/core/render/build';
import { escapeXml, jsonForScript } from '../../server/src/core/render/escape';
import { UNALIGNED_KEY, type StrategyGraph } from '../../server/src/core/render/graph';
import { layoutGraph } from '../../server/src/core/render/layout';
import { mermaidText, renderMermaid } from '../../server/src/core/render/mermaid';
import { renderPage } from '../../server/src/core/render/page';
import { ellipsise, measure, wrap } from '../../server/src/core/render/text';
import { COLLAPSE_ABOVE, defaultView, scopeGraph, visibleGraph } from '../../server/src/core/render/view';
import { TODAY } from '../helpers/lint';
import { assertSvgIsOnlyOurs, GOLDEN, graphOfFolder, HOSTILE, hostileGoalsFile, STRATEGY } from '../helpers/render';

function golden(name: string, actual: string): void {
  const file = path.join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(file, actual);
  if (!fs.existsSync(file)) assert.fail(`missing golden file ${file}: run the tests once with UPDATE_GOLDEN=1 and review it`);
  assert.equal(actual, fs.readFileSync(file, 'utf8'), `golden ${file} (UPDATE_GOLDEN=1 rewrites it)`);
}

const graphOf = (text: string): StrategyGraph => buildGraph(lint([{ file: 'test.goals.yaml', text }], { clockToday: TODAY }));
const edgesOf = (graph: StrategyGraph) => graph.edges.map((edge) => `${edge.from} ${edge.kind} ${edge.to}`);

describe('diagram renderer', () => {
  describe('graph', () => {
    const graph = graphOfFolder(STRATEGY);

    it('has every objective, goal and KPI of the example as a node', () => {
      const count = (kind: string) => graph.nodes.filter((node) => node.kind === kind).length;
      assert.deepEqual([count('objective'), count('goal'), count('kpi')], [5, 21, 22]);
    });

    it('keeps both supports edges of a goal that serves two objectives', () => {
      const edges = edgesOf(graph).filter((edge) => edge.startsWith('goal:ridgeline-launch-2027 supports'));
      assert.deepEqual(edges, [
        'goal:ridgeline-launch-2027 supports objective:launch-ridgeline',
        'goal:ridgeline-launch-2027 supports objective:grow-online-revenue',
      ]);
    });

    it('draws a sub-goal under its parent, without repeating the objective the parent already supports', () => {
      const edges = edgesOf(graph).filter((edge) => edge.startsWith('goal:ig-sessions-2027 '));
      assert.deepEqual(edges, [
        'goal:ig-sessions-2027 parent goal:ig-revenue-2027',
        'goal:ig-sessions-2027 measures kpi:ig-site-sessions',
        'goal:ig-sessions-2027 measures kpi:ig-followers',
      ]);
    });

    it('puts unaligned goals and KPIs apart, and they lay out inside the group', () => {
      const unaligned = graphOf(`goalpost: 1
objectives: [{ id: grow, title: Grow }]
kpis:
  - { id: used, name: Used, supports: [grow] }
  - { id: orphan, name: Orphan }
  - { id: lonely, name: Lonely KPI measured only by a lonely goal }
goals:
  - { id: aligned, title: Aligned, supports: [grow], targets: [{ kpi: used, target: 5 }] }
  - { id: child, title: Child of aligned, parent: aligned }
  - { id: lonely-goal, title: Lonely, supports: [nowhere], targets: [{ kpi: lonely, target: 5 }] }
`);
      assert.deepEqual(
        unaligned.nodes.filter((node) => node.unaligned).map((node) => node.key),
        ['goal:lonely-goal', 'kpi:orphan', 'kpi:lonely'],
      );
      assert.deepEqual(unaligned.nodes.find((node) => node.key === 'goal:child')?.objectives, ['objective:grow']);
      const layout = layoutGraph(visibleGraph(unaligned, { collapsed: [] }));
      const group = layout.group;
      assert.ok(group, 'the unaligned group is drawn');
      for (const placed of layout.nodes) {
        const inside: boolean =
          placed.x >= group.x &&
          placed.y >= group.y &&
          placed.x + placed.box.width <= group.x + group.width &&
          placed.y + placed.box.height <= group.y + group.height;
        assert.equal(inside, placed.node.unaligned, `${placed.node.key} ${placed.node.unaligned ? 'inside' : 'outside'} the group`);
      }
    });

    it('carries status, progress and finding counts from the analysis', () => {
      const goal = graph.nodes.find((node) => node.key === 'goal:ig-sessions-q1');
      assert.equal(goal?.status, 'done');
      assert.equal(goal?.progress, 1);
      const flawed = graphOfFolder(path.join(STRATEGY, '..', 'flawed'));
      assert.ok(flawed.nodes.some((node) => node.errors > 0 && node.status === 'has-errors'));
      assert.ok(flawed.nodes.some((node) => node.warnings > 0));
    });
  });

  describe('view', () => {
    const large = buildGraph(lint([{ file: 'big.goals.yaml', text: generateGoalsFile(2000) }], { clockToday: TODAY }));

    it('starts a large strategy collapsed below its objectives, a small one expanded', () => {
      assert.ok(large.nodes.length > COLLAPSE_ABOVE);
      const view = defaultView(large);
      const visible = visibleGraph(large, view);
      assert.deepEqual(
        visible.nodes.map((node) => node.kind),
        large.nodes.filter((node) => node.kind === 'objective').map(() => 'objective'),
      );
      assert.equal(
        Object.values(visible.hidden).reduce((sum, count) => sum + count, 0),
        large.nodes.length - visible.nodes.length,
      );
      assert.deepEqual(defaultView(graphOfFolder(STRATEGY)), { collapsed: [] });
    });

    it('expanding one objective shows what serves it and nothing else', () => {
      const view = defaultView(large);
      const visible = visibleGraph(large, { collapsed: view.collapsed.filter((key) => key !== 'objective:objective-3') });
      const shown = visible.nodes.filter((node) => node.kind !== 'objective');
      assert.ok(shown.length > 0);
      assert.ok(shown.every((node) => node.objectives.includes('objective:objective-3')));
      assert.equal(visible.hidden['objective:objective-3'], undefined);
    });

    it('filters by department and by objective, keeping the objectives and KPIs that give context', () => {
      const graph = graphOfFolder(STRATEGY);
      const hr = visibleGraph(graph, { collapsed: [], department: 'hr' });
      assert.ok(hr.nodes.filter((node) => node.kind === 'goal').every((node) => node.departments.includes('hr')));
      assert.ok(hr.nodes.some((node) => node.key === 'objective:staff-peak-season'));
      assert.ok(hr.nodes.some((node) => node.kind === 'kpi'));
      const ridgeline = visibleGraph(graph, { collapsed: [], objective: 'objective:launch-ridgeline' });
      assert.deepEqual(
        ridgeline.nodes.filter((node) => node.kind === 'objective').map((node) => node.key),
        ['objective:launch-ridgeline'],
      );
      assert.ok(
        ridgeline.edges.every((edge) => ridgeline.nodes.some((node) => node.key === edge.from) && ridgeline.nodes.some((node) => node.key === edge.to)),
      );
    });

    it('scopes to some files with the nodes they link to', () => {
      const graph = graphOfFolder(STRATEGY);
      const scoped = scopeGraph(graph, new Set(['hr.goals.yaml']));
      assert.ok(
        scoped.nodes.some((node) => node.key === 'objective:staff-peak-season'),
        'the company objective HR goals support',
      );
      assert.ok(scoped.nodes.every((node) => node.file === 'hr.goals.yaml' || scoped.edges.some((edge) => edge.from === node.key || edge.to === node.key)));
    });
  });

  describe('text', () => {
    const font = { size: 13 };

    it('measures with the font table', () => {
      assert.equal(measure('i', font), 0.222 * 13);
      assert.equal(measure('W', { size: 10, bold: true }), 9.44);
    });

    it('wraps at spaces within the width, and ellipsises what does not fit', () => {
      const lines = wrap('Grow monthly online revenue from Instagram by 25% to EUR 75,000 by December 31', 220, font, 2);
      assert.equal(lines.length, 2);
      for (const line of lines) assert.ok(measure(line, font) <= 220, `"${line}" fits`);
      assert.ok(lines[1].endsWith('…'));
    });

    it('breaks a word longer than a line and never splits an emoji', () => {
      const lines = wrap('x'.repeat(200), 100, font, 3);
      assert.equal(lines.length, 3);
      for (const line of lines) assert.ok(measure(line, font) <= 100);
      const family = '👨‍👩‍👧‍👦';
      assert.equal(ellipsise(`${family}${family}${family}`, 30, font), `${family}…`);
    });

    it('fits every title, id and department of the hostile corpus into its box', () => {
      for (const node of graphOf(hostileGoalsFile()).nodes) {
        const box = nodeBox(node);
        const inner = box.width - 2 * PAD;
        for (const line of [...box.titleLines, box.header, box.department ?? ''])
          assert.ok(measure(line, box.titleFont) <= inner + 0.001 || measure(line, { size: 11 }) <= inner, `${line.slice(0, 40)} fits`);
        assert.ok(box.titleLines.length <= 3);
      }
    });
  });

  describe('output', () => {
    const graph = graphOfFolder(STRATEGY);

    it('SVG of the example strategy matches the golden file', () => {
      golden('strategy.svg', renderDiagram(graph, { collapsed: [] }, { standalone: true }));
    });

    it('mermaid of the example strategy matches the golden file', () => {
      golden('strategy.mmd', renderMermaid(graph));
    });

    it('is identical across runs: graph, layout, SVG and mermaid', () => {
      const again = graphOfFolder(STRATEGY);
      assert.deepEqual(again, graph);
      assert.deepEqual(layoutGraph(visibleGraph(again, { collapsed: [] })), layoutGraph(visibleGraph(graph, { collapsed: [] })));
      assert.equal(
        renderDiagram(again, { collapsed: [] }, { standalone: true, interactive: true }),
        renderDiagram(graph, { collapsed: [] }, { standalone: true, interactive: true }),
      );
      assert.equal(renderMermaid(again), renderMermaid(graph));
    });

    it('shows status as a word and an icon, not only as a colour, and problems as badges', () => {
      const svg = renderDiagram(graphOfFolder(path.join(STRATEGY, '..', 'flawed')), { collapsed: [] }, { standalone: true });
      assert.match(svg, /class="gp-node gp-kind-goal gp-status-on-track"[^]*?● on track/);
      assert.match(svg, /gp-badge gp-badge-error[^>]*><rect[^>]*\/><text[^>]*>✖ \d+</);
      assert.match(svg, /gp-badge gp-badge-warning[^>]*><rect[^>]*\/><text[^>]*>⚠ \d+</);
      assert.match(svg, /@media \(prefers-color-scheme: dark\)/);
      assert.doesNotMatch(svg, /style="/, 'no inline styles: a strict CSP page shows the same markup');
    });

    it('collapsed objectives say how much they hide, with a toggle in the interactive SVG only', () => {
      const interactive = renderDiagram(graph, { collapsed: ['objective:staff-peak-season'] }, { standalone: false, interactive: true });
      assert.match(interactive, /data-toggle="objective:staff-peak-season"[^>]*aria-label="Expand 9 hidden"/);
      assert.match(interactive, /data-toggle="objective:launch-ridgeline"[^>]*aria-label="Collapse"/);
      // Everything under launch-ridgeline also serves grow-online-revenue (through its parent goal), so it stays; the toggle still says collapsed.
      const shared = renderDiagram(graph, { collapsed: ['objective:launch-ridgeline'] }, { standalone: false, interactive: true });
      assert.match(shared, /data-toggle="objective:launch-ridgeline"[^>]*aria-label="Expand 0 hidden"/);
      assert.doesNotMatch(renderDiagram(graph, { collapsed: [] }, { standalone: true }), /data-toggle|tabindex/);
    });
  });

  describe('hostile titles and ids', () => {
    const graph = graphOf(hostileGoalsFile());

    it('come out of the SVG as text: no element, attribute or entity of theirs', () => {
      for (const options of [{ standalone: true }, { standalone: false, interactive: true }]) {
        const svg = renderDiagram(graph, { collapsed: [] }, options);
        const text = assertSvgIsOnlyOurs(svg);
        assert.ok(text.includes('<img src=x onerror=alert(1)>'), 'the title is there, as text');
        assert.ok(text.includes('"]]>'));
        assert.ok(text.includes('👨‍👩‍👧‍👦 family'));
        assert.ok(svg.includes(`data-key="goal:${escapeXml(HOSTILE[0])} goal"`), 'ids are escaped in attributes');
      }
    });

    it('come out of mermaid as text: sanitised ids, quoted labels with entity codes', () => {
      const text = renderMermaid(graph);
      const lines = text.trimEnd().split('\n');
      const allowed = [
        /^flowchart BT$/,
        /^ {2}%% Arrows: --> supports, -\.-> sub-goal of, ==> KPI measures goal$/,
        /^ {2,4}[OGK]_\w+(\(\["[^"]*"\]\)|\["[^"]*"\]|\{\{"[^"]*"\}\})$/,
        /^ {2}subgraph group_unaligned\["[^"]*"\]$/,
        /^ {2}end$/,
        /^ {2}[OGK]_\w+ (-->|-\.->|==>) [OGK]_\w+$/,
        /^ {2}classDef st_\w+ [\w:#,.-]+$/,
        /^ {2}class [OGK]_\w+(,[OGK]_\w+)* st_\w+$/,
      ];
      for (const line of lines)
        assert.ok(
          allowed.some((pattern) => pattern.test(line)),
          `unexpected mermaid line: ${line.slice(0, 120)}`,
        );
      for (const label of text.matchAll(/"([^"]*)"/g)) {
        const own = label[1].replace(/<\/?b>|<br\/>/g, '');
        assert.doesNotMatch(own, /[<>`%"'&\u202e]|\]\]|-->/, `label is escaped: ${own.slice(0, 80)}`);
      }
      assert.ok(text.includes(mermaidText(HOSTILE[0])));
      assert.equal(mermaidText('a"b<c>`%%'), 'a#34;b#60;c#62;#96;#37;#37;');
    });

    it('come out of the page as data: the JSON script cannot end early and the CSP admits only the nonce', () => {
      const html = renderPage({ title: HOSTILE[7], nonce: 'abc123', script: { inline: 'void 0;' }, data: { graph } });
      assert.equal(html.match(/<\/script/gi)?.length, 2, 'only the two script elements end');
      assert.match(html, /content="default-src 'none'; img-src data: blob:; style-src 'nonce-abc123'; script-src 'nonce-abc123';"/);
      assert.doesNotMatch(html.replace(/<script type="application\/json"[^]*?<\/script>/, ''), / on\w+=/i, 'no inline handlers');
      const json = /<script type="application\/json" id="goalpost-data">([^<]*)<\/script>/.exec(html)?.[1];
      assert.ok(json, 'the data script is there');
      assert.deepEqual(JSON.parse(json), JSON.parse(JSON.stringify({ graph })));
      assert.equal(jsonForScript('</script><!--'), '"\\u003c/script\\u003e\\u003c!--"');
      assert.throws(() => renderPage({ title: 't', nonce: 'n', script: { inline: 'a("</script>")' }, data: { graph } }), /cannot be inlined/);
    });

    it('keep the graph usable: every hostile objective is reached by its goal', () => {
      assert.equal(graph.nodes.filter((node) => node.kind === 'objective').length, HOSTILE.length);
      assert.equal(graph.edges.filter((edge) => edge.kind === 'supports' && edge.to.startsWith('objective:')).length, HOSTILE.length);
      assert.ok(graph.nodes.some((node) => node.key === UNALIGNED_KEY) === false && graph.nodes.some((node) => node.unaligned));
    });
  });
});
