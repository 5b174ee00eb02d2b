import * as assert from 'node:assert/strict';
import { lintRule } from '../helpers/lint';
import { testRule } from '../helpers/ruleTests';

const RULE = 'unknown-reference';
const HEAD =
  'goalpost: 1\nobjectives:\n  - { id: grow-online-revenue, title: Grow online revenue by 15% }\ndepartments:\n  - { id: marketing, name: Marketing }\n';

const cases: { name: string; goal: string; messages: string[] }[] = [
  { name: 'a known objective is fine', goal: 'supports: [grow-online-revenue]', messages: [] },
  {
    name: 'a typo suggests the closest objective',
    goal: 'supports: [grow-onlin-revenue]',
    messages: ['`supports` names `grow-onlin-revenue`, but no objective has that id; did you mean `grow-online-revenue`?'],
  },
  { name: 'an unrelated id has no suggestion', goal: 'department: legal', messages: ['`department` names `legal`, but no department has that id.'] },
  {
    name: 'an id of the wrong kind says what it is',
    goal: 'supports: [marketing]',
    messages: ['`supports` names `marketing`, which is a department, not an objective.'],
  },
];

testRule(
  RULE,
  cases.map(({ name, goal, messages }) => ({
    name,
    text: `${HEAD}goals:\n  - id: g1\n    title: Grow Instagram sessions by 10%\n    ${goal}\n`,
    findings: messages,
  })),
  {
    show: (finding) => finding.message,
    more() {
      it('offers the closest id as a suggestion for a quick fix', () => {
        const [finding] = lintRule(RULE, `${HEAD}goals:\n  - { id: g1, title: x, supports: [grow-onlin-revenue] }\n`);
        assert.deepEqual(finding.suggestions, ['grow-online-revenue']);
      });
    },
  },
);
