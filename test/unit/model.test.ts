import * as assert from 'node:assert/strict';
import { buildModel } from '../../server/src/core/model';
import { parseYaml } from '../../server/src/core/yaml';

/** The model of a YAML text. */
function model(text: string) {
  return buildModel('test.goals.yaml', parseYaml(text).value);
}

const FULL = `goalpost: 1
period: { start: 2027-01-01, end: 2027-12-31 }
objectives:
  - { id: grow-revenue, title: Grow online revenue by 15%, metric: online_revenue, owner: leadership, deadline: 2027-12-31 }
departments:
  - { id: leadership, name: Leadership }
audiences:
  - { id: young-professionals, name: Young professionals, platforms: [LinkedIn, instagram] }
kpis:
  - { id: ig-sessions, name: Sessions, metric: sessions, unit: sessions, platform: Instagram, supports: [grow-revenue], owners: [leadership] }
goals:
  - id: ig-traffic
    title: Increase website sessions from Instagram by 20%
    department: leadership
    supports: [grow-revenue]
    platform: instagram
    audience: young-professionals
    funnel: conversion
    start: 2027-01-01
    deadline: 2027-03-31
    targets:
      - { kpi: ig-sessions, baseline: 10000, target: 12000, current: 10800, direction: increase }
    review: monthly
    last_reviewed: 2027-01-15
    confidence: 0.7
    parent: brand-2027
`;

describe('model', () => {
  it('reads every field of a valid file', () => {
    const m = model(FULL);
    assert.deepEqual(m.period, { start: '2027-01-01', end: '2027-12-31' });
    assert.deepEqual(m.objectives, [
      {
        kind: 'objective',
        id: 'grow-revenue',
        file: 'test.goals.yaml',
        path: ['objectives', 0],
        title: 'Grow online revenue by 15%',
        metric: 'online_revenue',
        owner: 'leadership',
        deadline: '2027-12-31',
      },
    ]);
    assert.deepEqual(m.departments, [{ kind: 'department', id: 'leadership', file: 'test.goals.yaml', path: ['departments', 0], name: 'Leadership' }]);
    assert.deepEqual(m.audiences[0].platforms, ['linkedin', 'instagram'], 'platforms are compared in lower case');
    assert.equal(m.kpis[0].platform, 'instagram');
    assert.deepEqual(m.goals[0], {
      kind: 'goal',
      id: 'ig-traffic',
      file: 'test.goals.yaml',
      path: ['goals', 0],
      title: 'Increase website sessions from Instagram by 20%',
      department: 'leadership',
      supports: ['grow-revenue'],
      platform: 'instagram',
      audience: 'young-professionals',
      funnel: 'conversion',
      start: '2027-01-01',
      deadline: '2027-03-31',
      targets: [{ path: ['goals', 0, 'targets', 0], kpi: 'ig-sessions', baseline: 10000, target: 12000, current: 10800, direction: 'increase' }],
      review: 'monthly',
      lastReviewed: '2027-01-15',
      confidence: 0.7,
      parent: 'brand-2027',
    });
  });

  it('records every reference with the kind it must name and the path of its scalar', () => {
    assert.deepEqual(
      model(FULL).references.map((reference) => `${reference.kind} ${reference.id} ${reference.path.join('.')}`),
      [
        'department leadership objectives.0.owner',
        'objective grow-revenue kpis.0.supports.0',
        'department leadership kpis.0.owners.0',
        'department leadership goals.0.department',
        'objective grow-revenue goals.0.supports.0',
        'audience young-professionals goals.0.audience',
        'kpi ig-sessions goals.0.targets.0.kpi',
        'goal brand-2027 goals.0.parent',
      ],
    );
  });

  it('leaves out fields of the wrong type instead of guessing', () => {
    const m = model(`goalpost: 1
goals:
  - id: g1
    title: 5
    department: [marketing]
    supports: grow-revenue
    platform: 3
    funnel: ""
    start: 31/01/2027
    deadline: 2027-02-30
    review: quartely
    last_reviewed: yesterday
    confidence: high
    parent: { id: g0 }
    targets:
      - { kpi: k1, baseline: "10k", target: 12000, current: null, direction: up }
      - just a string
      - { kpi: 7, target: .inf }
`);
    const [goal] = m.goals;
    assert.deepEqual(goal, {
      kind: 'goal',
      id: 'g1',
      file: 'test.goals.yaml',
      path: ['goals', 0],
      title: undefined,
      department: undefined,
      supports: [],
      platform: undefined,
      audience: undefined,
      funnel: undefined,
      start: undefined,
      deadline: undefined,
      targets: [
        { path: ['goals', 0, 'targets', 0], kpi: 'k1', baseline: undefined, target: 12000, current: undefined, direction: undefined },
        // The string entry at index 1 is skipped, and the next target keeps its own index.
        { path: ['goals', 0, 'targets', 2], kpi: '7', baseline: undefined, target: undefined, current: undefined, direction: undefined },
      ],
      review: undefined,
      lastReviewed: undefined,
      confidence: undefined,
      parent: undefined,
    });
    assert.deepEqual(
      m.references.map((reference) => reference.path.join('.')),
      ['goals.0.targets.0.kpi', 'goals.0.targets.2.kpi'],
    );
  });

  it('turns numeric ids into strings, wherever ids are read', () => {
    const m = model('goalpost: 1\nobjectives:\n  - { id: 2027, title: FY2027 }\ngoals:\n  - { id: 42, title: T, supports: [2027, 1.5], parent: 7 }\n');
    assert.equal(m.objectives[0].id, '2027');
    assert.equal(m.goals[0].id, '42');
    assert.deepEqual(m.goals[0].supports, ['2027', '1.5']);
    assert.equal(m.goals[0].parent, '7');
    assert.deepEqual(
      m.references.map((reference) => `${reference.kind} ${reference.id}`),
      ['objective 2027', 'objective 1.5', 'goal 7'],
    );
  });

  it('keeps the ids of a reference list that are usable and drops the rest', () => {
    const m = model('goalpost: 1\nkpis:\n  - { id: k, supports: [a, null, "", "  ", { x: 1 }, b, true], owners: marketing }\n');
    assert.deepEqual(m.kpis[0].supports, ['a', 'b']);
    assert.deepEqual(m.kpis[0].owners, []);
    assert.deepEqual(
      m.references.map((reference) => reference.path.join('.')),
      ['kpis.0.supports.0', 'kpis.0.supports.5'],
    );
  });

  it('gives an item without a usable id no id, and keeps its path', () => {
    const m = model('goalpost: 1\ngoals:\n  - { title: No id }\n  - { id: "", title: Empty id }\n  - { id: [a], title: List id }\n');
    assert.deepEqual(
      m.goals.map((goal) => `${goal.id} ${goal.path.join('.')}`),
      ['undefined goals.0', 'undefined goals.1', 'undefined goals.2'],
    );
  });

  it('skips section entries that are not mappings, keeping the others at their index', () => {
    const m = model('goalpost: 1\nobjectives:\n  - grow-revenue\n  - null\n  - [a, b]\n  - { id: reduce-churn, title: Reduce churn }\n');
    assert.deepEqual(
      m.objectives.map((objective) => `${objective.id} ${objective.path.join('.')}`),
      ['reduce-churn objectives.3'],
    );
  });

  it('reads sections of the wrong type as empty', () => {
    const m = model('goalpost: 1\nobjectives: grow revenue\ngoals: { id: g1 }\nkpis: 3\n');
    assert.deepEqual([m.objectives, m.goals, m.kpis, m.departments, m.audiences, m.references], [[], [], [], [], [], []]);
  });

  it('gives an empty model for a value that is not a mapping', () => {
    for (const value of [undefined, null, 'text', 42, [{ id: 'g1' }], true]) {
      const m = buildModel('x.goals.yaml', value);
      assert.equal(m.file, 'x.goals.yaml');
      assert.equal(m.period, undefined);
      assert.deepEqual([m.objectives, m.departments, m.audiences, m.kpis, m.goals, m.references], [[], [], [], [], [], []]);
    }
  });

  it('reads a period only when both ends are real dates', () => {
    assert.equal(model('goalpost: 1\nperiod: { start: 2027-01-01 }\n').period, undefined);
    assert.equal(model('goalpost: 1\nperiod: { start: 2027-01-01, end: 2027-13-01 }\n').period, undefined);
    assert.equal(model('goalpost: 1\nperiod: 2027\n').period, undefined);
    assert.deepEqual(model('goalpost: 1\nperiod: { start: 2028-02-29, end: 2028-12-31 }\n').period, { start: '2028-02-29', end: '2028-12-31' });
  });

  it('keeps a direction only when it is one of the two', () => {
    const m = model('goalpost: 1\ngoals:\n  - { id: g, title: T, targets: [{ kpi: k, direction: decrease }, { kpi: k, direction: Decrease }] }\n');
    assert.deepEqual(
      m.goals[0].targets.map((target) => target.direction),
      ['decrease', undefined],
    );
  });
});
