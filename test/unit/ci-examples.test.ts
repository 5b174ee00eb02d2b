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
  assert.deepEqual(parsed.problems.map((problem) => problem.message), []);
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
  const examples = fs.readdirSync(path.join(ROOT, 'examples', 'ci')).map((name) => `examples/ci/${name}`).sort();

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

  it('the GitHub workflow fetches history, uploads SARIF with the permission it needs, and comments once by marker', () => {
    const workflow = parse(fs.readFileSync(path.join(ROOT, 'examples/ci/github-workflow.yml'), 'utf8')) as {
      jobs: Record<string, { permissions: Record<string, string>; steps: { uses?: string; run?: string; with?: Record<string, unknown> }[] }>;
    };
    const [job] = Object.values(workflow.jobs);
    assert.equal(job.permissions['security-events'], 'write');
    assert.equal(job.permissions['pull-requests'], 'write');
    const checkout = job.steps.find((step) => step.uses?.startsWith('actions/checkout@'));
    assert.equal(checkout?.with?.['fetch-depth'], 0);
    assert.equal(job.steps.find((step) => step.uses?.startsWith('actions/setup-node@'))?.with?.['node-version'], 20);
    const runs = job.steps.map((step) => step.run ?? '').join('\n');
    assert.match(runs, /npx goalpost check --format sarif -o goalpost\.sarif/);
    assert.match(runs, /npx goalpost check --format github/);
    assert.match(runs, /npx goalpost diff "origin\/\$BASE_REF" --format markdown -o diff\.md/);
    assert.ok(job.steps.some((step) => step.uses?.startsWith('github/codeql-action/upload-sarif@') && step.with?.sarif_file === 'goalpost.sarif'));
    const script = String(job.steps.find((step) => step.uses?.startsWith('actions/github-script@'))?.with?.script);
    assert.match(script, /<!-- goalpost-diff -->/);
    assert.match(script, /updateComment/);
    assert.match(script, /createComment/);
  });

  it('the GitLab job uploads a code-quality report', () => {
    const pipeline = parse(fs.readFileSync(path.join(ROOT, 'examples/ci/gitlab-ci.yml'), 'utf8')) as Record<string, { script: string[]; artifacts: { reports?: { codequality?: string } } }>;
    const job = pipeline.goalpost;
    assert.ok(job.script.includes('npx goalpost check --format gitlab -o gl-code-quality-report.json'));
    assert.equal(job.artifacts.reports?.codequality, 'gl-code-quality-report.json');
  });
});
