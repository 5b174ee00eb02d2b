/**
 * Mocha's spec report for people, plus one marker line per test for the runner, which counts them
 * from these events instead of parsing mocha's human-readable summary.
 */
import Mocha from 'mocha';
import { resultLine } from './protocol';

const { EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING } = Mocha.Runner.constants;

/** The spec reporter that also prints `@@result <outcome> <title>` lines. */
export class ProtocolReporter extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    // console.log, not process.stdout: the extension host forwards its console to the runner.
    runner.on(EVENT_TEST_PASS, (test) => console.log(resultLine('passed', test.fullTitle())));
    // Also fires for a failing hook, which must count: it stops the tests behind it.
    runner.on(EVENT_TEST_FAIL, (test) => console.log(resultLine('failed', test.fullTitle())));
    runner.on(EVENT_TEST_PENDING, (test) => console.log(resultLine('skipped', test.fullTitle())));
  }
}
