/**
 * The shape every rule's test file shares: a table of cases (a text, the findings the rule must report
 * there), the rule's other tests, and its fixture folder. `testRule` makes the rule's suite from them.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Config } from '../../server/src/core/config';
import type { Finding } from '../../server/src/core/types';
import { checkFixtureFolder } from './fixtures';
import { at, lintRule } from './lint';

/** Where each rule's fixture folder is: `test/fixtures/rules/<rule-id>/`. */
export const RULE_FIXTURES = path.join(__dirname, '../fixtures/rules');

/** One case of a rule's table: what is linted, and what the rule must find there. */
export interface RuleCase {
  /** The test's name: what the case shows. */
  readonly name: string;
  /** One file's text (linted as `test.goals.yaml`), or files by name, linted as one workspace. */
  readonly text: string | Readonly<Record<string, string>>;
  /** The rule's findings, in order, each written as the suite's `show` writes one. */
  readonly findings: readonly unknown[];
  /** The check date, when not the tests' usual 2027-05-15. */
  readonly today?: string;
  /** The configuration, when not the default one. */
  readonly config?: Config;
}

/** How a rule's suite reads its cases, and the tests that do not fit a table. */
export interface RuleSuite {
  /** How a finding is written in a case's `findings`; by default `[line:column, message]`. */
  readonly show?: (finding: Finding) => unknown;
  /** A further check of every case's findings (where they all point, say). */
  readonly each?: (findings: readonly Finding[], testCase: RuleCase) => void;
  /** Registers the rule's other tests, in its suite after the cases. */
  readonly more?: () => void;
}

/**
 * The suite of a rule: one test a case (the rule's findings on its text are its `findings`), then the
 * `more` tests, then the rule's fixture folder (its `# expect:` markers and `expected.json`).
 */
export function testRule(id: string, cases: readonly RuleCase[], suite: RuleSuite = {}): void {
  const show = suite.show ?? ((finding: Finding) => [at(finding), finding.message]);
  describe(id, () => {
    for (const testCase of cases) {
      it(testCase.name, () => {
        const findings = lintRule(id, testCase.text, { today: testCase.today, config: testCase.config });
        assert.deepEqual(findings.map(show), testCase.findings);
        suite.each?.(findings, testCase);
      });
    }
    suite.more?.();
    it('matches its fixture', () => checkFixtureFolder(path.join(RULE_FIXTURES, id), [id]));
  });
}
