import * as assert from 'node:assert/strict';
import { configOf, lintRule } from '../helpers/lint';
import { testRule } from '../helpers/ruleTests';

const RULE = 'smart-specific';
const HEAD =
  'goalpost: 1\nkpis:\n  - { id: li-demo-requests, name: Demo requests from LinkedIn, metric: demo_requests }\n  - { id: engagement, name: Engagement rate on social media, metric: engagement_rate }\n';

/** A workspace with one goal titled `title`, the title on line 7. */
function goalWith(title: string, extra = ''): string {
  return `${HEAD}goals:\n  - id: g1\n    title: ${title}\n${extra}`;
}

function vague(title: string): string {
  return `Goal \`g1\` has a vague title "${title}": it names no number, metric or platform; say what should change, where and by how much (e.g. "Increase website sessions from Instagram by 20% by March 31").`;
}

const cases: { name: string; title: string; extra?: string; vague: boolean }[] = [
  { name: 'generic wording is vague', title: 'Improve social media presence', vague: true },
  { name: '"increase engagement" is vague, even with an engagement KPI', title: 'Increase engagement', vague: true },
  { name: '"boost awareness" is vague', title: 'Boost awareness', vague: true },
  { name: 'a KPI name word that is generic does not count', title: 'Grow our community on social media', vague: true },
  { name: 'a number is specific', title: 'Improve social media presence by 10%', vague: false },
  { name: 'a quarter with a digit is specific', title: 'Boost awareness in Q3', vague: false },
  { name: 'a platform is specific', title: 'Improve our Instagram presence', vague: false },
  { name: '"x" as a whole word is a platform', title: 'Be more present on X', vague: false },
  { name: '"x" inside a word is not', title: 'Boost brand experience', vague: true },
  { name: "the goal's own platform is specific", title: 'Grow our Strava club', extra: '    platform: strava\n', vague: false },
  { name: 'a built-in metric term is specific', title: 'Generate more leads', vague: false },
  { name: 'a metric term matches singular or plural', title: 'Increase the average order value', vague: false },
  { name: 'a hyphenated metric matches without the hyphen', title: 'More newsletter sign ups', vague: false },
  { name: 'a multi-word metric matches as a phrase', title: 'Cut the response time of support', vague: false },
  { name: 'a word of a KPI metric is specific', title: 'More demo requests', vague: false },
  { name: 'a KPI metric that is a phrase is specific', title: 'Improve the engagement rate', vague: false },
];

testRule(
  RULE,
  cases.map(({ name, title, extra, vague: isVague }) => ({ name, text: goalWith(title, extra), findings: isVague ? [['7:12', vague(title)]] : [] })),
  {
    more() {
      it('highlights the whole title value', () => {
        const [finding] = lintRule(RULE, goalWith('Boost awareness'));
        assert.deepEqual(finding.range, { start: { line: 6, character: 11 }, end: { line: 6, character: 26 } });
      });

      it('leaves a goal without a title to the schema rule', () => {
        assert.deepEqual(lintRule(RULE, `${HEAD}goals:\n  - id: g1\n    department: marketing\n`), []);
      });

      it('counts KPI words from other files of the workspace', () => {
        const files = {
          'company.goals.yaml': 'goalpost: 1\nkpis:\n  - { id: k1, name: Store footfall, metric: footfall }\n',
          'marketing.goals.yaml': 'goalpost: 1\ngoals:\n  - id: g1\n    title: Drive footfall\n',
        };
        assert.deepEqual(lintRule(RULE, files), []);
      });

      describe('option terms', () => {
        it('adds words that make a title specific', () => {
          const config = configOf('rules:\n  smart-specific:\n    options:\n      terms: [awareness]\n');
          assert.deepEqual(lintRule(RULE, goalWith('Boost awareness'), { config }), []);
        });
        it('adds phrases, matched as whole words', () => {
          const config = configOf('rules:\n  smart-specific:\n    options:\n      terms: [share of voice]\n');
          assert.deepEqual(lintRule(RULE, goalWith('Win share of voice'), { config }), []);
          assert.equal(lintRule(RULE, goalWith('Share our voice'), { config }).length, 1);
        });
        it('rejects a term that is not a string', () => {
          assert.throws(() => configOf('rules:\n  smart-specific:\n    options:\n      terms: [1]\n'));
        });
      });
    },
  },
);
