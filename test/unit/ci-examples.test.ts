/**
 * docs/ci.md and examples/ci/ say the same: every code block the docs mark with
 * `<!-- example: <path> -->` equals that file, and every file of examples/ci/ is shown in the docs.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseYaml } from '../../server/src/core/yaml';

const ROOT = path.join(__dirname, '../..');
const DOCS = fs.readFileSync(path.join(ROOT, 'docs', 'ci.md'), 'utf8');

/** A YAML file's value; fails on any syntax problem. */
function parse(text: string): unknown {
  const parsed = parseYaml(text);
  assert.deepEqual(
    parsed.problems.map((problem) => problem.message),
    [],
  );
  return parsed.value;
}

/** The marked code blocks of the docs, by the example file they claim to be. */
function markedBlocks(markdown: string): Map<string, string> {
  const blocks = new Map<string, string>();
  const marker = /^<!-- example: (\S+) -->\n```[a-z]*\n([\s\S]*?)^```$/gm;
  for (const match of markdown.matchAll(marker)) blocks.set(match[1], match[2]);
  return blocks;
}

describe('docs/ci.md and examples/ci/', () => {
  const blocks = markedBlocks(DOCS);
  const examples = fs
    .readdirSync(path.join(ROOT, 'examples', 'ci'))
    .map((name) => `examples/ci/${name}`)
    .sort();

  it('show every example file in the docs, and only those', () => {
    assert.deepEqual([...blocks.keys()].sort(), examples);
  });

  for (const example of examples) {
    it(`${example} is the docs' code block, character for character`, () => {
      assert.equal(blocks.get(example), fs.readFileSync(path.join(ROOT, example), 'utf8'));
    });

    it(`${example} is valid YAML`, () => {
      assert.equal(typeof parse(fs.readFileSync(path.join(ROOT, example), 'utf8')), 'object');
    });
  }

  it('the GitHub workflow fetches history, runs the action with inputs it declares, and uploads its SARIF with the permission it needs', () => {
    const workflow = parse(fs.readFileSync(path.join(ROOT, 'examples/ci/github-workflow.yml'), 'utf8')) as {
      jobs: Record<
        string,
        { permissions: Record<string, string>; steps: { id?: string; if?: string; uses?: string; run?: string; with?: Record<string, unknown> }[] }
      >;
    };
    const action = parse(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as {
      inputs: Record<string, unknown>;
      outputs: Record<string, unknown>;
      runs: { using: string; main: string };
    };
    const [job] = Object.values(workflow.jobs);
    assert.equal(job.permissions['security-events'], 'write');
    assert.equal(job.permissions['pull-requests'], 'write');
    const checkout = job.steps.find((step) => step.uses?.startsWith('actions/checkout@'));
    assert.equal(checkout?.with?.['fetch-depth'], 0);
    assert.ok(!job.steps.some((step) => step.run !== undefined || step.uses?.startsWith('actions/setup-node@')), 'the action installs and runs nothing else');
    // The action is this repository, as package.json names it.
    const repository = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { repository: { url: string } }).repository.url.replace(
      /^https:\/\/github\.com\/|\.git$/g,
      '',
    );
    const goalpost = job.steps.find((step) => step.uses === `${repository}@v1`);
    assert.ok(goalpost, `a step uses ${repository}@v1`);
    assert.deepEqual(
      Object.keys(goalpost.with ?? {}).filter((name) => !(name in action.inputs)),
      [],
      'every input the workflow passes is declared',
    );
    assert.equal(goalpost.with?.sarif, 'goalpost.sarif');
    assert.ok(String(goalpost.with?.['diff-comment']).length > 0);
    const upload = job.steps.find((step) => step.uses?.startsWith('github/codeql-action/upload-sarif@'));
    assert.equal(upload?.with?.sarif_file, `\${{ steps.${goalpost.id}.outputs.sarif }}`);
    assert.match(upload?.if ?? '', /^always\(\)/, 'uploaded even when the gate failed');
    assert.deepEqual(Object.keys(action.outputs).sort(), ['errors', 'infos', 'sarif', 'warnings']);
    assert.deepEqual(action.runs, { using: 'node20', main: 'dist/action.js' });
  });

  it('the GitLab job uploads a code-quality report', () => {
    const pipeline = parse(fs.readFileSync(path.join(ROOT, 'examples/ci/gitlab-ci.yml'), 'utf8')) as Record<
      string,
      { script: string[]; artifacts: { reports?: { codequality?: string } } }
    >;
    const job = pipeline.goalpost;
    assert.ok(job.script.includes('npx goalpost check --format gitlab -o gl-code-quality-report.json'));
    assert.equal(job.artifacts.reports?.codequality, 'gl-code-quality-report.json');
  });
});
