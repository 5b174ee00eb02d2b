/**
 * The workspace the extension-host tests open (test/vscode/workspace) is the example strategy plus one
 * file with a known finding. Checked here, without VS Code, so a drifting fixture fails fast and says why.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintFolder } from '../helpers/fixtures';

const EXAMPLE = path.join(__dirname, '../../examples/strategy');
const FIXTURE = path.join(__dirname, '../vscode/workspace/strategy');

describe("the extension tests' fixture workspace", () => {
  it('holds examples/strategy unchanged', () => {
    for (const name of fs.readdirSync(EXAMPLE)) {
      assert.equal(
        fs.readFileSync(path.join(FIXTURE, name), 'utf8'),
        fs.readFileSync(path.join(EXAMPLE, name), 'utf8'),
        `${name} differs from examples/strategy`,
      );
    }
  });

  it('has exactly the findings the suites expect: missing-owner in the unopened events.goals.yaml', () => {
    const { findings } = lintFolder(FIXTURE);
    assert.deepEqual(
      findings.map((finding) => `${finding.file}:${finding.range.start.line}:${finding.range.start.character} ${finding.severity} ${finding.rule}`),
      ['events.goals.yaml:6:8 warning missing-owner'],
    );
  });
});
