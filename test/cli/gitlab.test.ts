/**
 * `check --format gitlab`: a GitLab Code Quality report. The shape is validated against the fields GitLab
 * requires (https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format); the exact
 * output is golden in scenarios/format-gitlab.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import Ajv from 'ajv';
import { main } from '../../server/src/cli/main';

/** What GitLab reads from each issue; other fields would be ignored, these must be right. */
const CODE_QUALITY_SCHEMA = {
  type: 'array',
  items: {
    type: 'object',
    required: ['description', 'check_name', 'fingerprint', 'severity', 'location'],
    additionalProperties: false,
    properties: {
      description: { type: 'string', minLength: 1 },
      check_name: { type: 'string', pattern: '^[a-z][a-z0-9-]*$' },
      fingerprint: { type: 'string', pattern: '^[0-9a-f]{32}$' },
      severity: { enum: ['info', 'minor', 'major', 'critical', 'blocker'] },
      location: {
        type: 'object',
        required: ['path', 'lines'],
        additionalProperties: false,
        properties: {
          path: { type: 'string', minLength: 1, pattern: '^(?!/)(?!.*\\\\)' },
          lines: { type: 'object', required: ['begin'], additionalProperties: false, properties: { begin: { type: 'integer', minimum: 1 } } },
        },
      },
    },
  },
} as const;

interface Issue {
  readonly check_name: string;
  readonly fingerprint: string;
  readonly severity: string;
  readonly location: { readonly path: string; readonly lines: { readonly begin: number } };
}

async function gitlabReport(cwd: string): Promise<{ code: number; issues: Issue[]; stdout: string }> {
  let stdout = '';
  const code = await main({
    argv: ['check', '--format', 'gitlab'],
    cwd,
    env: {},
    stdout: (text) => (stdout += text),
    stderr: () => undefined,
    stdoutIsTTY: true,
    now: () => new Date(2027, 4, 15, 12),
  });
  return { code, issues: JSON.parse(stdout) as Issue[], stdout };
}

describe('check --format gitlab', () => {
  const validate = new Ajv({ allErrors: true }).compile(CODE_QUALITY_SCHEMA);

  it('is a valid Code Quality report with an issue per finding of every rule (examples/flawed)', async () => {
    const { code, issues, stdout } = await gitlabReport(path.join(__dirname, '../../examples/flawed'));
    assert.equal(code, 1);
    assert.ok(validate(issues), JSON.stringify(validate.errors, null, 2));
    assert.ok(!stdout.includes('\u001b'), 'no colour, even on a terminal');
    assert.equal(new Set(issues.map((issue) => issue.fingerprint)).size, issues.length, 'fingerprints are unique');
    assert.deepEqual(new Set(issues.map((issue) => issue.severity)), new Set(['major', 'minor', 'info']));
    assert.ok(
      issues.every((issue) => /^[\w-]+\.goals\.yaml$/.test(issue.location.path)),
      'paths relative to the working directory',
    );
  });

  it('keeps a fingerprint when the finding moves to another line', async () => {
    const { issues } = await gitlabReport(path.join(__dirname, 'scenarios', 'format-github', 'input'));
    const { issues: again } = await gitlabReport(path.join(__dirname, 'scenarios', 'format-github', 'input'));
    assert.deepEqual(
      again.map((issue) => issue.fingerprint),
      issues.map((issue) => issue.fingerprint),
      'deterministic',
    );
    const duplicates = issues.filter((issue) => issue.check_name === 'duplicate-id');
    assert.equal(duplicates.length, 2);
    assert.notEqual(duplicates[0].fingerprint, duplicates[1].fingerprint, 'the same message twice in a file: told apart by occurrence');
  });

  it('is an empty array for a clean check', async () => {
    const { code, stdout } = await gitlabReport(path.join(__dirname, '../../examples/strategy'));
    assert.equal(code, 0);
    assert.equal(stdout, '[]\n');
  });
});
