/**
 * `goalpost check --fix` as a real process on a copy of a scenario's files: the safe fixes are written to
 * disk, what they fix is no longer reported, and a second run finds nothing left to fix.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { assertBuilt, runCli } from '../helpers/cli';

const SOURCE = path.join(__dirname, 'scenarios', 'format-stylish', 'input');

describe('goalpost check --fix (real process)', () => {
  let folder: string;

  before(assertBuilt);
  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'goalpost-fix-'));
    fs.cpSync(SOURCE, folder, { recursive: true });
  });
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('writes the did-you-mean fix, keeps the line breaks, and reports only what remains', () => {
    const file = path.join(folder, 'marketing.goals.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/\n/g, '\r\n'));
    const before = fs.readFileSync(file, 'utf8');
    const run = runCli(['check', '--fix', '--today', '2027-05-15'], folder);
    const after = fs.readFileSync(file, 'utf8');
    assert.equal(after, before.replace('supports: [grow-onlin-revenue]', 'supports: [grow-online-revenue]'));
    assert.doesNotMatch(run.stdout, /unknown-reference/);
    assert.match(run.stdout, /✖ 8 problems \(3 errors, 4 warnings, 1 info\) in 2 of 2 files\./);
    assert.equal(run.status, 1, 'errors without a safe fix remain');
    assert.equal(run.stderr, '');

    const again = runCli(['check', '--fix', '--today', '2027-05-15'], folder);
    assert.equal(fs.readFileSync(file, 'utf8'), after, 'nothing is left to fix');
    assert.equal(again.stdout, run.stdout);
  });

  it('--fix-dry-run prints the diff and writes nothing', () => {
    const file = path.join(folder, 'marketing.goals.yaml');
    const before = fs.readFileSync(file, 'utf8');
    const run = runCli(['check', '--fix-dry-run', '--today', '2027-05-15'], folder);
    assert.equal(fs.readFileSync(file, 'utf8'), before);
    assert.match(run.stdout, /^--- a\/marketing\.goals\.yaml\n\+\+\+ b\/marketing\.goals\.yaml\n@@ -6,7 \+6,7 @@\n/);
    assert.match(run.stdout, /^- {4}supports: \[grow-onlin-revenue\]\n\+ {4}supports: \[grow-online-revenue\]$/m);
  });

  it('refuses --fix of standard input (exit 2), which has nowhere to be written', () => {
    const run = runCli(['check', '-', '--fix'], folder, { input: 'goalpost: 1\n' });
    assert.equal(run.status, 2);
    assert.equal(run.stderr, 'goalpost: --fix cannot write standard input back; use --fix-dry-run to see the fixes\n');
  });
});
