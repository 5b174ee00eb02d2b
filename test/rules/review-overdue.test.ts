import * as assert from 'node:assert/strict';
import { configOf, lintRule } from '../helpers/lint';
import { testRule, type RuleCase } from '../helpers/ruleTests';

const RULE = 'review-overdue';
const HEAD = 'goalpost: 1\nperiod: { start: 2027-01-01, end: 2027-12-31 }\ngoals:\n';

/** One goal on line 4: its id value starts at column 11, and a `last_reviewed` written first at column 40. */
function goal(fields: string): string {
  return `${HEAD}  - { id: g1, title: A${fields ? `, ${fields}` : ''} }\n`;
}

const overdue = (last: string, cadence: string, due: string) =>
  `Goal \`g1\` was last reviewed on ${last}, and its ${cadence} review was due on ${due}; review it and update \`last_reviewed\`.`;
const never = (start: string, cadence: string, due: string) =>
  `Goal \`g1\` has never been reviewed since it started on ${start}, and its ${cadence} review was due on ${due}; review it and record the date in \`last_reviewed\`.`;

// Today is 2027-05-15.
const cases: RuleCase[] = [
  { name: 'reviewed within its quarter', text: goal('last_reviewed: 2027-03-01, review: quarterly'), findings: [] },
  {
    name: 'a quarterly review overdue',
    text: goal('last_reviewed: 2027-01-15, review: quarterly'),
    findings: [['4:40', overdue('2027-01-15', 'quarterly', '2027-04-15')]],
  },
  { name: 'a review due today is not overdue yet', text: goal('last_reviewed: 2027-02-15, review: quarterly'), findings: [] },
  {
    name: 'a weekly review overdue',
    text: goal('last_reviewed: 2027-05-01, review: weekly'),
    findings: [['4:40', overdue('2027-05-01', 'weekly', '2027-05-08')]],
  },
  { name: 'a monthly review not yet due', text: goal('last_reviewed: 2027-04-20, review: monthly'), findings: [] },
  {
    name: 'a month after the 31st ends on the last day of the next month',
    text: goal('last_reviewed: 2027-01-31, review: monthly'),
    findings: [['4:40', overdue('2027-01-31', 'monthly', '2027-02-28')]],
  },
  { name: 'a yearly review not yet due', text: goal('last_reviewed: 2026-06-01, review: yearly'), findings: [] },
  { name: 'quarterly is the default cadence', text: goal('last_reviewed: 2027-01-15'), findings: [['4:40', overdue('2027-01-15', 'quarterly', '2027-04-15')]] },
  { name: 'a goal that ended before its next review is not reported', text: goal('last_reviewed: 2027-01-15, deadline: 2027-03-31'), findings: [] },
  {
    name: 'a goal whose deadline is the due date still needed that review',
    text: goal('last_reviewed: 2027-01-15, deadline: 2027-04-15'),
    findings: [['4:40', overdue('2027-01-15', 'quarterly', '2027-04-15')]],
  },
  { name: 'never reviewed since the period started', text: goal(''), findings: [['4:11', never('2027-01-01', 'quarterly', '2027-04-01')]] },
  { name: 'never reviewed, but started recently', text: goal('start: 2027-03-01'), findings: [] },
  { name: 'never reviewed, but ended before its first review', text: goal('deadline: 2027-03-31'), findings: [] },
  { name: 'never reviewed, with no start and no period', text: 'goalpost: 1\ngoals:\n  - { id: g1, title: A }\n', findings: [] },
];

testRule(RULE, cases, {
  more() {
    describe('options', () => {
      it('defaultCadence applies to goals without `review`', () => {
        const config = configOf('rules:\n  review-overdue:\n    options: { defaultCadence: monthly }\n');
        assert.deepEqual(
          lintRule(RULE, goal('last_reviewed: 2027-04-01'), { config }).map((finding) => finding.message),
          [overdue('2027-04-01', 'monthly', '2027-05-01')],
        );
      });

      it("a goal's own `review` wins over defaultCadence", () => {
        const config = configOf('rules:\n  review-overdue:\n    options: { defaultCadence: weekly }\n');
        assert.deepEqual(lintRule(RULE, goal('last_reviewed: 2027-01-15, review: yearly'), { config }), []);
      });

      it('defaultCadence must be a known cadence', () => {
        assert.throws(() => configOf('rules:\n  review-overdue:\n    options: { defaultCadence: daily }\n'), /bad test config/);
      });

      it('judges against the injected today', () => {
        const text = goal('last_reviewed: 2027-01-15');
        assert.deepEqual(lintRule(RULE, text, { today: '2027-04-15' }), []);
        assert.deepEqual(
          lintRule(RULE, text, { today: '2027-04-16' }).map((finding) => finding.message),
          [overdue('2027-01-15', 'quarterly', '2027-04-15')],
        );
      });
    });

    it('is info by default', () => {
      assert.deepEqual(
        lintRule(RULE, goal('')).map((finding) => finding.severity),
        ['info'],
      );
    });
  },
});
