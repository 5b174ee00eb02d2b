import * as assert from 'node:assert/strict';
import { lintRule } from '../helpers/lint';
import { testRule, type RuleCase } from '../helpers/ruleTests';

const RULE = 'deadline-missed';

/** A goal whose `deadline` value sits on line 5 at column 15, with one target a line. */
function goal(deadline: string, targets: string[]): string {
  return `goalpost: 1\ngoals:\n  - id: g1\n    title: A\n    deadline: ${deadline}\n    targets:\n${targets.map((target) => `      - { ${target} }\n`).join('')}`;
}

const ADVICE = 'record the final values and close the goal, or move the deadline and say why.';

// Today is 2027-05-15.
const cases: RuleCase[] = [
  { name: 'a target reached by its deadline', text: goal('2027-03-31', ['kpi: k1, baseline: 10000, target: 12000, current: 12500']), findings: [] },
  { name: 'a deadline still ahead', text: goal('2027-06-30', ['kpi: k1, baseline: 10000, target: 12000, current: 10800']), findings: [] },
  { name: 'a deadline of today has not passed yet', text: goal('2027-05-15', ['kpi: k1, baseline: 10000, target: 12000, current: 10800']), findings: [] },
  { name: 'a target without `current` cannot be judged', text: goal('2027-03-31', ['kpi: k1, baseline: 10000, target: 12000']), findings: [] },
  { name: 'a target without `target` cannot be judged', text: goal('2027-03-31', ['kpi: k1, current: 10800']), findings: [] },
  {
    name: 'an increase short of its target',
    text: goal('2027-03-31', ['kpi: k1, baseline: 10000, target: 12000, current: 10800']),
    findings: [['5:15', `Goal \`g1\` passed its deadline 2027-03-31 without reaching its target: \`k1\` is at 10800 against a target of 12000; ${ADVICE}`]],
  },
  {
    name: 'a decrease still above its target',
    text: goal('2027-03-31', ['kpi: response-hours, baseline: 48, target: 24, current: 30']),
    findings: [
      [
        '5:15',
        `Goal \`g1\` passed its deadline 2027-03-31 without reaching its target: \`response-hours\` is at 30 against a target of 24 (lower is better); ${ADVICE}`,
      ],
    ],
  },
  {
    name: 'an explicit direction decides',
    text: goal('2027-03-31', ['kpi: churn, target: 2.5, current: 3.1, direction: decrease']),
    findings: [
      [
        '5:15',
        `Goal \`g1\` passed its deadline 2027-03-31 without reaching its target: \`churn\` is at 3.1 against a target of 2.5 (lower is better); ${ADVICE}`,
      ],
    ],
  },
  {
    name: 'only the targets that were missed are named',
    text: goal('2027-03-31', ['kpi: k1, target: 100, current: 40', 'kpi: k2, target: 10, current: 12', 'kpi: k3, target: 5, current: 0']),
    findings: [
      [
        '5:15',
        `Goal \`g1\` passed its deadline 2027-03-31 without reaching 2 of its 3 targets: \`k1\` is at 40 against a target of 100 and \`k3\` is at 0 against a target of 5; ${ADVICE}`,
      ],
    ],
  },
];

testRule(RULE, cases, {
  more() {
    it('names every target when all were missed', () => {
      assert.deepEqual(
        lintRule(RULE, goal('2027-03-31', ['kpi: k1, target: 100, current: 40', 'kpi: k2, target: 10, current: 9'])).map((finding) => finding.message),
        [
          `Goal \`g1\` passed its deadline 2027-03-31 without reaching its 2 targets: \`k1\` is at 40 against a target of 100 and \`k2\` is at 9 against a target of 10; ${ADVICE}`,
        ],
      );
    });

    it('judges against the injected today', () => {
      const text = goal('2027-03-31', ['kpi: k1, baseline: 10000, target: 12000, current: 10800']);
      assert.deepEqual(lintRule(RULE, text, { today: '2027-03-31' }), []);
      assert.equal(lintRule(RULE, text, { today: '2027-04-01' }).length, 1);
    });

    it('is a warning by default', () => {
      const text = goal('2027-03-31', ['kpi: k1, target: 12000, current: 10800']);
      assert.deepEqual(
        lintRule(RULE, text).map((finding) => finding.severity),
        ['warning'],
      );
    });
  },
});
