import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { checkFixtureFolder } from '../helpers/fixtures';
import { at, lintRule } from '../helpers/lint';

const RULE = 'smart-relevant';
const HEAD = 'goalpost: 1\nobjectives:\n  - { id: grow-online-revenue, title: Grow online revenue by 15% }\n';
const MESSAGE = 'Goal `g1` supports no business objective; add `supports` with the ids of the objectives it serves.';

describe(RULE, () => {
  // The goal's id is on line 5.
  const cases: { name: string; goal: string; findings: [string, string][] }[] = [
    { name: 'a goal that supports an objective is fine', goal: 'supports: [grow-online-revenue]', findings: [] },
    { name: 'an unknown objective is left to unknown-reference', goal: 'supports: [grow-offline-revenue]', findings: [] },
    { name: 'no supports', goal: 'department: marketing', findings: [['5:9', MESSAGE]] },
    { name: 'an empty supports list', goal: 'supports: []', findings: [['5:9', MESSAGE]] },
    { name: 'a supports key without a value', goal: 'supports:', findings: [['5:9', MESSAGE]] },
  ];
  for (const { name, goal, findings } of cases) {
    it(name, () => {
      const text = `${HEAD}goals:\n  - id: g1\n    title: Grow Instagram sessions by 20%\n    ${goal}\n`;
      assert.deepEqual(lintRule(RULE, text).map((finding) => [at(finding), finding.message]), findings);
    });
  }

  it('highlights the goal id', () => {
    const [finding] = lintRule(RULE, `${HEAD}goals:\n  - id: g1\n    title: x\n`);
    assert.deepEqual(finding.range, { start: { line: 4, character: 8 }, end: { line: 4, character: 10 } });
  });

  it('names a goal without an id by its position', () => {
    const [finding] = lintRule(RULE, `${HEAD}goals:\n  - title: Grow Instagram sessions by 20%\n`);
    assert.equal(finding.message, 'Goal 1 supports no business objective; add `supports` with the ids of the objectives it serves.');
  });

  it('matches its fixture', () => checkFixtureFolder(path.join(__dirname, '../fixtures/rules', RULE), [RULE]));
});
