import * as assert from 'node:assert/strict';
import { lintRule } from '../helpers/lint';
import { testRule } from '../helpers/ruleTests';

const RULE = 'unknown-rule-in-comment';
const GOAL = 'goalpost: 1\ngoals:\n  - id: g1\n    title: Grow Instagram sessions by 10% by June 30\n';

const cases: { name: string; comment: string; findings: [string, string][] }[] = [
  { name: 'known rules are fine', comment: '# goalpost-disable-next-line smart-specific, missing-owner', findings: [] },
  { name: 'no rules at all means every rule', comment: '# goalpost-disable-file', findings: [] },
  { name: 'the reason after -- is not a rule', comment: '# goalpost-disable-file missing-owner -- not-a-rule either', findings: [] },
  {
    name: 'a misspelt rule, with the closest real one',
    comment: '# goalpost-disable-file smart-specfic',
    findings: [['5:25', 'The comment names the rule `smart-specfic`, which does not exist, so it disables nothing; did you mean `smart-specific`?']],
  },
  {
    name: 'each unknown rule of a list, at its place',
    comment: '# goalpost-disable-line missing-owner,nope  zilch',
    findings: [
      ['5:39', 'The comment names the rule `nope`, which does not exist, so it disables nothing.'],
      ['5:45', 'The comment names the rule `zilch`, which does not exist, so it disables nothing.'],
    ],
  },
  { name: 'comments that are not directives are left alone', comment: '# goalpost-disabled smart-specfic', findings: [] },
];

testRule(
  RULE,
  cases.map(({ name, comment, findings }) => ({ name, text: `${GOAL}${comment}\n`, findings })),
  {
    more() {
      it('offers the closest rule as the fix', () => {
        const [finding] = lintRule(RULE, `${GOAL}# goalpost-disable-file smart-specfic\n`);
        assert.deepEqual(finding.suggestions, ['smart-specific']);
      });
    },
  },
);
