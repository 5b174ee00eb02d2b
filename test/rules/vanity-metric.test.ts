import * as assert from 'node:assert/strict';
import { at, configOf, lintRule } from '../helpers/lint';
import { testRule } from '../helpers/ruleTests';

const RULE = 'vanity-metric';
const HEAD = [
  'goalpost: 1',
  'kpis:',
  '  - { id: followers, name: Instagram followers, metric: followers }',
  '  - { id: likes, name: Page likes, metric: page_likes }',
  '  - { id: video-views, name: Reel views, metric: Video-Views }',
  '  - { id: reactions, name: Reactions, metric: reaction }',
  '  - { id: sessions, name: Website sessions, metric: sessions }',
  '  - { id: mentions, name: Brand mentions, metric: mentions }',
  '  - { id: no-metric, name: Something }',
  '',
].join('\n');

function message(metrics: string): string {
  return `Goal \`g1\` measures only vanity metrics (${metrics}); add a target on an outcome KPI such as sessions, leads or sales.`;
}

/** A goal (id on line 11) with a target on each KPI. */
function goal(...kpis: string[]): string {
  const targets = kpis.map((kpi) => `\n      - { kpi: ${kpi}, target: 100 }`).join('');
  return `${HEAD}goals:\n  - id: g1\n    title: Grow Instagram followers by 20%\n    targets:${targets || ' []'}\n`;
}

const cases: { name: string; kpis: string[]; metrics?: string }[] = [
  { name: 'followers only', kpis: ['followers'], metrics: 'followers' },
  { name: 'a word of the metric (page_likes)', kpis: ['likes'], metrics: 'page_likes' },
  { name: 'case and separators do not matter', kpis: ['video-views'], metrics: 'Video-Views' },
  { name: 'a singular metric matches a plural entry', kpis: ['reactions'], metrics: 'reaction' },
  { name: 'several vanity KPIs are all named once', kpis: ['followers', 'likes', 'followers'], metrics: 'followers, page_likes' },
  { name: 'one outcome KPI is enough', kpis: ['followers', 'sessions'] },
  { name: 'a metric not in the list is no vanity metric', kpis: ['mentions'] },
  { name: 'a KPI without a metric is not judged', kpis: ['followers', 'no-metric'] },
  { name: 'an unknown KPI is left to unknown-reference', kpis: ['followers', 'folowers'] },
  { name: 'a goal without targets is smart-measurable’s business', kpis: [] },
];

testRule(
  RULE,
  cases.map(({ name, kpis, metrics }) => ({ name, text: goal(...kpis), findings: metrics ? [['11:9', message(metrics)]] : [] })),
  {
    more() {
      it('points at the KPIs’ metrics as related locations', () => {
        const [finding] = lintRule(RULE, goal('followers', 'likes'));
        assert.deepEqual(
          finding.related?.map((related) => [related.range.start.line + 1, related.range.start.character + 1, related.message]),
          [
            [3, 57, 'KPI `followers` measures `followers`, a vanity metric.'],
            [4, 44, 'KPI `likes` measures `page_likes`, a vanity metric.'],
          ],
        );
      });

      it('finds KPIs in other files', () => {
        const files = { 'kpis.goals.yaml': HEAD, 'goals.goals.yaml': 'goalpost: 1\ngoals:\n  - { id: g1, title: x, targets: [{ kpi: followers }] }\n' };
        assert.deepEqual(
          lintRule(RULE, files).map((finding) => `${finding.file} ${at(finding)}`),
          ['goals.goals.yaml 3:11'],
        );
      });

      describe('option metrics', () => {
        it('replaces the list', () => {
          const config = configOf('rules:\n  vanity-metric:\n    options:\n      metrics: [mentions]\n');
          assert.deepEqual(lintRule(RULE, goal('followers'), { config }), []);
          assert.deepEqual(
            lintRule(RULE, goal('mentions'), { config }).map((finding) => finding.message),
            [message('mentions')],
          );
        });
        it('an empty list turns the rule off in effect', () => {
          const config = configOf('rules:\n  vanity-metric:\n    options:\n      metrics: []\n');
          assert.deepEqual(lintRule(RULE, goal('followers'), { config }), []);
        });
      });
    },
  },
);
