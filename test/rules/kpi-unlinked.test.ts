import * as assert from 'node:assert/strict';
import { lintRule } from '../helpers/lint';
import { testRule, type RuleCase } from '../helpers/ruleTests';

const RULE = 'kpi-unlinked';
const HEAD = 'goalpost: 1\nobjectives:\n  - { id: grow-revenue, title: Grow online revenue by 15% }\n';

/** The KPI `k1` on line 5 (its id value at column 11), then the goals from line 7. */
function text(kpiSupports: string, goals: string[] = []): string {
  const kpi = `  - { id: k1, name: Website sessions, metric: sessions${kpiSupports} }\n`;
  return `${HEAD}kpis:\n${kpi}goals:\n${goals.map((goal) => `  - ${goal}\n`).join('')}`;
}

const cases: RuleCase[] = [
  { name: 'a KPI that supports an objective is linked', text: text(', supports: [grow-revenue]'), findings: [] },
  {
    name: 'a KPI targeted by a goal that supports an objective is linked through it',
    text: text('', ['{ id: g1, title: A, supports: [grow-revenue], targets: [{ kpi: k1 }] }']),
    findings: [],
  },
  {
    name: 'one linked goal among several is enough',
    text: text('', ['{ id: g1, title: A, targets: [{ kpi: k1 }] }', '{ id: g2, title: B, supports: [grow-revenue], targets: [{ kpi: k1 }] }']),
    findings: [],
  },
  {
    name: 'a KPI with no supports that no goal targets',
    text: text(''),
    findings: [
      [
        '5:11',
        'KPI `k1` supports no business objective, directly or through a goal: it has no `supports`, and no goal targets it; add the objective it moves to its `supports`.',
      ],
    ],
  },
  {
    name: 'an empty supports list counts as none',
    text: text(', supports: []'),
    findings: [
      [
        '5:11',
        'KPI `k1` supports no business objective, directly or through a goal: it has no `supports`, and no goal targets it; add the objective it moves to its `supports`.',
      ],
    ],
  },
  {
    name: 'supports naming only unknown ids links nothing',
    text: text(', supports: [grow-revenu]'),
    findings: [
      [
        '5:11',
        'KPI `k1` supports no business objective, directly or through a goal: its `supports` names no existing objective, and no goal targets it; add the objective it moves to its `supports`.',
      ],
    ],
  },
  {
    name: 'supports naming a goal rather than an objective links nothing',
    text: text(', supports: [g1]', ['{ id: g1, title: A }']),
    findings: [
      [
        '5:11',
        'KPI `k1` supports no business objective, directly or through a goal: its `supports` names no existing objective, and no goal targets it; add the objective it moves to its `supports`.',
      ],
    ],
  },
  {
    name: 'the goals that target it are named when none of them supports an objective',
    text: text('', ['{ id: g1, title: A, targets: [{ kpi: k1 }] }', '{ id: g2, title: B, supports: [grow-revenu], targets: [{ kpi: k1 }, { kpi: k1 }] }']),
    findings: [
      [
        '5:11',
        'KPI `k1` supports no business objective, directly or through a goal: it has no `supports`, and the goals that target it (`g1` and `g2`) support no existing objective either; add the objective it moves to its `supports`.',
      ],
    ],
  },
];

testRule(RULE, cases, {
  more() {
    it('names the one goal that targets it in the singular', () => {
      assert.deepEqual(
        lintRule(RULE, text(', supports: [grow-revenu]', ['{ id: g1, title: A, targets: [{ kpi: k1 }] }'])).map((finding) => finding.message),
        [
          'KPI `k1` supports no business objective, directly or through a goal: its `supports` names no existing objective, and the goal that targets it (`g1`) supports no existing objective either; add the objective it moves to its `supports`.',
        ],
      );
    });

    it('follows links across files', () => {
      const files = {
        'company.goals.yaml': HEAD,
        'kpis.goals.yaml': 'goalpost: 1\nkpis:\n  - { id: k1, name: Website sessions, metric: sessions }\n',
        'marketing.goals.yaml': 'goalpost: 1\ngoals:\n  - { id: g1, title: A, supports: [grow-revenue], targets: [{ kpi: k1 }] }\n',
      };
      assert.deepEqual(lintRule(RULE, files), []);
    });

    it('is a warning by default', () => {
      assert.deepEqual(
        lintRule(RULE, text('')).map((finding) => finding.severity),
        ['warning'],
      );
    });
  },
});
