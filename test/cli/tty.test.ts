/**
 * `goalpost` on a real terminal: `script` (util-linux) gives the process a pseudo-terminal of 70 columns,
 * and stylish wraps its messages and `tree` ellipsises its titles to fit; the same commands in a pipe do
 * neither (the scenarios cover that).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { assertBuilt, BIN } from '../helpers/cli';

const INPUT = path.join(__dirname, 'scenarios', 'format-stylish', 'input');
const TREE_INPUT = path.join(__dirname, 'scenarios', 'tree-statuses', 'input');
const COLUMNS = 70;

/** Runs `goalpost <args>` on a pseudo-terminal `COLUMNS` wide; the terminal's CRLF line ends become LF. */
function onTerminal(args: string, cwd: string): string {
  const command = `stty cols ${COLUMNS}; "${process.execPath}" "${BIN}" ${args}`;
  const env = { ...process.env };
  for (const name of ['NO_COLOR', 'FORCE_COLOR', 'GITHUB_STEP_SUMMARY']) delete env[name];
  const result = spawnSync('script', ['-qec', command, '/dev/null'], { cwd, env, encoding: 'utf8', timeout: 60_000 });
  if (result.error) throw result.error;
  return result.stdout.replace(/\r\n/g, '\n');
}

describe('on a real terminal (script)', function () {
  this.timeout(60_000);
  before(assertBuilt);

  it('stylish wraps every row to the terminal width, rule ids in a column', () => {
    const text = onTerminal('check --no-color --today 2027-05-15', INPUT);
    const lines = text.trimEnd().split('\n');
    assert.ok(
      lines.every((line) => Array.from(line).length <= COLUMNS),
      text,
    );
    assert.match(text, /^ {2}13:9 {2}warning {2}Objective `retain-customers` +objective-unsupported$/m);
    assert.match(text, /^ {17}is supported by no goal/m, 'a continuation under the message column');
    assert.match(text, /^ {18}also at\b/m, 'related locations stay under their finding');
    assert.match(text, /^✖ 9 problems \(4 errors, 4 warnings, 1 info\) in 2 of 2 files\.$/m);
  });

  it('tree fits the terminal width, ellipsising titles', () => {
    const text = onTerminal('tree --no-color --today 2027-05-15', TREE_INPUT);
    const lines = text.trimEnd().split('\n');
    assert.ok(
      lines.every((line) => Array.from(line).length <= COLUMNS),
      text,
    );
    assert.match(text, /…$/m);
  });

  it('colours on a terminal unless --no-color', () => {
    // eslint-disable-next-line no-control-regex
    assert.match(onTerminal('check --today 2027-05-15', INPUT), /\u001b\[[0-9;]*m/);
  });
});
