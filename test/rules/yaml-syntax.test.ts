import * as assert from 'node:assert/strict';
import { at, lintRule } from '../helpers/lint';
import { testRule, type RuleCase } from '../helpers/ruleTests';

const RULE = 'yaml-syntax';

const cases: RuleCase[] = [
  { name: 'valid YAML is fine', text: 'goalpost: 1\ngoals:\n  - { id: g1, title: Grow Instagram sessions by 10% }\n', findings: [] },
  { name: 'an empty file is valid YAML', text: '', findings: [] },
  {
    name: 'an unclosed flow list is reported at its bracket, once',
    text: 'goalpost: 1\ngoals:\n  - id: g1\n    supports: [grow-revenue\n    title: x\n',
    findings: ['4:15 This `[` opens a flow sequence that is never closed, so YAML reads the lines after it into it; add the closing `]` or remove the `[`.'],
  },
  {
    name: 'an unclosed quote',
    text: 'goalpost: 1\ngoals:\n  - id: g1\n    title: "Grow\n',
    findings: ['4:12 This value opens a quote (") that is never closed, so the lines after it are read into the value; add the closing ".'],
  },
  { name: 'a tab used as indentation', text: 'goalpost: 1\ngoals:\n\t- id: g1\n', findings: ['3:1 Tabs are not allowed as indentation.'] },
  {
    name: 'a value that holds ": " again',
    text: 'goalpost: 1\ngoals:\n  - id: g1\n    title: Goal: grow sales\n',
    findings: ['4:12 A value containing `: ` must be quoted, or YAML reads it as a new key; write "Goal: grow sales".'],
  },
  {
    name: 'a repeated key names the key',
    text: 'goalpost: 1\ngoals:\n  - id: g1\n    deadline: 2027-03-31\n    deadline: 2027-06-30\n',
    findings: ['5:5 The key `deadline` is repeated in this mapping; each key may appear only once.'],
  },
  {
    name: 'a repeated key in a flow mapping',
    text: 'goalpost: 1\ngoals:\n  - { id: g1, id: g2 }\n',
    findings: ['3:15 The key `id` is repeated in this mapping; each key may appear only once.'],
  },
  {
    name: 'a second document is ignored and said so',
    text: 'goalpost: 1\n---\ngoalpost: 1\n',
    findings: ['2:1 A goals file holds one YAML document; document 2 is ignored.'],
  },
  {
    name: 'an alias with no anchor',
    text: 'goalpost: 1\ngoals:\n  - *ig-goal\n',
    findings: ['3:5 The alias `*ig-goal` refers to no anchor `&ig-goal` set before it.'],
  },
  { name: 'NUL bytes mean the file is not text', text: 'goalpost: 1\u0000\n', findings: ['1:1 The file is not text: it contains NUL bytes.'] },
];

testRule(RULE, cases, {
  show: (finding) => `${at(finding)} ${finding.message}`,
  more() {
    it('reports every parser error, not only the first', () => {
      const text = 'goalpost: 1\ngoals:\n\t- id: g1\n  - id: g2\n    title: a: b\n';
      assert.ok(lintRule(RULE, text).length >= 2);
    });

    it('is an error by default and spans the repeated key', () => {
      const [finding] = lintRule(RULE, 'goalpost: 1\ngoalpost: 1\n');
      assert.equal(finding.severity, 'error');
      assert.deepEqual(finding.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 8 } });
    });
  },
});
