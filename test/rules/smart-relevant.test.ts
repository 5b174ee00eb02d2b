import * as assert from 'node:assert/strict';
import { lintRule } from '../helpers/lint';
import { testRule } from '../helpers/ruleTests';

const RULE = 'smart-relevant';
const HEAD = 'goalpost: 1\nobjectives:\n  - { id: grow-online-revenue, title: Grow online revenue by 15% }\n';
const MESSAGE = 'Goal `g1` supports no business objective; add `supports` with the ids of the objectives it serves.';

// The goal's id is on line 5.
const cases: { name: string; goal: string; findings: [string, string][] }[] = [
  { name: 'a goal that supports an objective is fine', goal: 'supports: [grow-online-revenue]', findings: [] },
  { name: 'an unknown objective is left to unknown-reference', goal: 'supports: [grow-offline-revenue]', findings: [] },
  { name: 'no supports', goal: 'department: marketing', findings: [['5:9', MESSAGE]] },
  { name: 'an empty supports list', goal: 'supports: []', findings: [['5:9', MESSAGE]] },
  // The schema reports the empty value; this rule does not repeat it (one mistake, one finding).
  { name: "a supports key without a value is the schema's to report", goal: 'supports:', findings: [] },
];

testRule(
  RULE,
  cases.map(({ name, goal, findings }) => ({ name, text: `${HEAD}goals:\n  - id: g1\n    title: Grow Instagram sessions by 20%\n    ${goal}\n`, findings })),
  {
    more() {
      it('highlights the goal id', () => {
        const [finding] = lintRule(RULE, `${HEAD}goals:\n  - id: g1\n    title: x\n`);
        assert.deepEqual(finding.range, { start: { line: 4, character: 8 }, end: { line: 4, character: 10 } });
      });

      it('names a goal without an id by its position', () => {
        const [finding] = lintRule(RULE, `${HEAD}goals:\n  - title: Grow Instagram sessions by 20%\n`);
        assert.equal(finding.message, 'Goal 1 supports no business objective; add `supports` with the ids of the objectives it serves.');
      });

      describe('a sub-goal is relevant through its parents', () => {
        const goals = (lines: string[]) => `${HEAD}goals:\n${lines.map((line) => `  - ${line}\n`).join('')}`;
        const table: { name: string; goals: string[]; reported: string[] }[] = [
          {
            name: 'a parent that supports an objective',
            goals: ['{ id: parent, title: P, supports: [grow-online-revenue] }', '{ id: child, title: C, parent: parent }'],
            reported: [],
          },
          {
            name: 'a grandparent that supports an objective',
            goals: [
              '{ id: top, title: T, supports: [grow-online-revenue] }',
              '{ id: middle, title: M, parent: top }',
              '{ id: leaf, title: L, parent: middle }',
            ],
            reported: [],
          },
          {
            name: 'no goal above supports anything',
            goals: ['{ id: parent, title: P }', '{ id: child, title: C, parent: parent }'],
            reported: ['parent', 'child'],
          },
          {
            name: 'a cycle of parents that support nothing',
            goals: ['{ id: a, title: A, parent: b }', '{ id: b, title: B, parent: a }'],
            reported: ['a', 'b'],
          },
          { name: 'an unknown parent is left to unknown-reference', goals: ['{ id: child, title: C, parent: nowhere }'], reported: [] },
        ];
        for (const { name, goals: lines, reported } of table) {
          it(name, () => {
            const findings = lintRule(RULE, goals(lines));
            assert.deepEqual(
              findings.map((finding) => /`([^`]+)`/.exec(finding.message)?.[1]),
              reported,
            );
          });
        }
      });
    },
  },
);
