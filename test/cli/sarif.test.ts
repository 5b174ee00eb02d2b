/**
 * `goalpost check --format sarif` as GitHub code scanning consumes it: valid against the official SARIF
 * 2.1.0 schema, every rule described, 1-based regions, and fingerprints that survive lines moving.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { Log, Region, Result } from 'sarif';
import { rules } from '../../server/src/core/rules';
import { INTERNAL_ERROR } from '../../server/src/core/lint';
import { sarif } from '../../server/src/cli/formatters/check/sarif';
import { REPO, runCli } from '../helpers/cli';

/** A scenario whose findings come from several rules, in two files. */
const INPUT = path.join(__dirname, 'scenarios', 'format-sarif', 'input');
const SCHEMA = path.join(REPO, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');
const MOVED_FILE = 'marketing.goals.yaml';
const ARGS = ['check', '--today', '2027-05-15', '--format', 'sarif'];

describe('check --format sarif', () => {
  let workspace: string;
  let log: Log;
  let results: Result[];

  before(() => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'goalpost-sarif-'));
    fs.cpSync(INPUT, workspace, { recursive: true });
    log = runSarif(workspace);
    results = log.runs[0].results ?? [];
  });

  after(() => fs.rmSync(workspace, { recursive: true, force: true }));

  it('is valid against the official SARIF 2.1.0 schema', () => {
    // The official schema's language pattern `^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$` has a lone `]`,
    // valid only in non-Unicode regular expressions.
    const ajv = new Ajv04({ strict: false, allErrors: true, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(fs.readFileSync(SCHEMA, 'utf8')));
    const valid = validate(log);
    assert.ok(valid, `SARIF schema errors:\n${ajv.errorsText(validate.errors, { separator: '\n' })}`);
    assert.equal(log.version, '2.1.0');
  });

  it('has findings of several rules, so the checks below mean something', () => {
    assert.ok(new Set(results.map((result) => result.ruleId)).size >= 4, `rules: ${results.map((result) => result.ruleId).join(', ')}`);
  });

  it('describes every rule with an id, a short description and a help URI', () => {
    const described = log.runs[0].tool.driver.rules ?? [];
    assert.deepEqual(
      described.map((rule) => rule.id),
      rules.map((rule) => rule.meta.id),
    );
    for (const rule of described) {
      assert.ok(rule.shortDescription?.text, `${rule.id}: shortDescription.text`);
      assert.match(rule.helpUri ?? '', /^https:\/\/\S+\/docs\/rules\/[a-z-]+\.md$/, `${rule.id}: helpUri`);
      assert.ok(rule.helpUri?.endsWith(`/${rule.id}.md`), `${rule.id}: helpUri names its own page`);
    }
  });

  it('points every result at a described rule, with the matching ruleIndex', () => {
    const ids = (log.runs[0].tool.driver.rules ?? []).map((rule) => rule.id);
    for (const result of results) {
      assert.ok(result.ruleId && ids.includes(result.ruleId), `ruleId ${result.ruleId} is described`);
      assert.equal(result.ruleIndex, ids.indexOf(result.ruleId), `ruleIndex of ${result.ruleId}`);
    }
  });

  it('uses 1-based regions in every location, related ones included', () => {
    for (const result of results) {
      for (const location of [...(result.locations ?? []), ...(result.relatedLocations ?? [])]) {
        const region = location.physicalLocation?.region;
        const where = `${result.ruleId} in ${location.physicalLocation?.artifactLocation?.uri}`;
        assert.ok(region, `${where}: a region`);
        assert.ok((region.startLine ?? 0) >= 1, `${where}: startLine ${region.startLine} ≥ 1`);
        assert.ok((region.startColumn ?? 0) >= 1, `${where}: startColumn ${region.startColumn} ≥ 1`);
        assert.ok((region.endLine ?? 0) >= (region.startLine ?? 0), `${where}: endLine after startLine`);
      }
    }
  });

  it('gives every result its own partial fingerprint', () => {
    const prints = results.map(fingerprint);
    for (const print of prints) assert.match(print, /^[0-9a-f]{16,}$/);
    assert.equal(new Set(prints).size, prints.length, 'fingerprints are unique');
  });

  it('keeps the fingerprints when lines are inserted above the findings', () => {
    const file = path.join(workspace, MOVED_FILE);
    const original = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, `# A line added at the top moves every finding of this file down by one.\n${original}`);
    let moved: Result[];
    try {
      moved = runSarif(workspace).runs[0].results ?? [];
    } finally {
      fs.writeFileSync(file, original);
    }
    assert.equal(moved.length, results.length);
    assert.ok(
      results.some((result) => uriOf(result) === MOVED_FILE),
      `findings in ${MOVED_FILE}`,
    );
    results.forEach((before, index) => {
      const after = moved[index];
      const shift = uriOf(before) === MOVED_FILE ? 1 : 0;
      const label = `${before.ruleId} at ${uriOf(before)}:${regionOf(before).startLine}`;
      assert.equal(after.ruleId, before.ruleId, label);
      assert.equal(fingerprint(after), fingerprint(before), `${label}: same fingerprint`);
      assert.equal(regionOf(after).startLine, (regionOf(before).startLine ?? 0) + shift, `${label}: startLine shifted by ${shift}`);
      assert.equal(regionOf(after).startColumn, regionOf(before).startColumn, `${label}: same column`);
    });
  });

  it('describes a rule id it has no metadata for, such as a rule that threw', () => {
    const finding = {
      file: 'a.goals.yaml',
      rule: INTERNAL_ERROR,
      severity: 'error' as const,
      message: 'Rule `x` failed.',
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    };
    const output: Log = JSON.parse(
      sarif({ findings: [finding], files: ['a.goals.yaml'], rules: rules.map((rule) => rule.meta), version: '0.0.0', color: false }),
    );
    const described = output.runs[0].tool.driver.rules ?? [];
    const [result] = output.runs[0].results ?? [];
    assert.equal(described[result.ruleIndex ?? -1]?.id, INTERNAL_ERROR);
    assert.ok(described[result.ruleIndex ?? -1]?.helpUri);
  });
});

function runSarif(cwd: string): Log {
  const run = runCli(ARGS, cwd);
  assert.equal(run.stderr, '');
  assert.equal(run.status, 1, 'the scenario has errors');
  return JSON.parse(run.stdout) as Log;
}

function fingerprint(result: Result): string {
  const values = Object.values(result.partialFingerprints ?? {});
  assert.equal(values.length, 1, `${result.ruleId}: one partial fingerprint`);
  return values[0];
}

function regionOf(result: Result): Region {
  return result.locations?.[0]?.physicalLocation?.region ?? {};
}

function uriOf(result: Result): string | undefined {
  return result.locations?.[0]?.physicalLocation?.artifactLocation?.uri;
}
