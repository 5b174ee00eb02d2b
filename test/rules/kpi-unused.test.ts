import * as assert from 'node:assert/strict';
import { lintRule } from '../helpers/lint';
import { testRule, type RuleCase } from '../helpers/ruleTests';

const RULE = 'kpi-unused';
const HEAD = 'goalpost: 1\nkpis:\n  - { id: k1, name: Website sessions, metric: sessions }\n';
/** The KPI `k1` on line 3 (its id value at column 11), then goals. */
const GOALS = `${HEAD}goals:\n`;

const cases: RuleCase[] = [
  { name: 'a KPI that a goal targets is used', text: GOALS + '  - { id: g1, title: A, targets: [{ kpi: k1, target: 10 }] }\n', findings: [] },
  {
    name: 'a KPI that no goal targets',
    text: GOALS + '  - { id: g1, title: A }\n',
    findings: [['3:11', 'KPI `k1` is not targeted by any goal; add a target on it (`kpi: k1`) to the goal it measures, or remove it.']],
  },
  {
    name: 'a target with a misspelt KPI id does not use the KPI',
    text: GOALS + '  - { id: g1, title: A, targets: [{ kpi: k2 }] }\n',
    findings: [['3:11', 'KPI `k1` is not targeted by any goal; add a target on it (`kpi: k1`) to the goal it measures, or remove it.']],
  },
  {
    name: 'naming the KPI in supports is not targeting it',
    text: GOALS + '  - { id: g1, title: A, supports: [k1] }\n',
    findings: [['3:11', 'KPI `k1` is not targeted by any goal; add a target on it (`kpi: k1`) to the goal it measures, or remove it.']],
  },
  { name: 'a KPI without an id is left to the schema rule', text: 'goalpost: 1\nkpis:\n  - { name: Website sessions, metric: sessions }\n', findings: [] },
];

testRule(RULE, cases, {
  more() {
    it('counts targets in other files', () => {
      const files = { 'kpis.goals.yaml': HEAD, 'marketing.goals.yaml': 'goalpost: 1\ngoals:\n  - { id: g1, title: A, targets: [{ kpi: k1 }] }\n' };
      assert.deepEqual(lintRule(RULE, files), []);
    });

    it('is info by default', () => {
      assert.deepEqual(
        lintRule(RULE, HEAD).map((finding) => finding.severity),
        ['info'],
      );
    });
  },
});
