/** The stylish format on a terminal: messages wrap to its width and rule ids line up; never in a pipe. */
import * as assert from 'node:assert/strict';
import { wrap } from '../../server/src/cli/formatters/format';
import { stylish } from '../../server/src/cli/formatters/check/stylish';
import type { Finding } from '../../server/src/core/types';

const at = (line: number, character: number) => ({ start: { line, character }, end: { line, character: character + 3 } });
const FINDINGS: Finding[] = [
  {
    file: 'a.goals.yaml',
    rule: 'smart-specific',
    severity: 'warning',
    message: 'Goal `x` has a vague title "Grow": it names no number, metric or platform; say what should change.',
    range: at(3, 8),
  },
  { file: 'a.goals.yaml', rule: 'schema', severity: 'error', message: 'Short message.', range: at(11, 10) },
];
const INPUT = { findings: FINDINGS, files: ['a.goals.yaml', 'b.goals.yaml'], rules: [], version: '0', color: false };

describe('stylish', () => {
  it('wraps messages to the terminal width, continuation lines under the message column', () => {
    const text = stylish({ ...INPUT, columns: 80 });
    const lines = text.split('\n');
    assert.ok(
      lines.every((line) => line.length <= 80),
      text,
    );
    assert.equal(lines[0], 'a.goals.yaml');
    assert.match(lines[1], /^ {4}4:9 {2}warning {2}Goal `x` has a vague title "Grow": it names no +smart-specific$/);
    assert.match(lines[2], /^ {18}\S/, 'a continuation starts in the message column');
    const ruleColumn = lines[1].indexOf('smart-specific');
    assert.equal(lines.find((line) => line.includes('Short message.'))?.indexOf('schema'), ruleColumn, 'rule ids line up');
    assert.equal(lines.at(-2), '✖ 2 problems (1 error, 1 warning, 0 infos) in 1 of 2 files.');
  });

  it('never wraps or pads without a terminal width', () => {
    const lines = stylish(INPUT).split('\n');
    assert.equal(lines[1], `    4:9  warning  ${FINDINGS[0].message}  smart-specific`);
    assert.equal(lines[2], '  12:11  error    Short message.  schema');
  });

  it('wrap keeps words whole and a long word alone', () => {
    assert.deepEqual(wrap('aa bb cc', 5), ['aa bb', 'cc']);
    assert.deepEqual(wrap('averylongword b', 4), ['averylongword', 'b']);
    assert.deepEqual(wrap('a\nb', Infinity), ['a b']);
  });
});
