import * as assert from 'node:assert/strict';
import { at, lintRule } from '../helpers/lint';
import { testRule } from '../helpers/ruleTests';

const RULE = 'smart-time-bound';
const HEAD = 'goalpost: 1\nperiod: { start: 2027-01-01, end: 2027-12-31 }\n';
const NO_DEADLINE = 'Goal `g1` has no `deadline`; add the date it is due (YYYY-MM-DD).';
const MOVE = 'move the deadline into the period or plan the goal in a file with its own `period`.';

// The goal's id is on line 4, its fields from line 6; a deadline written last is on line 6 or 7.
const cases: { name: string; goal: string; findings: [string, string][] }[] = [
  { name: 'a deadline inside the period is fine', goal: 'deadline: 2027-03-31', findings: [] },
  { name: 'a deadline after its own start is fine', goal: 'start: 2027-02-01\n    deadline: 2027-03-31', findings: [] },
  { name: 'a deadline on the start day is fine', goal: 'start: 2027-03-31\n    deadline: 2027-03-31', findings: [] },
  { name: 'no deadline, at the goal', goal: 'start: 2027-01-01', findings: [['4:9', NO_DEADLINE]] },
  // The schema reports an empty or impossible deadline; this rule does not repeat it (one mistake, one finding).
  { name: "a deadline key without a value is the schema's to report", goal: 'deadline:', findings: [] },
  { name: "an impossible date is the schema's to report", goal: 'deadline: 2027-13-45', findings: [] },
  {
    name: 'a deadline before its own start',
    goal: 'start: 2027-09-01\n    deadline: 2027-08-15',
    findings: [['7:15', 'Goal `g1` is due 2027-08-15, before its `start` 2027-09-01; the deadline must come after the start.']],
  },
  {
    name: 'a deadline before the period start, once',
    goal: 'deadline: 2026-12-31',
    findings: [['6:15', 'Goal `g1` is due 2026-12-31, before the start of its period, 2027-01-01; the deadline must come after the start.']],
  },
  {
    name: 'a goal that starts and ends before its period',
    goal: 'start: 2026-10-01\n    deadline: 2026-12-15',
    findings: [['7:15', `Goal \`g1\` is due 2026-12-15, before its period (2027-01-01 to 2027-12-31) starts; ${MOVE}`]],
  },
  {
    name: 'a deadline after the period end',
    goal: 'start: 2027-07-01\n    deadline: 2028-06-30',
    findings: [['7:15', `Goal \`g1\` is due 2028-06-30, after its period (2027-01-01 to 2027-12-31) ends; ${MOVE}`]],
  },
  {
    name: 'before its start and after the period end: two problems',
    goal: 'start: 2028-02-01\n    deadline: 2028-01-15',
    findings: [
      ['7:15', `Goal \`g1\` is due 2028-01-15, after its period (2027-01-01 to 2027-12-31) ends; ${MOVE}`],
      ['7:15', 'Goal `g1` is due 2028-01-15, before its `start` 2028-02-01; the deadline must come after the start.'],
    ],
  },
];

testRule(
  RULE,
  cases.map(({ name, goal, findings }) => ({ name, text: `${HEAD}goals:\n  - id: g1\n    title: Grow Instagram sessions by 20%\n    ${goal}\n`, findings })),
  {
    more() {
      it('uses the workspace period for a file without one', () => {
        const files = {
          'company.goals.yaml': HEAD,
          'marketing.goals.yaml': 'goalpost: 1\ngoals:\n  - { id: g1, title: x, deadline: 2028-01-31 }\n',
        };
        assert.deepEqual(
          lintRule(RULE, files).map((finding) => `${finding.file} ${at(finding)} ${finding.message}`),
          [`marketing.goals.yaml 3:35 Goal \`g1\` is due 2028-01-31, after its period (2027-01-01 to 2027-12-31) ends; ${MOVE}`],
        );
      });

      it("prefers the file's own period", () => {
        const files = {
          'company.goals.yaml': HEAD,
          'next-year.goals.yaml': 'goalpost: 1\nperiod: { start: 2028-01-01, end: 2028-12-31 }\ngoals:\n  - { id: g1, title: x, deadline: 2028-01-31 }\n',
        };
        assert.deepEqual(lintRule(RULE, files), []);
      });

      it('checks only the start when no period applies', () => {
        const files = {
          'a.goals.yaml': 'goalpost: 1\nperiod: { start: 2027-01-01, end: 2027-12-31 }\n',
          'b.goals.yaml': 'goalpost: 1\nperiod: { start: 2028-01-01, end: 2028-12-31 }\n',
          'c.goals.yaml':
            'goalpost: 1\ngoals:\n  - { id: g1, title: x, deadline: 2031-01-31 }\n  - { id: g2, title: x, start: 2031-02-01, deadline: 2031-01-31 }\n',
        };
        assert.deepEqual(
          lintRule(RULE, files).map((finding) => finding.message),
          ['Goal `g2` is due 2031-01-31, before its `start` 2031-02-01; the deadline must come after the start.'],
        );
      });
    },
  },
);
