import * as assert from 'node:assert/strict';
import { at, lintRule } from '../helpers/lint';
import { testRule } from '../helpers/ruleTests';

const RULE = 'duplicate-id';

const cases: { name: string; files: Record<string, string>; findings: string[] }[] = [
  {
    name: 'unique ids are fine',
    files: {
      'a.goals.yaml':
        'goalpost: 1\nobjectives:\n  - { id: grow-revenue, title: Grow revenue by 15% }\ngoals:\n  - { id: ig-sessions, title: Grow Instagram sessions by 20% }\n',
    },
    findings: [],
  },
  {
    name: 'two goals with one id in one file, both reported at their id',
    files: {
      'a.goals.yaml':
        'goalpost: 1\ngoals:\n  - id: ig-sessions\n    title: Grow Instagram sessions by 20%\n  - id: ig-sessions\n    title: Grow Instagram sessions by 30%\n',
    },
    findings: [
      'a.goals.yaml 3:9 The id `ig-sessions` is also used by another goal; ids must be unique across the workspace.',
      'a.goals.yaml 5:9 The id `ig-sessions` is also used by another goal; ids must be unique across the workspace.',
    ],
  },
  {
    name: 'an objective and a goal in two files share an id',
    files: {
      'company.goals.yaml': 'goalpost: 1\nobjectives:\n  - { id: grow-revenue, title: Grow revenue by 15% }\n',
      'marketing.goals.yaml': 'goalpost: 1\ngoals:\n  - { id: grow-revenue, title: Grow Instagram sessions by 20% }\n',
    },
    findings: [
      'company.goals.yaml 3:11 The id `grow-revenue` is also used by a goal; ids must be unique across the workspace.',
      'marketing.goals.yaml 3:11 The id `grow-revenue` is also used by an objective; ids must be unique across the workspace.',
    ],
  },
  {
    name: 'three definitions across three files are counted by kind',
    files: {
      'a.goals.yaml': 'goalpost: 1\nkpis:\n  - { id: sessions, name: Sessions, metric: sessions }\n',
      'b.goals.yaml': 'goalpost: 1\nkpis:\n  - { id: sessions, name: Site sessions, metric: sessions }\n',
      'c.goals.yaml': 'goalpost: 1\ndepartments:\n  - { id: sessions, name: Sessions team }\n',
    },
    findings: [
      'a.goals.yaml 3:11 The id `sessions` is also used by another KPI and a department; ids must be unique across the workspace.',
      'b.goals.yaml 3:11 The id `sessions` is also used by another KPI and a department; ids must be unique across the workspace.',
      'c.goals.yaml 3:11 The id `sessions` is also used by 2 KPIs; ids must be unique across the workspace.',
    ],
  },
  {
    name: 'ids differing in case are different ids',
    files: { 'a.goals.yaml': 'goalpost: 1\ndepartments:\n  - { id: sales, name: Sales }\n  - { id: Sales, name: Sales EMEA }\n' },
    findings: [],
  },
  {
    name: 'a numeric id and the same id quoted are one id',
    files: { 'a.goals.yaml': 'goalpost: 1\ngoals:\n  - { id: 2027, title: Grow sessions by 10% }\n  - { id: "2027", title: Grow leads by 10% }\n' },
    findings: [
      'a.goals.yaml 3:11 The id `2027` is also used by another goal; ids must be unique across the workspace.',
      'a.goals.yaml 4:11 The id `2027` is also used by another goal; ids must be unique across the workspace.',
    ],
  },
  {
    name: 'items without an id are not duplicates of each other',
    files: { 'a.goals.yaml': 'goalpost: 1\ngoals:\n  - { title: Grow sessions by 10% }\n  - { title: Grow leads by 10% }\n' },
    findings: [],
  },
];

testRule(
  RULE,
  cases.map(({ name, files, findings }) => ({ name, text: files, findings })),
  {
    show: (finding) => `${finding.file} ${at(finding)} ${finding.message}`,
    more() {
      it('points each finding at the other definitions', () => {
        const findings = lintRule(RULE, {
          'company.goals.yaml': 'goalpost: 1\nobjectives:\n  - { id: grow-revenue, title: Grow revenue by 15% }\n',
          'marketing.goals.yaml': 'goalpost: 1\ngoals:\n  - id: grow-revenue\n    title: Grow Instagram sessions by 20%\n',
        });
        assert.deepEqual(findings[0].related, [
          {
            file: 'marketing.goals.yaml',
            range: { start: { line: 2, character: 8 }, end: { line: 2, character: 20 } },
            message: 'Goal `grow-revenue` is also defined here.',
          },
        ]);
        assert.deepEqual(findings[1].related, [
          {
            file: 'company.goals.yaml',
            range: { start: { line: 2, character: 10 }, end: { line: 2, character: 22 } },
            message: 'Objective `grow-revenue` is also defined here.',
          },
        ]);
      });

      it('spans exactly the id value', () => {
        const [finding] = lintRule(RULE, 'goalpost: 1\ngoals:\n  - id: g1\n    title: a\n  - id: g1\n    title: b\n');
        assert.deepEqual(finding.range, { start: { line: 2, character: 8 }, end: { line: 2, character: 10 } });
        assert.equal(finding.severity, 'error');
      });
    },
  },
);
