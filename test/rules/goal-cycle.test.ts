import * as assert from 'node:assert/strict';
import { at, lintRule } from '../helpers/lint';
import { testRule } from '../helpers/ruleTests';

const RULE = 'goal-cycle';
const HEAD = 'goalpost: 1\nobjectives:\n  - { id: grow-revenue, title: Grow online revenue by 15% }\ngoals:\n';

/** One goal a line, from line 5: the id value starts at column 11 and a one-letter parent value at column 32. */
function goal(id: string, parent?: string): string {
  return `  - { id: ${id}, title: A${parent === undefined ? '' : `, parent: ${parent}`} }\n`;
}

const cases: { name: string; goals: string; findings: [string, string][] }[] = [
  { name: 'goals without parents are fine', goals: goal('a') + goal('b'), findings: [] },
  { name: 'a chain that ends is fine', goals: goal('a', 'b') + goal('b', 'c') + goal('c'), findings: [] },
  { name: 'a parent that names no goal is left to unknown-reference', goals: goal('a', 'z'), findings: [] },
  { name: 'a parent that names an objective is left to unknown-reference', goals: goal('a', 'grow-revenue'), findings: [] },
  {
    name: 'a goal that is its own parent',
    goals: goal('a', 'a'),
    findings: [['5:32', 'Goal `a` names itself as its `parent`; a goal cannot contribute to itself, so name the goal it contributes to or remove `parent`.']],
  },
  {
    name: 'a two-goal cycle is reported at both parents, each reading from itself',
    goals: goal('a', 'b') + goal('b', 'a'),
    findings: [
      ['5:32', 'Goal `a` is its own ancestor through the `parent` cycle `a` → `b` → `a`; change or remove one of these `parent` links.'],
      ['6:32', 'Goal `b` is its own ancestor through the `parent` cycle `b` → `a` → `b`; change or remove one of these `parent` links.'],
    ],
  },
  {
    name: 'a goal leading into a cycle is not part of it',
    goals: goal('d', 'a') + goal('a', 'b') + goal('b', 'c') + goal('c', 'a'),
    findings: [
      ['6:32', 'Goal `a` is its own ancestor through the `parent` cycle `a` → `b` → `c` → `a`; change or remove one of these `parent` links.'],
      ['7:32', 'Goal `b` is its own ancestor through the `parent` cycle `b` → `c` → `a` → `b`; change or remove one of these `parent` links.'],
      ['8:32', 'Goal `c` is its own ancestor through the `parent` cycle `c` → `a` → `b` → `c`; change or remove one of these `parent` links.'],
    ],
  },
  {
    name: 'two separate cycles are reported separately',
    goals: goal('a', 'a') + goal('b', 'c') + goal('c', 'b'),
    findings: [
      ['5:32', 'Goal `a` names itself as its `parent`; a goal cannot contribute to itself, so name the goal it contributes to or remove `parent`.'],
      ['6:32', 'Goal `b` is its own ancestor through the `parent` cycle `b` → `c` → `b`; change or remove one of these `parent` links.'],
      ['7:32', 'Goal `c` is its own ancestor through the `parent` cycle `c` → `b` → `c`; change or remove one of these `parent` links.'],
    ],
  },
  {
    // Links follow the first definition of a duplicated id (duplicate-id reports the second), so the
    // second `a` is not in the cycle even though its parent chain returns to the id `a`.
    name: 'a duplicate id follows the first definition',
    goals: goal('a', 'b') + goal('b', 'a') + goal('a', 'b'),
    findings: [
      ['5:32', 'Goal `a` is its own ancestor through the `parent` cycle `a` → `b` → `a`; change or remove one of these `parent` links.'],
      ['6:32', 'Goal `b` is its own ancestor through the `parent` cycle `b` → `a` → `b`; change or remove one of these `parent` links.'],
    ],
  },
];

testRule(
  RULE,
  cases.map(({ name, goals, findings }) => ({ name, text: HEAD + goals, findings })),
  {
    more() {
      it('finds a cycle across files and points each finding at the other links', () => {
        const findings = lintRule(RULE, {
          'company.goals.yaml': `goalpost: 1\ngoals:\n  - id: brand-2027\n    title: A\n    parent: ig-q1\n`,
          'marketing.goals.yaml': `goalpost: 1\ngoals:\n  - id: ig-q1\n    title: B\n    parent: brand-2027\n`,
        });
        assert.deepEqual(
          findings.map((finding) => [finding.file, at(finding), finding.message]),
          [
            [
              'company.goals.yaml',
              '5:13',
              'Goal `brand-2027` is its own ancestor through the `parent` cycle `brand-2027` → `ig-q1` → `brand-2027`; change or remove one of these `parent` links.',
            ],
            [
              'marketing.goals.yaml',
              '5:13',
              'Goal `ig-q1` is its own ancestor through the `parent` cycle `ig-q1` → `brand-2027` → `ig-q1`; change or remove one of these `parent` links.',
            ],
          ],
        );
        assert.deepEqual(findings[0].related, [
          {
            file: 'marketing.goals.yaml',
            range: { start: { line: 4, character: 12 }, end: { line: 4, character: 22 } },
            message: 'Goal `ig-q1` names `brand-2027` as its `parent` here.',
          },
        ]);
      });

      it('shortens the chain of a long cycle', () => {
        const ids = Array.from({ length: 12 }, (_, index) => `g${index + 1}`);
        const text = HEAD + ids.map((id, index) => goal(id, ids[(index + 1) % ids.length])).join('');
        const findings = lintRule(RULE, text);
        assert.equal(findings.length, 12);
        assert.equal(
          findings[0].message,
          'Goal `g1` is its own ancestor through the `parent` cycle `g1` → `g2` → `g3` → `g4` → `g5` → `g6` → `g7` → `g8` → … → `g1` (12 goals); change or remove one of these `parent` links.',
        );
        assert.equal(findings[0].related?.length, 8);
      });

      it('is an error by default', () => {
        assert.deepEqual(
          lintRule(RULE, HEAD + goal('a', 'a')).map((finding) => finding.severity),
          ['error'],
        );
      });
    },
  },
);
