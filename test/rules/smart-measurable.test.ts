import * as assert from 'node:assert/strict';
import { lintRule } from '../helpers/lint';
import { testRule } from '../helpers/ruleTests';

const RULE = 'smart-measurable';
const HEAD = 'goalpost: 1\nkpis:\n  - { id: ig-site-sessions, name: Website sessions from Instagram, metric: sessions }\n';

// The goal's id is on line 5, its fields from line 6.
const cases: { name: string; goal: string; findings: [string, string][] }[] = [
  {
    name: 'a target with a numeric target is fine',
    goal: 'targets:\n      - { kpi: ig-site-sessions, baseline: 10000, target: 12000 }',
    findings: [],
  },
  { name: 'a target without a baseline is still measurable', goal: 'targets:\n      - { kpi: ig-site-sessions, target: 12000 }', findings: [] },
  {
    name: 'a goal without targets',
    goal: 'deadline: 2027-03-31',
    findings: [
      ['5:9', 'Goal `g1` has no targets; add at least one under `targets` with a `kpi` and the numeric `target` to reach, so its progress can be measured.'],
    ],
  },
  {
    name: 'a goal with an empty targets list',
    goal: 'targets: []',
    findings: [
      ['5:9', 'Goal `g1` has no targets; add at least one under `targets` with a `kpi` and the numeric `target` to reach, so its progress can be measured.'],
    ],
  },
  {
    name: 'a target without a target value, at the target',
    goal: 'targets:\n      - kpi: ig-site-sessions\n        baseline: 10000',
    findings: [['8:9', 'The target on KPI `ig-site-sessions` of goal `g1` has no numeric `target`; add the value to reach by the deadline.']],
  },
  {
    // The schema reports the value that is not a number; this rule does not repeat it.
    name: "a target value that is not a number is the schema's to report",
    goal: 'targets:\n      - kpi: ig-site-sessions\n        target: 12k',
    findings: [],
  },
  {
    name: 'a target without a KPI is named by its position',
    goal: 'targets:\n      - { kpi: ig-site-sessions, target: 12000 }\n      - { baseline: 5 }',
    findings: [['9:11', 'Target 2 of goal `g1` has no numeric `target`; add the value to reach by the deadline.']],
  },
  {
    name: 'each target is reported',
    goal: 'targets:\n      - kpi: ig-site-sessions\n      - kpi: ig-site-sessions\n        current: 3',
    findings: [
      ['8:9', 'The target on KPI `ig-site-sessions` of goal `g1` has no numeric `target`; add the value to reach by the deadline.'],
      ['9:9', 'The target on KPI `ig-site-sessions` of goal `g1` has no numeric `target`; add the value to reach by the deadline.'],
    ],
  },
];

testRule(
  RULE,
  cases.map(({ name, goal, findings }) => ({ name, text: `${HEAD}goals:\n  - id: g1\n    title: Grow Instagram sessions by 20%\n    ${goal}\n`, findings })),
  {
    more() {
      it('highlights the first key of a target', () => {
        const [finding] = lintRule(RULE, `${HEAD}goals:\n  - id: g1\n    title: x\n    targets:\n      - kpi: ig-site-sessions\n`);
        assert.deepEqual(finding.range, { start: { line: 7, character: 8 }, end: { line: 7, character: 11 } });
      });

      it('is an error by default', () => {
        assert.equal(lintRule(RULE, `${HEAD}goals:\n  - id: g1\n    title: x\n`)[0].severity, 'error');
      });
    },
  },
);
