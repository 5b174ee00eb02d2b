import * as assert from 'node:assert/strict';
import { at, configOf, lintRule } from '../helpers/lint';
import { testRule } from '../helpers/ruleTests';

const RULE = 'smart-achievable';
const HEAD = 'goalpost: 1\nperiod: { start: 2027-01-01, end: 2027-12-31 }\nkpis:\n  - { id: ig-followers, name: Instagram followers, metric: followers }\n';

/** One goal from `start` to `deadline` (29 days by default) with one target. */
function goal(target: string, dates = 'start: 2027-06-01\n    deadline: 2027-06-30'): string {
  return `${HEAD}goals:\n  - id: g1\n    title: Grow Instagram followers in June\n    ${dates}\n    targets:\n      - kpi: ig-followers\n        ${target}\n`;
}

const LABEL = 'The target on KPI `ig-followers` of goal `g1`';

const cases: { name: string; target: string; dates?: string; messages: string[] }[] = [
  { name: '10% in a month is achievable', target: 'baseline: 1000\n        target: 1100', messages: [] },
  {
    name: 'doubling in three months is achievable',
    target: 'baseline: 1000\n        target: 2000',
    dates: 'start: 2027-04-01\n    deadline: 2027-06-29',
    messages: [],
  },
  {
    name: 'doubling in a month is not',
    target: 'baseline: 1000\n        target: 2000',
    messages: [`${LABEL} goes from 1000 to 2000 (+100%) in 29 days, faster than the 50% a month considered achievable; lower the target or allow more time.`],
  },
  {
    name: 'ten times in a month is not',
    target: 'baseline: 1000\n        target: 10000',
    messages: [`${LABEL} goes from 1000 to 10000 (+900%) in 29 days, faster than the 50% a month considered achievable; lower the target or allow more time.`],
  },
  {
    name: 'a rate just above the ceiling shows a decimal',
    target: 'baseline: 1000\n        target: 1514',
    dates: 'start: 2027-06-01\n    deadline: 2027-07-02',
    messages: [`${LABEL} goes from 1000 to 1514 (+51%) in 31 days, faster than the 50% a month considered achievable; lower the target or allow more time.`],
  },
  {
    name: 'a steep reduction',
    target: 'baseline: 100\n        target: 40',
    dates: 'start: 2027-06-01\n    deadline: 2027-07-01',
    messages: [`${LABEL} goes from 100 to 40 (-60%) in 30 days, faster than the 50% a month considered achievable; raise the target or allow more time.`],
  },
  {
    name: 'the same reduction over three months',
    target: 'baseline: 100\n        target: 40',
    dates: 'start: 2027-04-01\n    deadline: 2027-06-29',
    messages: [],
  },
  {
    name: 'the start defaults to the period start',
    target: 'baseline: 1000\n        target: 2000',
    dates: 'deadline: 2027-01-30',
    messages: [`${LABEL} goes from 1000 to 2000 (+100%) in 29 days, faster than the 50% a month considered achievable; lower the target or allow more time.`],
  },
  {
    name: 'a target equal to its baseline',
    target: 'baseline: 1000\n        target: 1000',
    messages: [`${LABEL} equals its baseline (1000), so there is nothing to achieve; set the value to reach by the deadline.`],
  },
  {
    name: 'a target below its baseline for direction increase',
    target: 'baseline: 1000\n        target: 800\n        direction: increase',
    messages: [`${LABEL} (800) is below its baseline (1000), but its \`direction\` is \`increase\`; raise the target or set \`direction: decrease\`.`],
  },
  {
    name: 'a target above its baseline for direction decrease',
    target: 'baseline: 1000\n        target: 1050\n        direction: decrease',
    messages: [`${LABEL} (1050) is above its baseline (1000), but its \`direction\` is \`decrease\`; lower the target or set \`direction: increase\`.`],
  },
  { name: 'a consistent explicit direction is fine', target: 'baseline: 1000\n        target: 900\n        direction: decrease', messages: [] },
  { name: 'no baseline: nothing to compare', target: 'target: 100000', messages: [] },
  { name: 'a zero baseline has no growth rate', target: 'baseline: 0\n        target: 500', messages: [] },
  { name: 'a target of zero has no reduction rate', target: 'baseline: 40\n        target: 0', messages: [] },
  { name: 'no deadline: no duration', target: 'baseline: 1000\n        target: 10000', dates: 'start: 2027-06-01', messages: [] },
  {
    name: 'a deadline before the start: no duration',
    target: 'baseline: 1000\n        target: 10000',
    dates: 'start: 2027-06-30\n    deadline: 2027-06-01',
    messages: [],
  },
];

testRule(
  RULE,
  cases.map(({ name, target, dates, messages }) => ({ name, text: goal(target, dates), findings: messages })),
  {
    show: (finding) => finding.message,
    each: (findings, { text }) => {
      // Reported at the `target` value.
      assert.ok(typeof text === 'string');
      const line = text.split('\n').findIndex((entry) => entry.startsWith('        target:')) + 1;
      for (const finding of findings) assert.equal(at(finding), `${line}:17`);
    },
    more() {
      it('uses the period of the workspace for a file without one', () => {
        const files = {
          'company.goals.yaml': 'goalpost: 1\nperiod: { start: 2027-06-01, end: 2027-12-31 }\n',
          'marketing.goals.yaml':
            'goalpost: 1\ngoals:\n  - id: g1\n    title: x\n    deadline: 2027-06-30\n    targets: [{ kpi: k, baseline: 1000, target: 2000 }]\n',
        };
        const [finding] = lintRule(RULE, files);
        assert.match(finding.message, /in 29 days, faster than the 50% a month/);
        assert.equal(`${finding.file} ${at(finding)}`, 'marketing.goals.yaml 6:49');
      });

      it('without a start or a period there is no duration', () => {
        const text = 'goalpost: 1\ngoals:\n  - { id: g1, title: x, deadline: 2027-06-30, targets: [{ kpi: k, baseline: 1000, target: 9000 }] }\n';
        assert.deepEqual(lintRule(RULE, text), []);
      });

      describe('options', () => {
        it('maxMonthlyGrowth raises the ceiling', () => {
          const config = configOf('rules:\n  smart-achievable:\n    options:\n      maxMonthlyGrowth: 1.5\n');
          assert.deepEqual(lintRule(RULE, goal('baseline: 1000\n        target: 2000'), { config }), []);
        });
        it('maxMonthlyGrowth lowers the ceiling', () => {
          const config = configOf('rules:\n  smart-achievable:\n    options:\n      maxMonthlyGrowth: 0.05\n');
          assert.deepEqual(
            lintRule(RULE, goal('baseline: 1000\n        target: 1100'), { config }).map((finding) => finding.message),
            [`${LABEL} goes from 1000 to 1100 (+10%) in 29 days, faster than the 5% a month considered achievable; lower the target or allow more time.`],
          );
        });
        it('maxMonthlyReduction sets the ceiling for decreases only', () => {
          const config = configOf('rules:\n  smart-achievable:\n    options:\n      maxMonthlyReduction: 0.7\n');
          const dates = 'start: 2027-06-01\n    deadline: 2027-07-01';
          assert.deepEqual(lintRule(RULE, goal('baseline: 100\n        target: 40', dates), { config }), []);
          assert.equal(lintRule(RULE, goal('baseline: 1000\n        target: 2000'), { config }).length, 1);
        });
        it('rejects a reduction above 100%', () => {
          assert.throws(() => configOf('rules:\n  smart-achievable:\n    options:\n      maxMonthlyReduction: 1.5\n'));
        });
      });
    },
  },
);
