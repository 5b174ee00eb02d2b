/**
 * The diagram of a change in `goalpost diff --format markdown`: which nodes the changed part holds, how
 * each change is marked (class and word), and the cap that keeps a pull-request comment within GitHub's
 * limits. The goldens in test/cli/diff show it through the real process; mermaid parses it in test/webview.
 */
import * as assert from 'node:assert/strict';
import { generateGoalsFile } from '../../bench/generate';
import { diffStrategies, type DiffSide } from '../../server/src/core/diff';
import { lint } from '../../server/src/core/lint';
import { buildGraph } from '../../server/src/core/render/build';
import { changedPart } from '../../server/src/core/render/changedPart';
import type { StrategyGraph } from '../../server/src/core/render/graph';
import { DIAGRAM_MAX_CHARS, diagramSection } from '../../server/src/cli/formatters/diff/diagram';
import { TODAY } from '../helpers/lint';

const FILE = 'plan.goals.yaml';

function side(text: string): DiffSide & { graph: StrategyGraph } {
  const analysis = lint([{ file: FILE, text }], { clockToday: TODAY });
  return { models: analysis.workspace.models, findings: analysis.findings, graph: buildGraph(analysis) };
}

const HEAD = `goalpost: 1
objectives:
  - { id: grow, title: Grow revenue by 10% in FY2027 }
  - { id: keep, title: Keep 90% of customers in FY2027 }
departments:
  - { id: mkt, name: Marketing }
kpis:
  - { id: sessions, name: Website sessions, metric: sessions, supports: [grow] }
  - { id: churn, name: Churned customers, metric: churn, supports: [keep] }
goals:
`;
const goal = (id: string, title: string, kpi: string, objective: string) =>
  `  - id: ${id}\n    title: ${title}\n    department: mkt\n    supports: [${objective}]\n    deadline: 2027-06-30\n    targets:\n      - { kpi: ${kpi}, baseline: 100, target: 110 }\n`;

describe('the diagram of a change', () => {
  const base = side(HEAD + goal('a', 'Grow sessions by 10% by June 30', 'sessions', 'grow') + goal('b', 'Cut churn by 10% by June 30', 'churn', 'keep'));
  const head = side(
    HEAD + goal('a', 'Grow sessions by 20% by June 30', 'sessions', 'grow') + goal('c', 'Grow sessions from email by 5% by June 30', 'sessions', 'grow'),
  );
  const diff = diffStrategies(base, head);

  it('holds the added, changed and removed items and their neighbours, each change marked', () => {
    const part = changedPart(base.graph, head.graph, diff, 60);
    assert.ok(part);
    assert.deepEqual(Object.fromEntries(part.changes), { 'goal:a': 'changed', 'goal:c': 'added', 'goal:b': 'removed' });
    // b was removed: drawn from the base with the objective and KPI it had; the untouched `keep`
    // objective and `churn` KPI come only as b's neighbours.
    assert.deepEqual(part.graph.nodes.map((node) => node.key).sort(), [
      'goal:a',
      'goal:b',
      'goal:c',
      'kpi:churn',
      'kpi:sessions',
      'objective:grow',
      'objective:keep',
    ]);
    assert.ok(
      part.graph.edges.some((edge) => edge.from === 'goal:b' && edge.to === 'objective:keep'),
      'the removed goal keeps its edge to the objective it served',
    );
    assert.deepEqual([part.shown, part.total], [3, 3]);
  });

  it('says each change in words and classes in the markdown section, collapsed', () => {
    const lines = diagramSection(diff, { base: base.graph, head: head.graph }).join('\n');
    assert.match(lines, /^\n?<details><summary>Diagram of the change: 3 changed items with their neighbours<\/summary>/);
    assert.match(lines, /```mermaid\nflowchart BT\n/);
    for (const word of ['+ added', '✎ changed', '− removed #40;base#41;']) assert.ok(lines.includes(`<i>${word}</i>`), word);
    assert.match(lines, /class G_a changed/);
    assert.match(lines, /class G_c added/);
    assert.match(lines, /class G_b removed/);
    assert.doesNotMatch(lines, /\[!NOTE\]/, 'no cap note when everything is shown');
  });

  it('is left out when no objective, goal or KPI changed', () => {
    assert.deepEqual(diagramSection(diffStrategies(base, base), { base: base.graph, head: base.graph }), []);
  });

  it('is capped for a large change, with a note saying how much it shows', () => {
    const empty = side(generateGoalsFile(0));
    const large = side(generateGoalsFile(400));
    const big = diffStrategies(empty, large);
    const section = diagramSection(big, { base: empty.graph, head: large.graph }).join('\n');
    const chart = /```mermaid\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
    assert.ok(chart.length > 0 && chart.length <= DIAGRAM_MAX_CHARS, `the flowchart fits (${chart.length} characters)`);
    const note = /The diagram shows (\d+) of the (\d+) changed items/.exec(section);
    assert.ok(note, 'a note says the diagram is capped');
    assert.ok(Number(note[1]) > 0 && Number(note[1]) < Number(note[2]));
    const sections = [big.goals, big.kpis, big.objectives];
    assert.equal(
      Number(note[2]),
      sections.reduce((sum, kind) => sum + kind.added.length + kind.changed.length + kind.removed.length, 0),
      'every changed item counts',
    );
  });
});
