/** The runner's side of the extension-host test protocol, fed the calls the workbench makes. */
import * as assert from 'node:assert/strict';
import { parseLine, resultLine, shotLine } from '../vscode/protocol';
import { summaryLine, TestLog } from '../vscode/runner/testLog';

function feed(calls: [string, unknown[]][]): { printed: string[]; shots: string[]; log: TestLog } {
  const printed: string[] = [];
  const shots: string[] = [];
  const log = new TestLog(
    (line) => printed.push(line),
    (name) => shots.push(name),
  );
  for (const [type, args] of calls) log.receive(type, args);
  return { printed, shots, log };
}

describe('extension-host test protocol', () => {
  it('round-trips result and screenshot lines, and ignores other lines', () => {
    assert.deepEqual(parseLine(resultLine('failed', 'diagnostics  a\ttest')), { kind: 'result', outcome: 'failed', title: 'diagnostics a test' });
    assert.deepEqual(parseLine(shotLine('goals-dark')), { kind: 'shot', name: 'goals-dark' });
    assert.equal(parseLine('  3 passing (2s)'), undefined);
    assert.equal(parseLine('@@shot ../escape'), undefined);
    assert.throws(() => shotLine('Goals View'), /lower-case letters, digits and dashes/);
  });

  it('formats printf-style log calls, counts results, passes screenshot requests on and hides the marker lines', () => {
    const { printed, shots, log } = feed([
      ['info', ['  %d passing (%s)', 2, '1s']],
      ['info', [`${resultLine('passed', 'a')}\n${resultLine('passed', 'b')}`]],
      ['info', [resultLine('failed', 'c')]],
      ['info', [resultLine('skipped', 'd')]],
      ['info', [shotLine('diagnostics-light')]],
      ['error', ['Error: boom']],
    ]);
    assert.deepEqual(printed, ['  2 passing (1s)', '[workbench error] Error: boom']);
    assert.deepEqual(shots, ['diagnostics-light']);
    assert.deepEqual(log.counts, { passed: 2, failed: 1, skipped: 1 });
    assert.equal(summaryLine(log.counts), '2 passed, 1 failed, 1 skipped');
    assert.equal(summaryLine({ passed: 5, failed: 0, skipped: 0 }), '5 passed, 0 failed');
  });

  it("drops the workbench's error about the unreachable extension gallery", () => {
    const { printed } = feed([['error', ['getaddrinfo ENOTFOUND open-vsx.org: Failed\n    at yKe.L (workbench.js:1:2)']]]);
    assert.deepEqual(printed, []);
  });
});
