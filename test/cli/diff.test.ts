/**
 * `goalpost diff` as a real process over a real git repository built in a temporary folder, one commit
 * per step of a strategy's history (tagged v1…v4), plus uncommitted edits for the working-tree head.
 * Each case in `diff/<case>/` holds the expected `expected.md` and `expected.json`; commit ids are replaced
 * by `<v1>`… so the goldens do not depend on when the commits were made. UPDATE_GOLDEN=1 rewrites them.
 */
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { code, message, text } from '../../server/src/cli/formatters/diff/markdown';
import { assertBuilt, BIN } from '../helpers/cli';

const CASES = path.join(__dirname, 'diff');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

const CONFIG = 'today: 2027-05-15\n';

const COMPANY = `goalpost: 1
period: { start: 2027-01-01, end: 2027-12-31 }
objectives:
  - { id: grow-revenue, title: Grow online revenue by 15% to EUR 9.2M in FY2027, metric: online_revenue, owner: marketing, deadline: 2027-12-31 }
  - { id: keep-customers, title: Raise the repeat-purchase rate from 28% to 33% by December 2027, metric: repeat_rate, owner: support, deadline: 2027-12-31 }
departments:
  - { id: marketing, name: Marketing }
  - { id: support, name: Customer Service }
audiences:
  - { id: adventurers, name: Weekend adventurers, platforms: [instagram, youtube, tiktok] }
  - { id: customers, name: Existing customers, platforms: [instagram, facebook] }
kpis:
  - { id: ig-sessions, name: Website sessions from Instagram, metric: sessions, unit: sessions, platform: instagram, supports: [grow-revenue], owners: [marketing] }
  - { id: yt-orders, name: Orders from YouTube referrals, metric: orders, unit: orders, platform: youtube, supports: [grow-revenue], owners: [marketing] }
  - { id: tt-orders, name: Orders from TikTok referrals, metric: orders, unit: orders, platform: tiktok, supports: [grow-revenue], owners: [marketing] }
  - { id: reply-time, name: Median first reply time on Instagram, metric: minutes, unit: minutes, platform: instagram, supports: [keep-customers], owners: [support] }
`;

const MARKETING_V1 = `goalpost: 1
goals:
  - id: ig-traffic
    title: Grow website sessions from Instagram by 20% to 12,000 a month by September 30
    department: marketing
    supports: [grow-revenue]
    platform: instagram
    audience: adventurers
    start: 2027-01-01
    deadline: 2027-09-30
    targets:
      - { kpi: ig-sessions, baseline: 10000, target: 12000, current: 11000 }
  - id: yt-films
    title: Grow monthly orders from YouTube trail films to 300 by October 31
    department: marketing
    supports: [grow-revenue]
    platform: youtube
    audience: adventurers
    start: 2027-01-01
    deadline: 2027-10-31
    targets:
      - { kpi: yt-orders, baseline: 200, target: 300, current: 240 }
  - id: tt-reach
    title: Grow monthly orders from TikTok to 150 by November 30
    supports: [grow-revenue]
    platform: tiktok
    audience: adventurers
    start: 2027-01-01
    deadline: 2027-11-30
    targets:
      - { kpi: tt-orders, baseline: 100, target: 150, current: 120 }
`;

/** v2: tt-reach removed (its missing owner goes with it), ig-traffic's target, deadline and links changed, yt-films re-titled, a goal added with a typo'd link. */
const MARKETING_V2 = `goalpost: 1
goals:
  - id: ig-traffic
    title: Grow website sessions from Instagram by 25% to 12,500 a month by December 31
    department: marketing
    supports: [grow-revenue, keep-customers]
    platform: instagram
    audience: adventurers
    start: 2027-01-01
    deadline: 2027-12-31
    targets:
      - { kpi: ig-sessions, baseline: 10000, target: 12500, current: 11000 }
  - id: yt-films
    title: "Grow \`YT\` orders | films <trail> to 300 *by* October 31"
    department: marketing
    supports: [grow-revenue]
    platform: youtube
    audience: adventurers
    start: 2027-01-01
    deadline: 2027-10-31
    targets:
      - { kpi: yt-orders, baseline: 200, target: 300, current: 240 }
  - id: ig-replies
    title: Cut the median first reply time on Instagram from 90 to 30 minutes by December 31
    department: support
    supports: [keep-customer]
    platform: instagram
    audience: customers
    start: 2027-01-01
    deadline: 2027-12-31
    targets:
      - { kpi: reply-time, baseline: 90, target: 30, current: 60, direction: decrease }
`;

const SUPPORT = `goalpost: 1
goals:
  - id: fb-answers
    title: Answer 95% of Facebook questions within 2 hours by December 31
    department: support
    supports: [keep-customers]
    platform: facebook
    audience: customers
    start: 2027-01-01
    deadline: 2027-12-31
    targets:
      - { kpi: reply-time, baseline: 240, target: 120, current: 180, direction: decrease }
`;

const LEGACY = `goalpost: 1
kpis:
  - { id: legacy-likes, name: Facebook page likes, metric: likes, platform: facebook, supports: [grow-revenue], owners: [marketing] }
`;

/** A separate workspace with its own config, which turns missing-owner off for it. */
const EMEA_CONFIG = 'today: 2027-05-15\nrules:\n  missing-owner: off\n';
const EMEA = `goalpost: 1
objectives:
  - { id: emea-revenue, title: Grow EMEA online revenue by 10% in FY2027, metric: online_revenue, deadline: 2027-12-31 }
kpis:
  - { id: emea-sessions, name: EMEA website sessions from Instagram, metric: sessions, platform: instagram, supports: [emea-revenue] }
goals:
  - id: emea-traffic
    title: Grow EMEA website sessions from Instagram to 5,000 a month by December 31
    supports: [emea-revenue]
    platform: instagram
    start: 2027-01-01
    deadline: 2027-12-31
    targets:
      - { kpi: emea-sessions, baseline: 4000, target: 5000, current: 4400 }
`;

const BROKEN = `goalpost: 1
goals:
  - id: pin-boards
    title: Grow Pinterest saves of trail guides to 2,000 a month by December 31
    supports: [grow-revenue
`;

const FIXED = `goalpost: 1
goals:
  - id: pin-boards
    title: Grow Pinterest saves of trail guides to 2,000 a month by December 31
    department: marketing
    supports: [grow-revenue]
    platform: pinterest
    start: 2027-01-01
    deadline: 2027-12-31
    last_reviewed: 2027-04-10
    targets:
      - { kpi: ig-sessions, baseline: 1000, target: 2000, current: 1500 }
`;

/** One step of the history: files written, removed or moved (with `git mv`), then committed and tagged. */
interface Step {
  readonly tag: string;
  readonly write?: Record<string, string>;
  readonly remove?: readonly string[];
  readonly move?: readonly [string, string][];
}

const HISTORY: readonly Step[] = [
  {
    tag: 'v1',
    write: {
      '.goalpost.yaml': CONFIG,
      'company.goals.yaml': COMPANY,
      'marketing.goals.yaml': MARKETING_V1,
      'support.goals.yaml': SUPPORT,
      'legacy.goals.yaml': LEGACY,
      'emea/.goalpost.yaml': EMEA_CONFIG,
      'emea/plan.goals.yaml': EMEA,
      'README.md': '# Strategy\n',
    },
  },
  { tag: 'v2', write: { 'marketing.goals.yaml': MARKETING_V2, 'emea/plan.goals.yaml': EMEA.replace('target: 5000', 'target: 5500') } },
  // The support file moves into a folder (no config there: same workspace), the legacy file goes, a broken file comes.
  { tag: 'v3', move: [['support.goals.yaml', 'service/support.goals.yaml']], remove: ['legacy.goals.yaml'], write: { 'broken.goals.yaml': BROKEN } },
  { tag: 'v4', write: { 'broken.goals.yaml': FIXED } },
];

/** A case: the arguments after `goalpost diff`, the exit code, and whether `diff/<name>/` holds goldens. */
interface Case {
  readonly name: string;
  readonly args: readonly string[];
  readonly exit: number;
}

const GOLDEN_CASES: readonly Case[] = [
  { name: 'changes', args: ['v1', 'v2'], exit: 0 },
  { name: 'moved-and-deleted', args: ['v2', 'v3'], exit: 0 },
  { name: 'broken-base', args: ['v3', 'v4'], exit: 0 },
  { name: 'working-tree', args: ['v4'], exit: 0 },
  { name: 'no-change', args: ['v2', 'v2'], exit: 0 },
];

describe('goalpost diff over a real git repository', () => {
  let temp: string;
  let repo: string;
  let env: NodeJS.ProcessEnv;
  const commits = new Map<string, string>();

  before(() => {
    assertBuilt();
    temp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'goalpost-diff-')));
    repo = path.join(temp, 'repo');
    fs.mkdirSync(repo);
    env = gitEnv(temp);
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, env, encoding: 'utf8' }).trim();
    git('init', '-q', '-b', 'main');
    for (const step of HISTORY) {
      for (const [from, to] of step.move ?? []) {
        fs.mkdirSync(path.dirname(path.join(repo, to)), { recursive: true });
        git('mv', from, to);
      }
      for (const file of step.remove ?? []) git('rm', '-q', file);
      for (const [file, text] of Object.entries(step.write ?? {})) writeFile(repo, file, text);
      git('add', '-A');
      git('-c', 'user.name=Goalpost Tests', '-c', 'user.email=tests@goalpost.invalid', 'commit', '-q', '-m', step.tag);
      git('tag', step.tag);
      commits.set(step.tag, git('rev-parse', 'HEAD'));
    }
    // The working tree: an uncommitted edit, an untracked goals file, and an ignored one that must not count.
    writeFile(repo, 'marketing.goals.yaml', MARKETING_V2.replace('deadline: 2027-10-31', 'deadline: 2027-11-30'));
    writeFile(
      repo,
      'emea/launch.goals.yaml',
      'goalpost: 1\ngoals:\n  - id: emea-launch\n    title: Launch the EMEA Instagram account by June 30\n    supports: [emea-revenue]\n',
    );
    writeFile(repo, '.gitignore', 'scratch.goals.yaml\n');
    writeFile(repo, 'scratch.goals.yaml', 'goalpost: 1\ngoals:\n  - id: scratch\n');
  });

  after(() => {
    if (temp) fs.rmSync(temp, { recursive: true, force: true });
  });

  /** Runs `goalpost diff <args>` in a folder with the test's git environment. */
  function diff(args: readonly string[], cwd = repo) {
    const result = spawnSync(process.execPath, [BIN, 'diff', ...args], { cwd, env, encoding: 'utf8', timeout: 60_000 });
    if (result.error) throw result.error;
    return result;
  }

  /** Output with every commit id, full or abbreviated, replaced by its tag. */
  function placeholders(text: string): string {
    let out = text;
    for (const [tag, commit] of commits) out = out.split(commit).join(`<${tag}>`).split(commit.slice(0, 7)).join(`<${tag}>`);
    return out;
  }

  for (const testCase of GOLDEN_CASES) {
    it(`${testCase.name}: goalpost diff ${testCase.args.join(' ')}`, () => {
      const folder = path.join(CASES, testCase.name);
      for (const [format, golden] of [
        ['markdown', 'expected.md'],
        ['json', 'expected.json'],
      ] as const) {
        const run = diff([...testCase.args, '--format', format]);
        assert.equal(run.stderr, '', `${format}: nothing on stderr`);
        assert.equal(run.status, testCase.exit, `${format}: exit code`);
        if (format === 'json') JSON.parse(run.stdout);
        compareGolden(path.join(folder, golden), placeholders(run.stdout));
      }
    });
  }

  it('the markdown starts with the marker a CI job finds its comment by', () => {
    assert.match(diff(['v1', 'v2']).stdout, /^<!-- goalpost-diff -->\n/);
  });

  it('also works from a subfolder, with paths still relative to the repository root', () => {
    const fromRoot = diff(['v2', 'v3', '--format', 'json']);
    const fromSubfolder = diff(['v2', 'v3', '--format', 'json'], path.join(repo, 'emea'));
    assert.equal(fromSubfolder.status, 0);
    assert.equal(fromSubfolder.stdout, fromRoot.stdout);
  });

  it('--output-file writes the report there and nothing to stdout', () => {
    const run = diff(['v1', 'v2', '-o', path.join(temp, 'out', 'diff.md')]);
    assert.equal(run.status, 0);
    assert.equal(run.stdout, '');
    assert.equal(fs.readFileSync(path.join(temp, 'out', 'diff.md'), 'utf8'), diff(['v1', 'v2']).stdout);
  });

  describe('--fail-on-new', () => {
    const table: readonly { args: string[]; exit: number; stderr: RegExp | '' }[] = [
      {
        args: ['v1', 'v2', '--fail-on-new', 'error'],
        exit: 1,
        stderr: /^goalpost: the change introduces 1 finding of severity error or worse \(--fail-on-new\)\.\n$/,
      },
      { args: ['v1', 'v2', '--fail-on-new', 'info'], exit: 1, stderr: /^goalpost: the change introduces \d+ findings of severity info or worse/ },
      // v3 → v4 only fixes findings.
      { args: ['v3', 'v4', '--fail-on-new', 'info'], exit: 0, stderr: '' },
      { args: ['v1', 'v2'], exit: 0, stderr: '' },
    ];
    for (const row of table) {
      it(`goalpost diff ${row.args.join(' ')} exits ${row.exit}`, () => {
        const run = diff(row.args);
        assert.equal(run.status, row.exit);
        if (row.stderr === '') assert.equal(run.stderr, '');
        else assert.match(run.stderr, row.stderr);
        assert.notEqual(run.stdout, '', 'the report is written whatever the exit code');
      });
    }
  });

  describe('usage errors: exit 2, one line on stderr, nothing on stdout', () => {
    const table: readonly { name: string; args: string[]; cwd?: () => string; stderr: RegExp }[] = [
      { name: 'a bad base revision', args: ['no-such-branch'], stderr: /^goalpost: bad revision "no-such-branch": no commit, branch or tag has that name\n$/ },
      { name: 'a bad head revision', args: ['v1', 'v9'], stderr: /^goalpost: bad revision "v9": no commit, branch or tag has that name\n$/ },
      { name: 'a revision that names a blob, not a commit', args: ['v1:company.goals.yaml'], stderr: /^goalpost: bad revision "v1:company\.goals\.yaml"/ },
      {
        name: 'a folder outside any git repository',
        args: ['main'],
        cwd: () => fs.mkdtempSync(path.join(temp, 'not-a-repo-')),
        stderr: /^goalpost: not a git repository/,
      },
      { name: 'an unknown --fail-on-new severity', args: ['v1', '--fail-on-new', 'fatal'], stderr: /^goalpost: .*fatal.*\n$/ },
    ];
    for (const row of table) {
      it(row.name, () => {
        const run = diff(row.args, row.cwd?.() ?? repo);
        assert.equal(run.status, 2);
        assert.match(run.stderr, row.stderr);
        assert.match(run.stderr, /^[^\n]+\n$/);
        assert.equal(run.stdout, '');
      });
    }
  });
});

describe('diff markdown escaping', () => {
  const table: readonly { fn: (value: string) => string; input: string; output: string }[] = [
    {
      fn: text,
      input: 'Grow | reach <b>by</b> 20% & *more* [now](x) ~~a~~ $5 \\',
      output: 'Grow \\| reach &lt;b&gt;by&lt;/b&gt; 20% &amp; \\*more\\* \\[now\\](x) \\~\\~a\\~\\~ \\$5 \\\\',
    },
    { fn: text, input: 'two\nlines\r\nhere', output: 'two lines here' },
    { fn: text, input: 'a `tick`', output: 'a \\`tick\\`' },
    { fn: code, input: 'plain-id', output: '`plain-id`' },
    { fn: code, input: 'has `one` tick', output: '``has `one` tick``' },
    { fn: code, input: '`edge', output: '`` `edge ``' },
    { fn: code, input: 'a<b>|c', output: '`a<b>|c`' },
    { fn: message, input: 'Goal `x|y` has no `department`; add <it>.', output: 'Goal `x|y` has no `department`; add &lt;it&gt;.' },
    { fn: message, input: 'An odd ` tick', output: 'An odd \\` tick' },
  ];
  for (const row of table) {
    it(`${row.fn.name}(${JSON.stringify(row.input)})`, () => assert.equal(row.fn(row.input), row.output));
  }
});

/** An environment where git reads no system or user config and never looks above the temporary folder. */
function gitEnv(home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CEILING_DIRECTORIES: home,
  };
  for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_CONFIG_GLOBAL', 'GIT_CONFIG', 'NO_COLOR', 'FORCE_COLOR', 'GITHUB_STEP_SUMMARY'])
    delete env[name];
  return env;
}

function writeFile(root: string, file: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), text);
}

function compareGolden(golden: string, actual: string): void {
  if (UPDATE) {
    fs.mkdirSync(path.dirname(golden), { recursive: true });
    fs.writeFileSync(golden, actual);
  }
  if (!fs.existsSync(golden))
    assert.fail(`missing golden ${path.relative(process.cwd(), golden)}: run \`UPDATE_GOLDEN=1 npx mocha test/cli/diff.test.ts\` and review what it writes`);
  assert.equal(actual, fs.readFileSync(golden, 'utf8'), `${path.relative(process.cwd(), golden)} differs (UPDATE_GOLDEN=1 rewrites it)`);
}
