/**
 * `goalpost tree`. Its plain output is golden in the scenario folders `scenarios/tree-*` (run as real
 * processes by scenarios.test.ts); here: colour in-process, where a TTY can be injected, and hostile titles.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { main } from '../../server/src/cli/main';
import { terminalSafe } from '../../server/src/cli/treeText';
import { assertBuilt, runCli } from '../helpers/cli';

const SCENARIOS = path.join(__dirname, 'scenarios');
const STATUSES = path.join(SCENARIOS, 'tree-statuses', 'input');
const HOSTILE = path.join(SCENARIOS, 'tree-hostile-title', 'input');

interface Captured {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function tree(cwd: string, options: { tty: boolean; env?: Record<string, string> }, extra: string[] = []): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const code = await main({
    argv: ['tree', '--today', '2027-05-15', ...extra],
    cwd,
    env: options.env ?? {},
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    stdoutIsTTY: options.tty,
    now: () => new Date(2027, 4, 15, 12),
  });
  return { code, stdout, stderr };
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/;
// eslint-disable-next-line no-control-regex
const SGR_ONLY = /\u001b(?!\[[0-9;]*m)/;
/** Every control character but the line feed, C1 controls included. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/;

describe('goalpost tree', () => {
  describe('colour', () => {
    it('is used on a terminal without NO_COLOR: status words, bars and titles are coloured', async () => {
      const { code, stdout, stderr } = await tree(STATUSES, { tty: true });
      assert.equal(code, 0);
      assert.equal(stderr, '');
      assert.match(stdout, ANSI);
      // eslint-disable-next-line no-control-regex
      assert.match(stdout, /\u001b\[31m▼ off track\u001b\[39m/, 'off track in red');
      // eslint-disable-next-line no-control-regex
      assert.match(stdout, /\u001b\[32m✔ done\u001b\[39m/, 'done in green');
    });

    it('only adds colour: without the escape codes the output is the plain one', async () => {
      const coloured = await tree(STATUSES, { tty: true });
      const plain = await tree(STATUSES, { tty: false });
      // eslint-disable-next-line no-control-regex
      assert.equal(coloured.stdout.replace(/\u001b\[[0-9;]*m/g, ''), plain.stdout);
    });

    it('is not used when stdout is not a terminal', async () => {
      assert.doesNotMatch((await tree(STATUSES, { tty: false })).stdout, ANSI);
    });

    it('is not used with NO_COLOR, even on a terminal', async () => {
      assert.doesNotMatch((await tree(STATUSES, { tty: true, env: { NO_COLOR: '1' } })).stdout, ANSI);
    });

    it('is not used with --no-color, even on a terminal', async () => {
      assert.doesNotMatch((await tree(STATUSES, { tty: true }, ['--no-color'])).stdout, ANSI);
    });
  });

  describe('hostile titles', () => {
    it('reach the terminal as text: no escape sequence, control character or forged line survives', async () => {
      const { code, stdout } = await tree(HOSTILE, { tty: false });
      assert.equal(code, 0);
      assert.doesNotMatch(stdout, CONTROL);
      assert.doesNotMatch(stdout, /[\u202A-\u202E\u2066-\u2069]/, 'a bidirectional override');
      assert.doesNotMatch(stdout, /pwned|evil\.example/, 'the payload of an OSC sequence');
      assert.ok(!stdout.split('\n').some((line) => /^\s*├─ ✔ done/.test(line)), 'a title broke the line and forged a tree row');
      assert.match(stdout, /Grow revenue by 10% in 2027 click/);
    });

    it('leave only Goalpost’s own colour codes on a colour terminal', async () => {
      const { stdout } = await tree(HOSTILE, { tty: true });
      assert.match(stdout, ANSI);
      assert.doesNotMatch(stdout, SGR_ONLY, 'an escape that is not a colour code');
      // eslint-disable-next-line no-control-regex
      assert.doesNotMatch(stdout.replace(/\u001b\[[0-9;]*m/g, ''), CONTROL);
      assert.doesNotMatch(stdout, /\[2J|\]0;/, 'the rest of a clear-screen or window-title sequence');
    });

    it('are cleaned the same way by the real process', () => {
      assertBuilt();
      const { status, stdout } = runCli(['tree', '--today', '2027-05-15'], HOSTILE);
      assert.equal(status, 0);
      assert.doesNotMatch(stdout, CONTROL);
    });

    const cases: [string, string, string][] = [
      ['CSI colour', 'red\u001b[31mtext\u001b[0m', 'redtext'],
      ['clear screen and home', 'a\u001b[2J\u001b[Hb', 'ab'],
      ['OSC window title ended by BEL', 'a\u001b]0;owned\u0007b', 'ab'],
      ['OSC 8 hyperlink ended by ST', '\u001b]8;;https://x.example\u001b\\link\u001b]8;;\u001b\\', 'link'],
      ['unterminated OSC', 'a\u001b]0;rest of the title', 'a'],
      ['DCS string', 'a\u001bPq#0;2;0;0;0\u001b\\b', 'ab'],
      ['C1 CSI', 'a\u009b31mb', 'ab'],
      ['two-byte escape (reset)', 'a\u001bcb', 'ab'],
      ['lone ESC at the end', 'a\u001b', 'a'],
      ['line breaks and tabs', 'a\nb\r\nc\td', 'a b  c d'],
      ['NUL, BEL, backspace and DEL', 'a\u0000b\u0007c\bd\u007f', 'abcd'],
      ['bidirectional override', 'abc\u202Edef\u2066g\u2069', 'abcdefg'],
      ['ordinary text, emoji and accents', 'Café ☕ 10% → 20%', 'Café ☕ 10% → 20%'],
    ];
    for (const [name, input, expected] of cases) {
      it(`terminalSafe: ${name}`, () => assert.equal(terminalSafe(input), expected));
    }
  });

  describe('exit codes', () => {
    it('is 0 whatever the findings: the tree informs, `check` judges', async () => {
      const { code, stdout } = await tree(STATUSES, { tty: false });
      assert.equal(code, 0);
      assert.match(stdout, /1 error/);
    });

    it('is 2 with one line on stderr for a missing path', async () => {
      const { code, stdout, stderr } = await tree(STATUSES, { tty: false }, ['no-such.goals.yaml']);
      assert.equal(code, 2);
      assert.equal(stdout, '');
      assert.equal(stderr, 'goalpost: no such file or directory: no-such.goals.yaml\n');
    });
  });

  it('marks a KPI that sits on its own row, under the unaligned group, as a KPI', async () => {
    const { code, stdout } = await tree(path.join(__dirname, '..', '..', 'examples', 'flawed'), { tty: false });
    assert.equal(code, 0);
    assert.match(stdout, /└─ KPI: Monthly brand mentions\n/);
    // Targets under goals name their KPI without the word: they are measurements of the goal above them.
    assert.match(stdout, /└─ Monthly brand mentions: 550 \/ 600\n/);
  });
});
