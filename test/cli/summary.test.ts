/**
 * The GitHub Actions job summary of `check --format github`: appended to `$GITHUB_STEP_SUMMARY` when it
 * is set, golden in `summary/`; nothing written when it is not; a warning, and the same result, when the
 * file cannot be written. UPDATE_GOLDEN=1 rewrites the golden files.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { summary, SUMMARY_MAX_ROWS } from '../../server/src/cli/formatters/check/summary';
import { main } from '../../server/src/cli/main';
import { rules } from '../../server/src/core/rules';
import type { Finding } from '../../server/src/core/types';

const INPUT = path.join(__dirname, 'scenarios', 'format-github', 'input');
const CLEAN = path.join(__dirname, 'scenarios', 'check-clean', 'input');
const GOLDEN = path.join(__dirname, 'summary');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

interface Captured {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function check(cwd: string, env: Record<string, string>, format = 'github'): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const code = await main({
    argv: ['check', '--today', '2027-05-15', '--format', format],
    cwd,
    env,
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    stdoutIsTTY: false,
    now: () => new Date(2027, 4, 15, 12),
  });
  return { code, stdout, stderr };
}

function assertGolden(name: string, actual: string): void {
  const file = path.join(GOLDEN, name);
  if (UPDATE) fs.writeFileSync(file, actual);
  assert.ok(fs.existsSync(file), `missing golden ${name}: run with UPDATE_GOLDEN=1 and review it`);
  assert.equal(actual, fs.readFileSync(file, 'utf8'), `${name} differs (UPDATE_GOLDEN=1 rewrites it)`);
}

describe('the GitHub job summary (check --format github)', () => {
  let folder: string;
  before(() => (folder = fs.mkdtempSync(path.join(os.tmpdir(), 'goalpost-summary-'))));
  after(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('is appended to $GITHUB_STEP_SUMMARY after what earlier steps wrote', async () => {
    const file = path.join(folder, 'step-summary.md');
    fs.writeFileSync(file, '# Earlier step\n\n');
    const withSummary = await check(INPUT, { GITHUB_STEP_SUMMARY: file });
    const without = await check(INPUT, {});
    assert.equal(withSummary.code, 1);
    assert.equal(withSummary.stderr, '');
    assert.equal(withSummary.stdout, without.stdout, 'the annotations do not change');
    const written = fs.readFileSync(file, 'utf8');
    assert.ok(written.startsWith('# Earlier step\n\n'), 'appended, not overwritten');
    assertGolden('format-github.md', written.slice('# Earlier step\n\n'.length));
  });

  it('says so when there is nothing to report', async () => {
    const file = path.join(folder, 'clean.md');
    const { code } = await check(CLEAN, { GITHUB_STEP_SUMMARY: file });
    assert.equal(code, 0);
    assertGolden('clean.md', fs.readFileSync(file, 'utf8'));
  });

  it('is not written when $GITHUB_STEP_SUMMARY is unset or empty', async () => {
    const before = fs.readdirSync(folder);
    assert.equal((await check(INPUT, {})).code, 1);
    assert.equal((await check(INPUT, { GITHUB_STEP_SUMMARY: '' })).code, 1);
    assert.deepEqual(fs.readdirSync(folder), before);
  });

  it('is written by the github format only', async () => {
    const file = path.join(folder, 'other-format.md');
    for (const format of ['stylish', 'json', 'sarif', 'gitlab', 'junit']) await check(INPUT, { GITHUB_STEP_SUMMARY: file }, format);
    assert.ok(!fs.existsSync(file));
  });

  it('that cannot be written gives a warning on stderr, and the check result stands', async () => {
    const expected = await check(INPUT, {});
    for (const unwritable of [folder, path.join(folder, 'no-such-folder', 'summary.md')]) {
      const { code, stdout, stderr } = await check(INPUT, { GITHUB_STEP_SUMMARY: unwritable });
      assert.equal(code, expected.code, 'same exit code');
      assert.equal(stdout, expected.stdout, 'same annotations');
      assert.match(stderr, /^goalpost: warning: cannot write the job summary to .+ \(\$GITHUB_STEP_SUMMARY\): [^\n]+\n$/);
    }
    const clean = await check(CLEAN, { GITHUB_STEP_SUMMARY: folder });
    assert.equal(clean.code, 0, 'a clean check stays clean');
  });
});

describe('summary()', () => {
  const metas = rules.map((rule) => rule.meta);
  const finding = (message: string, file = 'plan.goals.yaml', line = 0): Finding => ({
    file,
    rule: 'smart-specific',
    severity: 'warning',
    message,
    range: { start: { line, character: 0 }, end: { line, character: 1 } },
  });
  const render = (findings: Finding[]) => summary({ findings, files: ['plan.goals.yaml'], rules: metas, version: '0.0.0', color: false });

  it(`lists at most ${SUMMARY_MAX_ROWS} findings and says how many more there are`, () => {
    const findings = Array.from({ length: SUMMARY_MAX_ROWS + 5 }, (_, index) => finding(`Finding ${index}.`, 'plan.goals.yaml', index));
    const text = render(findings);
    assert.equal(text.split('\n').filter((line) => line.startsWith('| `plan.goals.yaml:')).length, SUMMARY_MAX_ROWS);
    assert.match(text, /Finding 199\./);
    assert.doesNotMatch(text, /Finding 200\./);
    assert.match(text, /\n…and 5 more findings: run `goalpost check` to see them all\.\n/);
  });

  it('escapes user text: no cell break, tag, link or emphasis; code spans kept', () => {
    const text = render([
      finding('Goal `a|b` has a title "<script>alert(1)</script> *bold* [x](https://evil.example) a|b"\non two lines.', 'we|ird`name.goals.yaml'),
    ]);
    const row = text.split('\n').find((line) => line.includes('smart-specific'));
    assert.ok(row);
    assert.equal(row.split(/(?<!\\)\|/).length - 2, 4, 'exactly four cells');
    assert.doesNotMatch(row, /<script>/);
    assert.match(row, /&lt;script&gt;/);
    assert.match(row, /`a\\\|b`/, 'the code span is kept, its pipe escaped');
    assert.match(row, /\\\*bold\\\*/);
    assert.match(row, /\\\[x\\\]\(https:\/\/evil\.example\)/);
    assert.match(row, /we\\\|ird\\`name\.goals\.yaml:1/, 'a file name with a backtick is escaped text, not a broken code span');
    assert.match(row, /on two lines\. \|$/);
  });

  it('links every rule to its documentation', () => {
    assert.match(
      render([finding('Vague.')]),
      /\[`smart-specific`\]\(https:\/\/github\.com\/goalpost-dev\/goalpost\/blob\/main\/docs\/rules\/smart-specific\.md\)/,
    );
  });
});
