import * as assert from 'node:assert/strict';
import { lint } from '../../server/src/core/lint';
import { rulesById } from '../../server/src/core/rules';

const RULES = [rulesById.get('duplicate-id')!, rulesById.get('unknown-reference')!];

/** "line rule" (1-based lines) of the duplicate-id and unknown-reference findings of in-memory files. */
function findings(files: Record<string, string> | string): string[] {
  const map = typeof files === 'string' ? { 'test.goals.yaml': files } : files;
  const sources = Object.entries(map).map(([file, text]) => ({ file, text }));
  // One file: "line rule"; several: "file line rule".
  const name = (file: string) => (typeof files === 'string' ? '' : `${file} `);
  return lint(sources, { clockToday: '2027-05-15', rules: RULES }).findings.map(
    (finding) => `${name(finding.file)}${finding.range.start.line + 1} ${finding.rule}`,
  );
}

/**
 * Lines 3-8: goal `g1` (duplicate-id at line 3) with an unknown department (line 5) and an unknown objective
 * (line 6); goal `g1` again (duplicate-id at line 7) with an unknown parent (line 8).
 */
function file(comments: Record<number, string> = {}): string {
  const lines = [
    'goalpost: 1',
    'goals:',
    '  - id: g1',
    '    title: Grow Instagram sessions by 20%',
    '    department: marketing',
    '    supports: [grow-revenue]',
    '  - id: g1',
    '    parent: g0',
  ];
  // Comments are keyed by the line they go before (1-based); 0 appends them at the end of the file.
  const out: string[] = [];
  lines.forEach((line, index) => {
    if (comments[index + 1] !== undefined) out.push(comments[index + 1]);
    out.push(line);
  });
  if (comments[0] !== undefined) out.push(comments[0]);
  return `${out.join('\n')}\n`;
}

const ALL = ['3 duplicate-id', '5 unknown-reference', '6 unknown-reference', '7 duplicate-id', '8 unknown-reference'];

/** ALL shifted by the number of comment lines inserted before each line. */
function shifted(expected: string[], inserted: number[]): string[] {
  return expected.map((entry) => {
    const [line, rule] = entry.split(' ');
    const shift = inserted.filter((before) => before <= Number(line)).length;
    return `${Number(line) + shift} ${rule}`;
  });
}

describe('suppression comments', () => {
  it('reports everything without directives', () => {
    assert.deepEqual(findings(file()), ALL);
  });

  describe('disable-next-line', () => {
    it('suppresses one rule on the next line only', () => {
      const text = file({ 5: '    # goalpost-disable-next-line unknown-reference' });
      assert.deepEqual(findings(text), shifted(['3 duplicate-id', '6 unknown-reference', '7 duplicate-id', '8 unknown-reference'], [5]));
    });

    it('leaves other rules on that line alone', () => {
      const text = file({ 5: '    # goalpost-disable-next-line duplicate-id' });
      assert.deepEqual(findings(text), shifted(ALL, [5]));
    });

    it('takes several rule ids, separated by spaces', () => {
      const text = file({ 7: '  # goalpost-disable-next-line duplicate-id unknown-reference' });
      assert.deepEqual(findings(text), shifted(['3 duplicate-id', '5 unknown-reference', '6 unknown-reference'], [7]));
    });

    it('takes several rule ids, separated by commas', () => {
      const text = file({
        3: '  # goalpost-disable-next-line unknown-reference,duplicate-id',
        7: '  # goalpost-disable-next-line duplicate-id, unknown-reference',
      });
      assert.deepEqual(findings(text), []);
    });

    it("right above an item's first line, covers every finding reported on that item", () => {
      // Line 8's unknown parent belongs to the second goal, whose first line (7) the comment is above.
      const text = file({ 7: '  # goalpost-disable-next-line unknown-reference' });
      assert.deepEqual(findings(text), shifted(['3 duplicate-id', '5 unknown-reference', '6 unknown-reference', '7 duplicate-id'], [7]));
    });

    it('inside an item, covers only the next line, not the rest of the item', () => {
      const text = file({ 4: '    # goalpost-disable-next-line unknown-reference' });
      assert.deepEqual(findings(text), shifted(ALL, [4]));
    });

    it('suppresses every rule without rule ids', () => {
      const text = file({ 6: '    # goalpost-disable-next-line' });
      assert.deepEqual(findings(text), shifted(['3 duplicate-id', '5 unknown-reference', '7 duplicate-id', '8 unknown-reference'], [6]));
    });

    it('ignores the reason after `--`', () => {
      const text = file({ 6: '    # goalpost-disable-next-line unknown-reference -- grow-revenue moves to the company file in Q3' });
      assert.deepEqual(findings(text), shifted(['3 duplicate-id', '5 unknown-reference', '7 duplicate-id', '8 unknown-reference'], [6]));
    });

    it('does not read the words of a reason as rule ids', () => {
      // "duplicate-id" in the reason must not widen the directive.
      const text = file({ 7: '  # goalpost-disable-next-line unknown-reference -- not a duplicate-id problem' });
      assert.deepEqual(findings(text), shifted(['3 duplicate-id', '5 unknown-reference', '6 unknown-reference', '7 duplicate-id'], [7]));
    });
  });

  describe('disable-line', () => {
    it('suppresses a rule on its own line', () => {
      const text = file().replace('    department: marketing\n', '    department: marketing # goalpost-disable-line unknown-reference -- agency account\n');
      assert.deepEqual(findings(text), ['3 duplicate-id', '6 unknown-reference', '7 duplicate-id', '8 unknown-reference']);
    });

    it('suppresses every rule on its line without rule ids', () => {
      const text = file().replace('  - id: g1\n    parent', '  - id: g1 # goalpost-disable-line\n    parent');
      assert.deepEqual(findings(text), ['3 duplicate-id', '5 unknown-reference', '6 unknown-reference', '8 unknown-reference']);
    });

    it('does not reach the next line', () => {
      const text = file().replace(
        '    title: Grow Instagram sessions by 20%\n',
        '    title: Grow Instagram sessions by 20% # goalpost-disable-line unknown-reference\n',
      );
      assert.deepEqual(findings(text), ALL);
    });
  });

  describe('disable / enable regions', () => {
    it('suppresses one rule between disable and enable', () => {
      const text = file({ 5: '    # goalpost-disable unknown-reference', 7: '  # goalpost-enable unknown-reference' });
      assert.deepEqual(findings(text), shifted(['3 duplicate-id', '7 duplicate-id', '8 unknown-reference'], [5, 7]));
    });

    it('suppresses to the end of the file without enable', () => {
      const text = file({ 6: '    # goalpost-disable unknown-reference' });
      assert.deepEqual(findings(text), shifted(['3 duplicate-id', '5 unknown-reference', '7 duplicate-id'], [6]));
    });

    it('suppresses every rule without rule ids, until a bare enable', () => {
      const text = file({ 3: '# goalpost-disable', 6: '# goalpost-enable' });
      assert.deepEqual(findings(text), shifted(['6 unknown-reference', '7 duplicate-id', '8 unknown-reference'], [3, 6]));
    });

    it('re-enables one rule of a disable-all region, leaving the others off', () => {
      const text = file({ 3: '# goalpost-disable', 6: '# goalpost-enable unknown-reference' });
      assert.deepEqual(findings(text), shifted(['6 unknown-reference', '8 unknown-reference'], [3, 6]));
    });

    it('keeps regions of different rules apart, with commas and reasons', () => {
      const text = file({
        3: '# goalpost-disable duplicate-id, unknown-reference -- migrating ids from the old sheet',
        6: '# goalpost-enable duplicate-id',
      });
      assert.deepEqual(findings(text), shifted(['7 duplicate-id'], [3, 6]));
    });

    it('an enable before any disable changes nothing', () => {
      const text = file({ 1: '# goalpost-enable unknown-reference' });
      assert.deepEqual(findings(text), shifted(ALL, [1]));
    });
  });

  describe('disable-file', () => {
    it('suppresses every rule in the file, wherever it is', () => {
      assert.deepEqual(findings(file({ 0: '# goalpost-disable-file' })), []);
    });

    it('suppresses the named rules only', () => {
      assert.deepEqual(findings(file({ 1: '# goalpost-disable-file unknown-reference -- a draft' })), shifted(['3 duplicate-id', '7 duplicate-id'], [1]));
    });

    it('stays in its own file', () => {
      const other = 'goalpost: 1\ngoals:\n  - id: g1\n    department: legal\n';
      const result = findings({ 'a.goals.yaml': file({ 1: '# goalpost-disable-file' }), 'b.goals.yaml': other });
      assert.deepEqual(result, ['b.goals.yaml 3 duplicate-id', 'b.goals.yaml 4 unknown-reference']);
    });
  });

  describe('what is not a directive', () => {
    it('a longer word that starts like a directive', () => {
      assert.deepEqual(findings(file({ 5: '    # goalpost-disable-next-lines unknown-reference', 6: '    # goalpost-disabled' })), shifted(ALL, [5, 6]));
    });

    it('a directive that is not the start of the comment', () => {
      assert.deepEqual(findings(file({ 5: '    # note: goalpost-disable-next-line unknown-reference' })), shifted(ALL, [5]));
    });

    it('text inside a block scalar that looks like a comment', () => {
      const text = file().replace(
        '    title: Grow Instagram sessions by 20%\n',
        '    title: Grow Instagram sessions by 20%\n    description: |\n      # goalpost-disable-file\n',
      );
      assert.deepEqual(findings(text), ['3 duplicate-id', '7 unknown-reference', '8 unknown-reference', '9 duplicate-id', '10 unknown-reference']);
    });

    it('works without a space after `#` and with CRLF line ends', () => {
      const text = file({ 5: '    #goalpost-disable-next-line unknown-reference' }).replace(/\n/g, '\r\n');
      assert.deepEqual(findings(text), shifted(['3 duplicate-id', '6 unknown-reference', '7 duplicate-id', '8 unknown-reference'], [5]));
    });
  });

  it('suppresses a duplicate at one definition and keeps the other', () => {
    const text = file({ 7: '  # goalpost-disable-next-line duplicate-id -- the second g1 is renamed next sprint' });
    const result = lint([{ file: 'test.goals.yaml', text }], { clockToday: '2027-05-15', rules: RULES }).findings.filter(
      (finding) => finding.rule === 'duplicate-id',
    );
    assert.equal(result.length, 1);
    assert.equal(result[0].range.start.line, 2);
  });
});
