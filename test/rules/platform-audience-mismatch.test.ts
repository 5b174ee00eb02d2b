import * as assert from 'node:assert/strict';
import { at, lintRule } from '../helpers/lint';
import { testRule, type RuleCase } from '../helpers/ruleTests';

const RULE = 'platform-audience-mismatch';
const HEAD = 'goalpost: 1\naudiences:\n  - { id: young-pros, platforms: [linkedin, instagram] }\n  - { id: unplaced, platforms: [] }\ngoals:\n';

/** A goal on line 6; its `platform` value starts at column 57 after `audience: young-pros`. */
function goal(fields: string): string {
  return `${HEAD}  - { id: g1, title: A, ${fields} }\n`;
}

const cases: RuleCase[] = [
  { name: 'a platform the audience is on', text: goal('audience: young-pros, platform: linkedin'), findings: [] },
  { name: 'no platform', text: goal('audience: young-pros'), findings: [] },
  { name: 'no audience', text: goal('platform: tiktok'), findings: [] },
  { name: 'an unknown audience is left to unknown-reference', text: goal('audience: young-prof, platform: tiktok'), findings: [] },
  { name: 'platforms compare case-insensitively', text: goal('audience: young-pros, platform: Instagram'), findings: [] },
  {
    name: 'a platform the audience is not on',
    text: goal('audience: young-pros, platform: tiktok'),
    findings: [
      [
        '6:57',
        'Goal `g1` is on `tiktok`, but its audience `young-pros` is on `linkedin` and `instagram`; pursue the goal where the audience is, or address an audience that uses `tiktok`.',
      ],
    ],
  },
  {
    name: 'an audience that lists no platforms',
    text: goal('audience: unplaced, platform: tiktok'),
    findings: [['6:55', 'Goal `g1` is on `tiktok`, but its audience `unplaced` lists no platforms; add the platforms where that audience actually is.']],
  },
];

testRule(RULE, cases, {
  more() {
    it("points at the audience's platforms in another file", () => {
      const [finding] = lintRule(RULE, {
        'audiences.goals.yaml': HEAD,
        'marketing.goals.yaml': 'goalpost: 1\ngoals:\n  - id: g1\n    title: A\n    audience: young-pros\n    platform: x\n',
      });
      assert.equal(finding.file, 'marketing.goals.yaml');
      assert.equal(at(finding), '6:15');
      assert.deepEqual(finding.related, [
        {
          file: 'audiences.goals.yaml',
          range: { start: { line: 2, character: 33 }, end: { line: 2, character: 54 } },
          message: 'Audience `young-pros` lists its platforms here.',
        },
      ]);
    });

    it('is a warning by default', () => {
      assert.deepEqual(
        lintRule(RULE, goal('audience: young-pros, platform: tiktok')).map((finding) => finding.severity),
        ['warning'],
      );
    });
  },
});
