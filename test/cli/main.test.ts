/** `main()` in-process with injected I/O: help, version, colour, and the clock as the default check date. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { version } from '../../package.json';
import { main } from '../../server/src/cli/main';
import { rulesById } from '../../server/src/core/rules';

/** One goal whose quarterly review (last 2027-01-10) is due on 2027-04-10, and no other finding. */
const GOALS = `goalpost: 1
objectives:
  - { id: grow-online-revenue, title: Grow online revenue by 15% in FY2027, metric: online_revenue }
departments:
  - { id: marketing, name: Marketing }
kpis:
  - { id: ig-site-sessions, name: Website sessions from Instagram, metric: sessions, supports: [grow-online-revenue] }
goals:
  - id: ig-traffic-2027
    title: Increase website sessions from Instagram by 20% by December 31
    department: marketing
    supports: [grow-online-revenue]
    platform: instagram
    start: 2027-01-01
    deadline: 2027-12-31
    targets:
      - { kpi: ig-site-sessions, baseline: 10000, target: 12000, current: 10800 }
    review: quarterly
    last_reviewed: 2027-01-10
`;

/** A goal with no department: one missing-owner warning, whatever the date. */
const UNOWNED = GOALS.replace('    department: marketing\n', '').replace('last_reviewed: 2027-01-10', 'last_reviewed: 2027-04-10');

interface Captured {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `goalpost <argv>` in-process, capturing its output; noon local time keeps the date zone-proof. */
async function run(
  argv: string[],
  options: { cwd?: string; tty?: boolean; columns?: number; env?: Record<string, string>; now?: Date } = {},
): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const code = await main({
    argv,
    cwd: options.cwd ?? os.tmpdir(),
    env: options.env ?? {},
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    stdoutIsTTY: options.tty ?? false,
    stdoutColumns: options.columns,
    now: () => options.now ?? new Date(2027, 4, 15, 12),
  });
  return { code, stdout, stderr };
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/;

describe('main()', () => {
  let folder: string;

  before(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'goalpost-main-'));
    fs.mkdirSync(path.join(folder, 'unowned'));
    fs.writeFileSync(path.join(folder, 'unowned', 'plan.goals.yaml'), UNOWNED);
    fs.mkdirSync(path.join(folder, 'review'));
    fs.writeFileSync(path.join(folder, 'review', 'plan.goals.yaml'), GOALS);
    fs.mkdirSync(path.join(folder, 'pinned'));
    fs.writeFileSync(path.join(folder, 'pinned', 'plan.goals.yaml'), GOALS);
    fs.writeFileSync(path.join(folder, 'pinned', '.goalpost.yaml'), 'today: 2027-03-01\n');
  });

  after(() => fs.rmSync(folder, { recursive: true, force: true }));

  describe('help and version', () => {
    it('--help prints the usage on stdout and exits 0', async () => {
      const { code, stdout, stderr } = await run(['--help']);
      assert.equal(code, 0);
      assert.match(stdout, /^Usage: goalpost /);
      assert.match(stdout, /\bcheck\b/);
      assert.equal(stderr, '');
    });

    it('check --help describes the options and exits 0', async () => {
      const { code, stdout, stderr } = await run(['check', '--help']);
      assert.equal(code, 0);
      for (const option of ['--format', '--max-warnings', '--today', '--config', '--output-file', '--no-color']) assert.ok(stdout.includes(option), option);
      assert.equal(stderr, '');
    });

    it('--version prints the package version', async () => {
      assert.deepEqual(await run(['--version']), { code: 0, stdout: `${version}\n`, stderr: '' });
      assert.deepEqual(await run(['-v']), { code: 0, stdout: `${version}\n`, stderr: '' });
    });

    it('without a command shows the usage on stderr and exits 2, with no stray message', async () => {
      const { code, stdout, stderr } = await run([]);
      assert.equal(code, 2);
      assert.equal(stdout, '');
      assert.match(stderr, /^Usage: goalpost /);
      assert.doesNotMatch(stderr, /outputHelp/);
    });

    it('an unknown option with a did-you-mean is one line on stderr', async () => {
      const { code, stderr } = await run(['check', '--formt', 'json']);
      assert.equal(code, 2);
      assert.match(stderr, /^goalpost: unknown option '--formt' \(Did you mean --format\?\)\n$/);
    });
  });

  describe('colour', () => {
    const check = (options: { tty: boolean; env?: Record<string, string> }, extra: string[] = []) =>
      run(['check', '--today', '2027-05-15', ...extra], { cwd: path.join(folder, 'unowned'), ...options });

    it('is used when stdout is a terminal and NO_COLOR is unset', async () => {
      const { code, stdout } = await check({ tty: true });
      assert.equal(code, 0);
      assert.match(stdout, /missing-owner/);
      assert.match(stdout, ANSI);
    });

    it('is used when NO_COLOR is set but empty, as no-color.org says', async () => {
      assert.match((await check({ tty: true, env: { NO_COLOR: '' } })).stdout, ANSI);
    });

    it('is not used when stdout is not a terminal', async () => {
      const { stdout } = await check({ tty: false });
      assert.match(stdout, /missing-owner/);
      assert.doesNotMatch(stdout, ANSI);
    });

    it('is not used with NO_COLOR, even on a terminal', async () => {
      assert.doesNotMatch((await check({ tty: true, env: { NO_COLOR: '1' } })).stdout, ANSI);
    });

    it('is not used with --no-color, even on a terminal', async () => {
      assert.doesNotMatch((await check({ tty: true }, ['--no-color'])).stdout, ANSI);
    });

    it('FORCE_COLOR=1 colours a pipe, even with NO_COLOR; FORCE_COLOR=0 never colours', async () => {
      assert.match((await check({ tty: false, env: { FORCE_COLOR: '1' } })).stdout, ANSI);
      assert.match((await check({ tty: false, env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).stdout, ANSI);
      assert.doesNotMatch((await check({ tty: true, env: { FORCE_COLOR: '0' } })).stdout, ANSI);
      assert.doesNotMatch((await check({ tty: false, env: { FORCE_COLOR: '1' } }, ['--no-color'])).stdout, ANSI);
    });

    it('on a terminal, stylish wraps to its width; in a pipe the width is ignored', async () => {
      const wrapped = await run(['check', '--today', '2027-05-15', '--no-color'], { cwd: path.join(folder, 'unowned'), tty: true, columns: 72 });
      const lines = wrapped.stdout.trimEnd().split('\n');
      assert.ok(
        lines.every((line) => line.length <= 72),
        wrapped.stdout,
      );
      assert.ok(lines.length > 4, 'the long message took more than one line');
      const piped = await run(['check', '--today', '2027-05-15'], { cwd: path.join(folder, 'unowned'), tty: false, columns: 72 });
      assert.ok(
        piped.stdout.split('\n').some((line) => line.length > 72),
        'a pipe is never wrapped',
      );
    });

    it('on a terminal, tree fits its width with ellipsised titles', async () => {
      const tree = await run(['tree', '--today', '2027-05-15', '--no-color'], { cwd: path.join(folder, 'review'), tty: true, columns: 50 });
      const lines = tree.stdout.trimEnd().split('\n');
      assert.ok(
        lines.every((line) => Array.from(line).length <= 50),
        tree.stdout,
      );
      assert.match(tree.stdout, /…$/m);
    });

    it('is never used by the machine formats, even on a terminal', async () => {
      for (const format of ['json', 'sarif', 'github', 'gitlab', 'junit']) {
        assert.doesNotMatch((await check({ tty: true }, ['--format', format])).stdout, ANSI, format);
      }
    });
  });

  describe('the check date', () => {
    const reviewRules = async (cwd: string, now: Date, extra: string[] = []) => {
      const { code, stdout, stderr } = await run(['check', '--format', 'json', ...extra], { cwd, now });
      assert.equal(stderr, '');
      assert.ok(code === 0 || code === 1, `exit code ${code}`);
      return (JSON.parse(stdout) as { findings: { rule: string }[] }).findings.map((finding) => finding.rule).filter((rule) => rule === 'review-overdue');
    };

    it('is the clock’s local date when neither --today nor a config gives one', async () => {
      const cwd = path.join(folder, 'review');
      assert.deepEqual(await reviewRules(cwd, new Date(2027, 3, 9, 12)), [], 'on 2027-04-09 the review is not due yet');
      assert.deepEqual(await reviewRules(cwd, new Date(2027, 3, 11, 12)), ['review-overdue'], 'on 2027-04-11 it is overdue');
    });

    it('is the config’s `today` over the clock, and --today over both', async () => {
      const cwd = path.join(folder, 'pinned');
      assert.deepEqual(await reviewRules(cwd, new Date(2027, 5, 1, 12)), [], 'the config pins 2027-03-01');
      assert.deepEqual(await reviewRules(cwd, new Date(2027, 0, 20, 12), ['--today', '2027-06-01']), ['review-overdue']);
    });
  });

  it('reports a rule that throws as an internal-error on a requested file, never drops it', async () => {
    // With a config, unrequested siblings join the workspace; the internal error lands on the first file.
    fs.writeFileSync(path.join(folder, 'pinned', 'a-company.goals.yaml'), 'goalpost: 1\n');
    const rule = rulesById.get('missing-owner');
    assert.ok(rule);
    const check = rule.check;
    rule.check = () => {
      throw new Error('boom');
    };
    try {
      const { code, stdout } = await run(['check', '--format', 'json', 'plan.goals.yaml'], { cwd: path.join(folder, 'pinned') });
      assert.equal(code, 1);
      const findings = (JSON.parse(stdout) as { findings: { file: string; rule: string; message: string }[] }).findings;
      const internal = findings.filter((finding) => finding.rule === 'internal-error');
      assert.deepEqual(
        internal.map((finding) => finding.file),
        ['plan.goals.yaml'],
      );
      assert.match(internal[0].message, /missing-owner.*boom/);
    } finally {
      rule.check = check;
      fs.rmSync(path.join(folder, 'pinned', 'a-company.goals.yaml'));
    }
  });
});
