import * as assert from 'node:assert/strict';
import { lintRule } from '../helpers/lint';
import { testRule } from '../helpers/ruleTests';

const RULE = 'missing-owner';
/** Goals start on line 5; a goal's id value starts at column 11. */
const HEAD = 'goalpost: 1\ndepartments:\n  - { id: marketing, name: Marketing }\ngoals:\n';

const cases: { name: string; goal: string; findings: [string, string][] }[] = [
  { name: 'a goal with a department', goal: '{ id: g1, title: A, department: marketing }', findings: [] },
  { name: 'an unknown department is left to unknown-reference', goal: '{ id: g1, title: A, department: legal }', findings: [] },
  {
    name: 'a goal without a department',
    goal: '{ id: g1, title: A }',
    findings: [['5:11', 'Goal `g1` has no `department`; add the id of the department that owns it, so someone is accountable for it.']],
  },
  {
    // The schema reports the empty value; this rule does not repeat it (one mistake, one finding).
    name: "an empty department is the schema's to report",
    goal: '{ id: g1, title: A, department: }',
    findings: [],
  },
  {
    name: 'a goal without an id is named by its position and pointed at by its first key',
    goal: '{ title: A }',
    findings: [['5:7', 'Goal 1 has no `department`; add the id of the department that owns it, so someone is accountable for it.']],
  },
];

testRule(
  RULE,
  cases.map(({ name, goal, findings }) => ({ name, text: `${HEAD}  - ${goal}\n`, findings })),
  {
    more() {
      it('is a warning by default', () => {
        assert.deepEqual(
          lintRule(RULE, `${HEAD}  - { id: g1, title: A }\n`).map((finding) => finding.severity),
          ['warning'],
        );
      });
    },
  },
);
