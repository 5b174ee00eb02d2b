/**
 * `goalpost init`: what it writes checks clean on the day it is written, whatever the day (December 31
 * included), both in-process with an injected clock and as a real process; and it never overwrites.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../server/src/cli/main';
import { addDays } from '../../server/src/core/dates';
import { lint } from '../../server/src/core/lint';
import { starterContext, starterGoals } from '../../server/src/core/starter';
import { assertBuilt, runCli } from '../helpers/cli';

interface Captured {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** `goalpost <argv>` in-process on the local date `today` (noon keeps it clear of time-zone edges). */
async function run(argv: string[], cwd: string, today: string): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const [year, month, day] = today.split('-').map(Number);
  const code = await main({
    argv,
    cwd,
    env: {},
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    stdoutIsTTY: false,
    now: () => new Date(year, month - 1, day, 12),
  });
  return { code, stdout, stderr };
}

describe('goalpost init', () => {
  let root: string;
  let count = 0;
  const fresh = () => {
    const folder = path.join(root, `case-${++count}`);
    fs.mkdirSync(folder);
    return folder;
  };

  before(() => {
    assertBuilt();
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'goalpost-init-'));
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  describe('writes a strategy that checks clean on the day it is written', () => {
    for (const today of ['2027-01-01', '2027-03-31', '2027-04-01', '2027-06-15', '2028-02-29', '2027-09-30', '2027-12-30', '2027-12-31']) {
      it(`on ${today}`, async () => {
        const cwd = fresh();
        const init = await run(['init'], cwd, today);
        assert.equal(init.stderr, '');
        assert.equal(init.code, 0);
        assert.deepEqual(fs.readdirSync(cwd).sort(), ['.goalpost.yaml', 'strategy.goals.yaml']);
        // From December on, the starter plans the next year.
        const year = Number(today.slice(0, 4));
        const planned = today.slice(5) >= '12-01' ? year + 1 : year;
        assert.equal(
          init.stdout,
          `Created strategy.goals.yaml: a starter strategy for ${planned}, with comments on every section.\n` +
            (planned > year ? `It plans ${planned}: ${year} ends in less than a month.\n` : '') +
            'Created .goalpost.yaml: the configuration for the goal files in that folder.\n' +
            'Next: edit strategy.goals.yaml, then run `goalpost check strategy.goals.yaml` (and `goalpost tree strategy.goals.yaml` to see it as a tree).\n',
        );

        const inProcess = await run(['check', '--format', 'json'], cwd, today);
        assert.deepEqual(JSON.parse(inProcess.stdout).findings, [], 'in-process check on the same day');
        assert.equal(inProcess.code, 0);

        const real = runCli(['check', '--today', today], cwd);
        assert.equal(real.stderr, '');
        assert.equal(real.stdout, '✔ 1 file checked, no problems.\n', 'the real process, its config and all');
        assert.equal(real.status, 0);

        const tree = await run(['tree'], cwd, today);
        assert.equal(tree.code, 0);
        assert.match(tree.stdout, new RegExp(`as of ${today}`));
      });
    }

    it('on every day of a common and of a leap year (the starter text alone)', () => {
      for (let today = '2027-01-01'; today <= '2028-12-31'; today = addDays(today, 1)) {
        const analysis = lint([{ file: 'strategy.goals.yaml', text: starterGoals(today) }], { clockToday: today });
        assert.deepEqual(
          analysis.findings.map((finding) => `${finding.rule}: ${finding.message}`),
          [],
          `on ${today}`,
        );
      }
    });

    it('plans the next year from December 1st, and the current one until November 30th', () => {
      assert.match(starterGoals('2027-11-30'), /^period: \{ start: 2027-01-01, end: 2027-12-31 \}$/m);
      const december = starterGoals('2027-12-01');
      assert.match(december, /^period: \{ start: 2028-01-01, end: 2028-12-31 \}$/m);
      assert.match(december, /^ {4}start: 2028-01-01\n {4}deadline: 2028-03-31$/m, 'the quarter goal runs the first quarter of the plan');
      assert.match(december, /^ {4}last_reviewed: 2027-12-01 /m, 'reviewed when written');
    });

    it('lines its trailing comments up in one column', () => {
      for (const text of [
        starterGoals('2027-05-15'),
        starterGoals(
          '2027-05-15',
          starterContext(
            lint([{ file: 'a.goals.yaml', text: 'goalpost: 1\ndepartments:\n  - { id: social-media-team, name: Social }\n' }], { clockToday: '2027-05-15' })
              .workspace,
          ),
        ),
      ]) {
        const columns = text
          .split('\n')
          .filter((line) => /^\s*[^#\s][^#]*\s#\s/.test(line))
          .map((line) => line.indexOf('#'));
        assert.ok(columns.length >= 10, 'the starter has trailing comments');
        const longest = text
          .split('\n')
          .filter((line) => /^\s*[^#\s][^#]*\s#\s/.test(line))
          .every((line, index) => columns[index] === 37 || line.slice(0, columns[index]).trimEnd().length >= 36);
        assert.ok(
          longest,
          `comments outside column 38:\n${text
            .split('\n')
            .filter((line) => /\s#\s/.test(line) && !/^\s*#/.test(line) && line.indexOf('#') !== 37)
            .join('\n')}`,
        );
      }
    });

    it('comments every section', () => {
      const text = starterGoals('2027-05-15');
      for (const section of ['period', 'objectives', 'departments', 'audiences', 'kpis', 'goals']) {
        assert.match(text, new RegExp(`#[^\\n]*\\n(?:#[^\\n]*\\n)*${section}:`), `a comment right above \`${section}:\``);
      }
    });
  });

  describe('fits an existing workspace', () => {
    it("names the example strategy's objectives, departments and audiences instead of defining them, with fresh ids: the workspace still checks clean", async () => {
      const cwd = fresh();
      fs.cpSync(path.join(__dirname, '../../examples/strategy'), cwd, { recursive: true });
      const init = await run(['init', 'social.goals.yaml'], cwd, '2026-12-01');
      assert.equal(init.code, 0);
      assert.match(init.stdout, /^Created social\.goals\.yaml: a starter strategy for 2027, /m, 'dated as the workspace checks (its config pins 2027-05-15)');
      assert.match(init.stdout, /^It joins the 5 goal files already there: /m);
      const text = fs.readFileSync(path.join(cwd, 'social.goals.yaml'), 'utf8');
      for (const section of ['objectives:', 'departments:', 'audiences:', 'period:'])
        assert.doesNotMatch(text, new RegExp(`^${section}`, 'm'), `no ${section} of its own`);
      assert.match(text, /supports: \[grow-online-revenue\]/);
      assert.match(text, /department: marketing/);
      assert.match(text, /- id: ig-site-sessions-2\n/, 'the example defines ig-site-sessions already');
      const check = await run(['check', '--format', 'json'], cwd, '2026-12-01');
      assert.deepEqual(JSON.parse(check.stdout).findings, []);
    });

    it('reuses what exists and defines the rest (objectives elsewhere, no departments yet)', () => {
      const existing = lint(
        [{ file: 'company.goals.yaml', text: 'goalpost: 1\nobjectives:\n  - { id: grow, title: Grow online revenue by 10% in 2027, metric: revenue }\n' }],
        { clockToday: '2027-05-15' },
      );
      const text = starterGoals('2027-05-15', starterContext(existing.workspace));
      const analysis = lint(
        [
          { file: 'company.goals.yaml', text: 'goalpost: 1\nobjectives:\n  - { id: grow, title: Grow online revenue by 10% in 2027, metric: revenue }\n' },
          { file: 'new.goals.yaml', text },
        ],
        { clockToday: '2027-05-15' },
      );
      assert.deepEqual(
        analysis.findings.map((finding) => `${finding.file} ${finding.rule}: ${finding.message}`),
        [],
      );
      assert.match(text, /^departments:/m);
      assert.doesNotMatch(text, /^objectives:/m);
    });
  });

  describe('never overwrites', () => {
    it('refuses an existing goals file: exit 2, one line, nothing written', async () => {
      const cwd = fresh();
      fs.writeFileSync(path.join(cwd, 'strategy.goals.yaml'), 'goalpost: 1\n# mine\n');
      const { code, stdout, stderr } = await run(['init'], cwd, '2027-05-15');
      assert.equal(code, 2);
      assert.equal(stdout, '');
      assert.equal(stderr, 'goalpost: strategy.goals.yaml already exists; nothing was written\n');
      assert.equal(fs.readFileSync(path.join(cwd, 'strategy.goals.yaml'), 'utf8'), 'goalpost: 1\n# mine\n');
      assert.deepEqual(fs.readdirSync(cwd), ['strategy.goals.yaml'], 'no config either');
    });

    it('refuses the same way as a real process', () => {
      const cwd = fresh();
      fs.writeFileSync(path.join(cwd, 'plan.goals.yaml'), 'goalpost: 1\n');
      const { status, stdout, stderr } = runCli(['init', 'plan.goals.yaml'], cwd);
      assert.equal(status, 2);
      assert.equal(stdout, '');
      assert.equal(stderr, 'goalpost: plan.goals.yaml already exists; nothing was written\n');
    });

    it('keeps an existing .goalpost.yaml in the folder', async () => {
      const cwd = fresh();
      fs.writeFileSync(path.join(cwd, '.goalpost.yaml'), 'rules:\n  kpi-unused: off\n');
      const { code, stdout } = await run(['init'], cwd, '2027-05-15');
      assert.equal(code, 0);
      assert.equal(fs.readFileSync(path.join(cwd, '.goalpost.yaml'), 'utf8'), 'rules:\n  kpi-unused: off\n');
      assert.match(stdout, /^Kept the configuration that already applies there, \.goalpost\.yaml\.$/m);
    });

    it('writes no config under a folder whose parent config already applies (that would split its workspace)', async () => {
      const cwd = fresh();
      fs.writeFileSync(path.join(cwd, '.goalpost.yml'), 'today: 2027-05-15\n');
      const { code, stdout } = await run(['init', 'teams/sales.goals.yaml'], cwd, '2027-05-15');
      assert.equal(code, 0);
      assert.deepEqual(fs.readdirSync(path.join(cwd, 'teams')), ['sales.goals.yaml']);
      assert.match(stdout, /^Created teams\/sales\.goals\.yaml: /m);
      assert.match(stdout, /^Kept the configuration that already applies there, \.goalpost\.yml\.$/m);
    });
  });

  describe('the file argument', () => {
    it('names the file, creating its folders', async () => {
      const cwd = fresh();
      const { code } = await run(['init', 'strategy/2027/marketing.goals.yml'], cwd, '2027-05-15');
      assert.equal(code, 0);
      assert.deepEqual(fs.readdirSync(path.join(cwd, 'strategy', '2027')).sort(), ['.goalpost.yaml', 'marketing.goals.yml']);
    });

    it('may be a folder, which gets strategy.goals.yaml', async () => {
      const cwd = fresh();
      fs.mkdirSync(path.join(cwd, 'goals'));
      const { code } = await run(['init', 'goals'], cwd, '2027-05-15');
      assert.equal(code, 0);
      assert.ok(fs.existsSync(path.join(cwd, 'goals', 'strategy.goals.yaml')));
    });

    it('must be a goals file name, which `check` would find: exit 2, nothing written', async () => {
      const cwd = fresh();
      const { code, stderr } = await run(['init', 'strategy.yaml'], cwd, '2027-05-15');
      assert.equal(code, 2);
      assert.equal(stderr, 'goalpost: strategy.yaml is not a goals file name (Goalpost finds *.goals.yaml and *.goals.yml); nothing was written\n');
      assert.deepEqual(fs.readdirSync(cwd), []);
    });
  });
});
