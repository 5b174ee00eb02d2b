import * as assert from 'node:assert/strict';
import { lintRule } from '../helpers/lint';
import { testRule, type RuleCase } from '../helpers/ruleTests';

const RULE = 'objective-unsupported';
/** The objective `grow-revenue` on line 3 (its id value at column 11), then KPIs and goals. */
const HEAD = 'goalpost: 1\nobjectives:\n  - { id: grow-revenue, title: Grow online revenue by 15% }\n';
const UNSUPPORTED =
  'Objective `grow-revenue` is supported by no goal or KPI; add a goal that serves it (`supports: [grow-revenue]`), or remove the objective if it is no longer pursued.';

const cases: RuleCase[] = [
  { name: 'an objective a goal supports', text: `${HEAD}goals:\n  - { id: g1, title: A, supports: [grow-revenue] }\n`, findings: [] },
  { name: 'an objective a KPI supports', text: `${HEAD}kpis:\n  - { id: k1, name: K, metric: sessions, supports: [grow-revenue] }\n`, findings: [] },
  { name: 'an objective nothing supports', text: HEAD, findings: [['3:11', UNSUPPORTED]] },
  {
    name: 'a misspelt id in supports does not count',
    text: `${HEAD}goals:\n  - { id: g1, title: A, supports: [grow-revenu] }\n`,
    findings: [['3:11', UNSUPPORTED]],
  },
  {
    name: 'a parent link does not count as support',
    text: `${HEAD}goals:\n  - { id: g1, title: A, parent: grow-revenue }\n`,
    findings: [['3:11', UNSUPPORTED]],
  },
  {
    name: 'an objective without an id is left to the schema rule',
    text: 'goalpost: 1\nobjectives:\n  - { title: Grow online revenue by 15% }\n',
    findings: [],
  },
];

testRule(RULE, cases, {
  more() {
    it('counts support from other files', () => {
      const files = { 'company.goals.yaml': HEAD, 'marketing.goals.yaml': 'goalpost: 1\ngoals:\n  - { id: g1, title: A, supports: [grow-revenue] }\n' };
      assert.deepEqual(lintRule(RULE, files), []);
    });

    it('is a warning by default', () => {
      assert.deepEqual(
        lintRule(RULE, HEAD).map((finding) => finding.severity),
        ['warning'],
      );
    });
  },
});
