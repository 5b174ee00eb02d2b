/**
 * Regression tests for findings that were wrong in ways a user could not see coming, each named after
 * what it guards. The oracle is always a whole, unchunked parse of the same text.
 */
import * as assert from 'node:assert/strict';
import { IncrementalParser } from '../../server/src/core/incremental';
import { lint } from '../../server/src/core/lint';
import { LineIndex } from '../../server/src/core/locate';
import type { Finding } from '../../server/src/core/types';
import { generateGoalsFile } from '../../bench/generate';
import { manyGoalsFile } from '../helpers/large';
import { TODAY } from '../helpers/lint';

const FILE = 'plan.goals.yaml';

/** Findings of a text through the editor's incremental parser (whatever it reused) and through a whole parse. */
function bothWays(parser: IncrementalParser, text: string): { incremental: Finding[]; whole: Finding[] } {
  const incremental = lint([{ file: FILE, text, parsed: parser.parse(text) }], { clockToday: TODAY }).findings;
  const whole = lint([{ file: FILE, text }], { clockToday: TODAY }).findings;
  return { incremental, whole };
}

const KPI = '  - id: k1\n    name: Website sessions\n    metric: sessions\n    supports: [o1]\n';
const GOAL =
  '  - id: g1\n    title: Grow Instagram sessions by 10% by June 30\n    department: d1\n    supports: [o1]\n    deadline: 2027-06-30\n    targets:\n      - { kpi: k1, baseline: 100, target: 110 }\n';
const HEAD = 'goalpost: 1\nobjectives:\n  - { id: o1, title: Grow revenue by 10% }\ndepartments:\n  - { id: d1, name: Marketing }\n';

describe('findings you can trust', () => {
  describe('schema errors belong to the section an item sits in, not to its text', () => {
    it('typing `goals:` above a goal-shaped item under `kpis:` moves its errors with it, and deleting it moves them back', () => {
      const parser = new IncrementalParser();
      const steps = [`${HEAD}kpis:\n${KPI}${GOAL}`, `${HEAD}kpis:\n${KPI}goals:\n${GOAL}`, `${HEAD}kpis:\n${KPI}${GOAL}`];
      for (const [index, text] of steps.entries()) {
        const { incremental, whole } = bothWays(parser, text);
        assert.deepEqual(incremental, whole, `step ${index + 1}`);
      }
      // The middle step is clean of schema errors; the others are not.
      assert.equal(lint([{ file: FILE, text: steps[1] }], { clockToday: TODAY }).findings.filter((finding) => finding.rule === 'schema').length, 0);
      assert.ok(lint([{ file: FILE, text: steps[0] }], { clockToday: TODAY }).findings.some((finding) => /Unknown key `title` in KPI/.test(finding.message)));
    });

    it('the same item text under `kpis:` and under `goals:` of one file gets each section its own errors', () => {
      const text = `${HEAD}kpis:\n${GOAL}goals:\n${GOAL}`;
      const { incremental, whole } = bothWays(new IncrementalParser(), text);
      assert.deepEqual(incremental, whole);
      assert.ok(
        whole.some((finding) => finding.rule === 'schema' && finding.range.start.line === 6),
        'the KPI section reports the goal-shaped item',
      );
    });
  });

  describe('no input size overflows the stack', function () {
    // Large inputs on purpose: spreading 130,000 items into arguments used to overflow the stack.
    this.timeout(180_000);

    it('50,000 goals with 150,000 references are checked', () => {
      const text = manyGoalsFile(50_000);
      const analysis = lint([{ file: FILE, text }], { clockToday: TODAY });
      assert.equal(analysis.workspace.goals.length, 50_000);
      assert.ok(analysis.workspace.references.length >= 150_000);
      assert.ok(!analysis.findings.some((finding) => finding.rule === 'internal-error'), 'no rule failed');
    });

    it('140,000 comments in one section, through the incremental parser', () => {
      const comments = Array.from({ length: 140_000 }, () => '  # note').join('\n');
      const text = `${HEAD}goals:\n${comments}\n  - { id: g1, title: T }\n`;
      const parsed = new IncrementalParser().parse(text);
      assert.equal(parsed.comments.length, 140_000);
      const analysis = lint([{ file: FILE, text, parsed }], { clockToday: TODAY });
      assert.ok(!analysis.findings.some((finding) => finding.rule === 'internal-error'), 'no rule failed');
    });
  });

  describe('positions point inside the text', () => {
    /** Every finding's range lies within its lines' content and splits no surrogate pair. */
    function assertInside(text: string): Finding[] {
      const findings = lint([{ file: FILE, text }], { clockToday: TODAY }).findings;
      const lines = text.split(/\r\n|\r|\n/);
      const index = new LineIndex(text);
      for (const finding of findings) {
        for (const end of [finding.range.start, finding.range.end]) {
          assert.ok(end.line < lines.length, `${finding.rule}: line ${end.line} exists`);
          assert.ok(end.character <= lines[end.line].length, `${finding.rule}: ${end.line}:${end.character} is within a ${lines[end.line].length}-unit line`);
          const offset = index.offset(end);
          const code = text.charCodeAt(offset);
          assert.ok(!(code >= 0xdc00 && code <= 0xdfff), `${finding.rule}: ${end.line}:${end.character} splits a surrogate pair`);
        }
      }
      return findings;
    }

    it('CRLF: no range ends between \\r and \\n', () => {
      assertInside('goalpost: 1\r\nkey: "x\r\nkey: "x\r\n');
    });

    it('a one-unit error span does not cut a surrogate pair', () => {
      assertInside('goalpost: 1\nkey: 😀: x\n');
      assertInside('goalpost: 1\ngoals:\n  - id: g1\n    title: 😀\u0000\n');
    });

    it('an unclosed quote is reported where the quote opens, not past the end of the file', () => {
      const findings = assertInside('goalpost: 1\ngoals:\n  - id: g1\n    title: "unclosed\n    deadline: 2027-01-01\n');
      const syntax = findings.filter((finding) => finding.rule === 'yaml-syntax');
      assert.deepEqual(
        syntax.map((finding) => finding.range.start),
        [{ line: 3, character: 11 }],
      );
    });
  });

  describe('one mistake, one finding', () => {
    it('an unquoted `: ` in a title gives the syntax error in plain words, and nothing built on the broken goal', () => {
      const text = `${HEAD}goals:\n  - id: g1\n    title: Grow sessions: by 10% on Instagram by June 30\n    department: d1\n    supports: [o1]\n    deadline: 2027-06-30\n    targets:\n      - { kpi: k1, baseline: 100, target: 110 }\n`;
      const findings = lint([{ file: FILE, text }], { clockToday: TODAY }).findings;
      assert.deepEqual(
        findings.map((finding) => `${finding.rule} ${finding.message}`),
        ['yaml-syntax A value containing `: ` must be quoted, or YAML reads it as a new key; write "Grow sessions: by 10% on Instagram by June 30".'],
      );
    });

    const table: { name: string; goal: string; rule: string }[] = [
      {
        name: 'a misspelt `deparment:` is not also missing-owner',
        goal: '    deparment: d1\n    supports: [o1]\n    deadline: 2027-06-30\n',
        rule: 'missing-owner',
      },
      {
        name: '`supports` as a string is not also smart-relevant',
        goal: '    department: d1\n    supports: o1\n    deadline: 2027-06-30\n',
        rule: 'smart-relevant',
      },
      {
        name: 'a misspelt `deadine:` is not also smart-time-bound',
        goal: '    department: d1\n    supports: [o1]\n    deadine: 2027-06-30\n',
        rule: 'smart-time-bound',
      },
    ];
    for (const { name, goal, rule } of table) {
      it(name, () => {
        const text = `${HEAD}kpis:\n${KPI}goals:\n  - id: g1\n    title: Grow Instagram sessions by 10% by June 30\n${goal}    targets:\n      - { kpi: k1, baseline: 100, target: 110 }\n`;
        const rules = lint([{ file: FILE, text }], { clockToday: TODAY }).findings.map((finding) => finding.rule);
        assert.deepEqual(rules, ['schema']);
        assert.ok(!rules.includes(rule));
      });
    }

    it('a bracket typed at the top of a large file is one finding at the bracket, the same from any stack depth', function () {
      this.timeout(60_000);
      // The parser's recovery nests one mapping per line inside the unclosed `[`; composing that overflowed
      // the stack at a point that depended on the caller's own depth, so two parses of one text disagreed.
      const text = `[${generateGoalsFile(600)}`;
      const atDepth = (depth: number): Finding[] => (depth === 0 ? lint([{ file: FILE, text }], { clockToday: TODAY }).findings : atDepth(depth - 1));
      const shallow = atDepth(0);
      assert.deepEqual(atDepth(2_000), shallow);
      assert.deepEqual(bothWays(new IncrementalParser(), text).incremental, shallow);
      assert.deepEqual(
        shallow.map((finding) => [finding.rule, finding.range.start.line, finding.range.start.character, finding.message]),
        [
          [
            'yaml-syntax',
            0,
            0,
            'This `[` opens a flow sequence that is never closed, so YAML reads the lines after it into it; add the closing `]` or remove the `[`.',
          ],
        ],
      );
    });

    it("`target: 4%` is the schema's finding alone, not also smart-measurable", () => {
      const text = `${HEAD}kpis:\n${KPI}goals:\n  - id: g1\n    title: Grow Instagram sessions by 10% by June 30\n    department: d1\n    supports: [o1]\n    deadline: 2027-06-30\n    targets:\n      - { kpi: k1, baseline: 100, target: 4% }\n`;
      assert.deepEqual(
        lint([{ file: FILE, text }], { clockToday: TODAY }).findings.map((finding) => finding.rule),
        ['schema'],
      );
    });
  });

  describe('YAML merge keys', () => {
    const text = `${HEAD}kpis:\n${KPI}x-defaults: &defaults\n  department: d1\n  supports: [o1]\n  start: 2027-01-01\n  deadline: 2027-12-31\n  review: quarterly\n  last_reviewed: 2027-04-10\ngoals:\n  - <<: *defaults\n    id: g1\n    title: Grow Instagram sessions by 10% by December 31\n    targets:\n      - { kpi: k1, baseline: 100, target: 110, current: 104 }\n  - <<: *defaults\n    id: g2\n    title: Grow Facebook sessions by 10% by December 31\n    deadline: 2027-06-30\n    targets:\n      - { kpi: k1, baseline: 100, target: 110, current: 107 }\n`;

    it('`<<: *defaults` merges shared keys into an item, and an `x-` key holds the anchor', () => {
      assert.deepEqual(
        lint([{ file: FILE, text }], { clockToday: TODAY }).findings.map((finding) => `${finding.rule}: ${finding.message}`),
        [],
      );
    });

    it("an item's own keys win over merged ones, and the incremental parse agrees", () => {
      const parser = new IncrementalParser();
      const parsed = parser.parse(text);
      const goals = (parsed.value as { goals: { id: string; deadline: string }[] }).goals;
      assert.deepEqual(
        goals.map((goal) => `${goal.id} ${goal.deadline}`),
        ['g1 2027-12-31', 'g2 2027-06-30'],
      );
      const { incremental, whole } = bothWays(new IncrementalParser(), text);
      assert.deepEqual(incremental, whole);
    });
  });
});
