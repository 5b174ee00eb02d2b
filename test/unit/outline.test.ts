import * as assert from 'node:assert/strict';
import { lint } from '../../server/src/core/lint';
import { buildOutline, type OutlineGrouping, type OutlineNode } from '../../server/src/core/outline';
import { TODAY } from '../helpers/lint';

const COMPANY = `goalpost: 1
period: { start: 2027-01-01, end: 2027-12-31 }
objectives:
  - { id: revenue, title: Grow online revenue by 15% }
  - { id: hiring, title: Hire 20 engineers }
departments:
  - { id: marketing, name: Marketing }
kpis:
  - { id: sessions, name: Website sessions, metric: sessions, supports: [revenue] }
  - { id: orders, name: Online orders, metric: orders, supports: [revenue] }
`;

const MARKETING = `goalpost: 1
goals:
  - id: traffic
    title: Increase website sessions from Instagram by 20%
    department: marketing
    supports: [revenue]
    start: 2027-01-01
    deadline: 2027-12-31
    targets:
      - { kpi: sessions, baseline: 1000, target: 2000, current: 1500 }
  - id: traffic-spring
    title: Increase website sessions from Instagram by 10% by June
    department: marketing
    supports: [revenue]
    parent: traffic
    start: 2027-01-01
    deadline: 2027-06-30
    targets:
      - { kpi: sessions, baseline: 1000, target: 1100, current: 1100 }
  - id: orders-push
    title: Grow online orders from Instagram by 50%
    department: marketing
    supports: [revenue]
    start: 2027-01-01
    deadline: 2027-12-31
    targets:
      - { kpi: orders, baseline: 100, target: 150, current: 101 }
  - id: stray
    title: Grow online orders by 5%
    department: marketing
    supports: [nothing-here]
    deadline: 2027-12-31
    targets:
      - { kpi: orders, baseline: 100, target: 105 }
`;

function outline(file?: string, grouping: OutlineGrouping = 'objective'): OutlineNode[] {
  const analysis = lint(
    [
      { file: 'company.goals.yaml', text: COMPANY },
      { file: 'marketing.goals.yaml', text: MARKETING },
    ],
    { today: TODAY, clockToday: TODAY },
  );
  return buildOutline(analysis, file, grouping);
}

/** A compact picture of a tree: "kind id status progress%". */
function shape(nodes: readonly OutlineNode[], depth = 0): string[] {
  return nodes.flatMap((node) => [
    `${'  '.repeat(depth)}${node.kind} ${node.id ?? '-'} ${node.status ?? '-'} ${node.progress === undefined ? '-' : `${Math.round(node.progress * 100)}%`}`,
    ...shape(node.children, depth + 1),
  ]);
}

describe('outline', () => {
  // An objective's progress is the mean of the goals directly under it: (50% + 2%) / 2.
  it('nests objective → goals (sub-goals under their parent) → targets, with progress and status', () => {
    assert.deepEqual(shape(outline()), [
      'objective revenue - 26%',
      '  goal traffic on-track 50%',
      '    target sessions - 50%',
      '    goal traffic-spring done 100%',
      '      target sessions done 100%',
      '  goal orders-push off-track 2%',
      '    target orders - 2%',
      'objective hiring - -',
      'unaligned - - -',
      '  goal stray has-errors -',
      '    target orders - -',
    ]);
  });

  it('points every item node at its source', () => {
    const [revenue] = outline();
    assert.equal(revenue.file, 'company.goals.yaml');
    assert.deepEqual(revenue.range?.start, { line: 3, character: 10 });
    const traffic = revenue.children[0];
    assert.equal(traffic.file, 'marketing.goals.yaml');
    assert.equal(traffic.label, 'Increase website sessions from Instagram by 20%');
    assert.deepEqual(traffic.range?.start, { line: 2, character: 8 });
  });

  it('marks items with error findings', () => {
    const stray = outline().find((node) => node.kind === 'unaligned')?.children[0];
    assert.equal(stray?.worst, 'error');
    assert.equal(stray?.status, 'has-errors');
  });

  it('limits the outline to one file on request', () => {
    assert.deepEqual(
      outline('company.goals.yaml').map((node) => node.id),
      ['revenue', 'hiring'],
    );
    assert.deepEqual(
      outline('marketing.goals.yaml').map((node) => node.id ?? node.kind),
      ['revenue', 'unaligned'],
    );
  });

  it('groups by department on request: sub-goals of the same department under their parent, goals of no known department apart', () => {
    assert.deepEqual(shape(outline(undefined, 'department')), [
      'department marketing - 26%',
      '  goal traffic on-track 50%',
      '    target sessions - 50%',
      '    goal traffic-spring done 100%',
      '      target sessions done 100%',
      '  goal orders-push off-track 2%',
      '    target orders - 2%',
      '  goal stray has-errors -',
      '    target orders - -',
    ]);
    const homeless = buildOutline(
      lint([{ file: 'a.goals.yaml', text: 'goalpost: 1\ngoals:\n  - { id: lone, title: Grow sessions by 5%, department: nobody }\n' }], {
        today: TODAY,
        clockToday: TODAY,
      }),
      undefined,
      'department',
    );
    assert.deepEqual(shape(homeless), ['unassigned - - -', '  goal lone has-errors -']);
  });

  it('lists KPIs linked to no objective, directly or through a goal, under the unaligned node', () => {
    const analysis = lint(
      [
        {
          file: 'a.goals.yaml',
          text: `goalpost: 1
objectives:
  - { id: revenue, title: Grow revenue by 5% }
kpis:
  - { id: direct, name: Direct, supports: [revenue] }
  - { id: through-goal, name: Through a goal }
  - { id: loose, name: Loose }
goals:
  - { id: g, title: Grow revenue by 5%, supports: [revenue], targets: [{ kpi: through-goal, target: 5 }] }
`,
        },
      ],
      { today: TODAY, clockToday: TODAY },
    );
    const unaligned = buildOutline(analysis).find((node) => node.kind === 'unaligned');
    assert.deepEqual(
      unaligned?.children.map((node) => `${node.kind} ${node.id}`),
      ['kpi loose'],
    );
    assert.ok(unaligned?.children[0].findings?.warning, 'with its findings (kpi-unlinked)');
  });

  it('gives goals their owner, dates, findings and whole extent, and targets their figures', () => {
    const traffic = outline()[0].children[0];
    assert.equal(traffic.owner, 'Marketing');
    assert.equal(traffic.start, '2027-01-01');
    assert.equal(traffic.deadline, '2027-12-31');
    assert.deepEqual(traffic.extent?.start, { line: 2, character: 4 });
    assert.ok((traffic.extent?.end.line ?? 0) >= 9);
    assert.deepEqual(traffic.children[0].figures, {
      kpi: 'sessions',
      kpiName: 'Website sessions',
      unit: undefined,
      baseline: 1000,
      current: 1500,
      target: 2000,
    });
    const stray = outline().find((node) => node.kind === 'unaligned')?.children[0];
    assert.equal(stray?.findings?.error, 1);
  });
});
