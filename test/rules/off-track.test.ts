import * as assert from 'node:assert/strict';
import { configOf, lintRule } from '../helpers/lint';
import { testRule, type RuleCase } from '../helpers/ruleTests';

const RULE = 'off-track';

/**
 * A goal of 60 days, half of which have passed on the default today (2027-05-15), with one target a
 * line from line 8.
 */
function goal(targets: string[], dates = 'start: 2027-04-15\n    deadline: 2027-06-14'): string {
  return `goalpost: 1\ngoals:\n  - id: g1\n    title: A\n    ${dates}\n    targets:\n${targets.map((target) => `      - { ${target} }\n`).join('')}`;
}

const behind = (kpi: string, progress: number, from: number, target: number, current: number, elapsed = 50, deadline = '2027-06-14', margin = 10) =>
  `In goal \`g1\`, the target on \`${kpi}\` is ${progress}% of the way from ${from} to ${target}${target < from ? ', lower is better' : ''} (current ${current}), but ${elapsed}% of the time to the deadline ${deadline} has passed; it trails the linear pace by more than ${margin} percentage points.`;

// Today is 2027-05-15: half of the time from 2027-04-15 to 2027-06-14 has passed.
const cases: RuleCase[] = [
  { name: 'on pace', text: goal(['kpi: k1, baseline: 0, target: 100, current: 50']), findings: [] },
  { name: 'behind, but within the margin', text: goal(['kpi: k1, baseline: 0, target: 100, current: 45']), findings: [] },
  { name: 'behind by exactly the margin is not reported', text: goal(['kpi: k1, baseline: 0, target: 100, current: 40']), findings: [] },
  {
    name: 'behind by more than the margin',
    text: goal(['kpi: k1, baseline: 0, target: 100, current: 30']),
    findings: [['8:55', behind('k1', 30, 0, 100, 30)]],
  },
  {
    name: 'progress counts from the baseline',
    text: goal(['kpi: k1, baseline: 10000, target: 12000, current: 10400']),
    findings: [['8:61', behind('k1', 20, 10000, 12000, 10400)]],
  },
  {
    name: 'without a baseline an increase counts from zero',
    text: goal(['kpi: k1, target: 200, current: 50']),
    findings: [['8:42', behind('k1', 25, 0, 200, 50)]],
  },
  {
    name: 'a decrease progresses downwards',
    text: goal(['kpi: hours, baseline: 48, target: 24, current: 44']),
    findings: [['8:58', behind('hours', 17, 48, 24, 44)]],
  },
  {
    name: 'moving away from the target is negative progress',
    text: goal(['kpi: k1, baseline: 100, target: 200, current: 90']),
    findings: [['8:57', behind('k1', -10, 100, 200, 90)]],
  },
  { name: 'a target without `current` cannot be judged', text: goal(['kpi: k1, baseline: 0, target: 100']), findings: [] },
  { name: 'a target equal to its baseline cannot be judged', text: goal(['kpi: k1, baseline: 100, target: 100, current: 0']), findings: [] },
  {
    name: 'each target is judged on its own',
    text: goal(['kpi: k1, baseline: 0, target: 100, current: 60', 'kpi: k2, baseline: 0, target: 100, current: 10']),
    findings: [['9:55', behind('k2', 10, 0, 100, 10)]],
  },
  {
    name: 'before the start nothing is expected',
    text: goal(['kpi: k1, baseline: 0, target: 100, current: 0'], 'start: 2027-06-01\n    deadline: 2027-07-31'),
    findings: [],
  },
  {
    name: "after the deadline it is deadline-missed's business",
    text: goal(['kpi: k1, baseline: 0, target: 100, current: 0'], 'start: 2027-01-01\n    deadline: 2027-03-31'),
    findings: [],
  },
  { name: 'a goal without a deadline has no pace', text: goal(['kpi: k1, baseline: 0, target: 100, current: 0'], 'start: 2027-01-01'), findings: [] },
  { name: 'a goal without a start or period has no pace', text: goal(['kpi: k1, baseline: 0, target: 100, current: 0'], 'deadline: 2027-12-31'), findings: [] },
];

testRule(RULE, cases, {
  more() {
    it('starts from the period when the goal has no start', () => {
      const text = `goalpost: 1\nperiod: { start: 2027-01-01, end: 2027-12-31 }\n${goal(['kpi: k1, baseline: 0, target: 100, current: 10'], 'deadline: 2027-12-31').slice('goalpost: 1\n'.length)}`;
      // 2027-01-01 to 2027-05-15 is 134 of 364 days: 37%.
      assert.deepEqual(
        lintRule(RULE, text).map((finding) => finding.message),
        [behind('k1', 10, 0, 100, 10, 37, '2027-12-31')],
      );
    });

    describe('options', () => {
      it('a wider margin tolerates more', () => {
        const config = configOf('rules:\n  off-track:\n    options: { margin: 0.25 }\n');
        assert.deepEqual(lintRule(RULE, goal(['kpi: k1, baseline: 0, target: 100, current: 30']), { config }), []);
        assert.deepEqual(
          lintRule(RULE, goal(['kpi: k1, baseline: 0, target: 100, current: 20']), { config }).map((finding) => finding.message),
          [behind('k1', 20, 0, 100, 20, 50, '2027-06-14', 25)],
        );
      });

      it('a zero margin reports anything behind pace', () => {
        const config = configOf('rules:\n  off-track:\n    options: { margin: 0 }\n');
        assert.deepEqual(
          lintRule(RULE, goal(['kpi: k1, baseline: 0, target: 100, current: 45']), { config }).map((finding) => finding.message),
          [behind('k1', 45, 0, 100, 45, 50, '2027-06-14', 0)],
        );
      });

      it('the margin must be a fraction', () => {
        assert.throws(() => configOf('rules:\n  off-track:\n    options: { margin: 10 }\n'), /bad test config/);
      });

      it('judges against the injected today', () => {
        const text = goal(['kpi: k1, baseline: 0, target: 100, current: 30']);
        // On 2027-05-03, 18 of 60 days (30%) have passed.
        assert.deepEqual(lintRule(RULE, text, { today: '2027-05-03' }), []);
        assert.deepEqual(
          lintRule(RULE, text, { today: '2027-06-14' }).map((finding) => finding.message),
          [behind('k1', 30, 0, 100, 30, 100)],
        );
      });
    });

    it('is info by default', () => {
      assert.deepEqual(
        lintRule(RULE, goal(['kpi: k1, baseline: 0, target: 100, current: 30'])).map((finding) => finding.severity),
        ['info'],
      );
    });
  },
});
