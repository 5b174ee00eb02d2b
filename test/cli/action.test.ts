/**
 * The GitHub Action as the runner runs it: `node dist/action.js` with `INPUT_*` variables, the step-summary,
 * output and event files, in a real git repository with a base and a head commit, and `GITHUB_API_URL`
 * pointing at a loopback HTTP server that stands in for the REST API. The first run lists the pull
 * request's comments and creates the diff comment; the second lists them and updates it in place.
 */
import * as assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkReport } from '../../server/src/cli/check';
import { runAction as runActionInProcess } from '../../server/src/action/main';
import { assertBuilt, REPO, runCli } from '../helpers/cli';

const ACTION = path.join(REPO, 'dist', 'action.js');
const EXAMPLE = path.join(REPO, 'examples', 'strategy');
const TOKEN = 'test-token-123';

interface Request {
  readonly method: string;
  readonly url: string;
  readonly authorization?: string;
  readonly body?: { body?: string };
}

/** A stand-in for the issue-comments endpoints of the REST API, recording every request. */
class FakeApi {
  readonly requests: Request[] = [];
  private readonly comments: { id: number; body: string; user: { type: string } }[] = [{ id: 5, body: 'LGTM', user: { type: 'User' } }];
  private readonly server = http.createServer((request, response) => {
    let data = '';
    request.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
    request.on('end', () => {
      const body = data ? (JSON.parse(data) as { body?: string }) : undefined;
      this.requests.push({ method: request.method ?? '', url: request.url ?? '', authorization: request.headers.authorization, body });
      const send = (status: number, value: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(value));
      };
      const url = request.url ?? '';
      if (request.method === 'GET' && /^\/repos\/acme\/strategy\/issues\/7\/comments\?/.test(url)) return send(200, this.comments);
      if (request.method === 'POST' && url === '/repos/acme/strategy/issues/7/comments') {
        const created = { id: 101, body: body?.body ?? '', user: { type: 'Bot' } };
        this.comments.push(created);
        return send(201, created);
      }
      const patch = /^\/repos\/acme\/strategy\/issues\/comments\/(\d+)$/.exec(url);
      const existing = patch && this.comments.find((comment) => comment.id === Number(patch[1]));
      if (request.method === 'PATCH' && existing) {
        existing.body = body?.body ?? '';
        return send(200, existing);
      }
      return send(404, { message: 'Not Found' });
    });
  });

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** Runs the action's entry as a child process (asynchronously: the fake API answers from this process). */
function runAction(env: Record<string, string>, cwd: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const base: NodeJS.ProcessEnv = { ...process.env };
    for (const name of Object.keys(base)) if (name.startsWith('INPUT_') || name.startsWith('GITHUB_')) delete base[name];
    const child = spawn(process.execPath, [ACTION], { cwd, env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 't@example.com' },
  }).trim();
}

describe('GitHub Action (dist/action.js as the runner runs it)', function () {
  this.timeout(60_000);
  let folder: string;
  let repo: string;
  let api: FakeApi;
  let apiUrl: string;
  let baseSha: string;
  let headSha: string;

  before(async () => {
    assertBuilt();
    assert.ok(fs.existsSync(ACTION), 'dist/action.js is missing: run `npm run build`');
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'goalpost-action-'));
    repo = path.join(folder, 'repo');
    fs.cpSync(EXAMPLE, repo, { recursive: true });
    git(repo, 'init', '-q', '-b', 'main');
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'base');
    baseSha = git(repo, 'rev-parse', 'HEAD');
    // The head commit misspells an objective (an error) and adds a goal (a change the diff shows).
    const marketing = path.join(repo, 'marketing.goals.yaml');
    const text = fs.readFileSync(marketing, 'utf8');
    fs.writeFileSync(marketing, text.replace('supports: [grow-online-revenue]', 'supports: [grow-onlin-revenue]'));
    git(repo, 'commit', '-q', '-am', 'head');
    headSha = git(repo, 'rev-parse', 'HEAD');
    api = new FakeApi();
    apiUrl = await api.listen();
  });

  after(async () => {
    await api.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  /** The runner's environment for one step run; each run gets fresh summary and output files. */
  function stepEnv(run: string, inputs: Record<string, string>): { env: Record<string, string>; summary: string; output: string } {
    const summary = path.join(folder, `summary-${run}.md`);
    const output = path.join(folder, `output-${run}.txt`);
    const event = path.join(folder, 'event.json');
    fs.writeFileSync(
      event,
      JSON.stringify({
        action: 'synchronize',
        number: 7,
        pull_request: { number: 7, base: { sha: baseSha, ref: 'main' }, head: { sha: headSha, ref: 'feature' } },
      }),
    );
    const env: Record<string, string> = {
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: repo,
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_OUTPUT: output,
      GITHUB_EVENT_PATH: event,
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_REPOSITORY: 'acme/strategy',
      GITHUB_API_URL: apiUrl,
      'INPUT_GITHUB-TOKEN': TOKEN,
      ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])),
    };
    return { env, summary, output };
  }

  it('annotates, summarises, writes SARIF and outputs, fails on the error, and creates the diff comment', async () => {
    const { env, summary, output } = stepEnv('1', {
      paths: '.',
      'fail-level': 'error',
      sarif: 'reports/goalpost.sarif',
      'diff-comment': 'true',
      today: '2027-05-15',
    });
    const run = await runAction(env, repo);
    assert.equal(run.stderr, '');
    assert.equal(run.status, 1, run.stdout);
    assert.match(
      run.stdout,
      /^::error file=marketing\.goals\.yaml,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=Goalpost unknown-reference::`supports` names `grow-onlin-revenue`/m,
    );
    const outputs = Object.fromEntries(
      fs
        .readFileSync(output, 'utf8')
        .trim()
        .split('\n')
        .map((line) => line.split('=') as [string, string]),
    );
    assert.equal(outputs.errors, '1');
    assert.ok(Number(outputs.warnings) >= 0 && Number(outputs.infos) >= 0);
    assert.equal(outputs.sarif, 'reports/goalpost.sarif');
    const sarif = JSON.parse(fs.readFileSync(path.join(repo, 'reports', 'goalpost.sarif'), 'utf8')) as {
      version: string;
      runs: { results: { ruleId: string }[] }[];
    };
    assert.equal(sarif.version, '2.1.0');
    assert.ok(sarif.runs[0].results.some((result) => result.ruleId === 'unknown-reference'));
    const written = fs.readFileSync(summary, 'utf8');
    assert.match(written, /^## Goalpost check$/m);
    assert.match(written, /^### Goalpost: strategy changes$/m, 'the diff goes to the job summary too');

    assert.deepEqual(
      api.requests.map((request) => `${request.method} ${request.url.replace(/\?.*/, '')}`),
      ['GET /repos/acme/strategy/issues/7/comments', 'POST /repos/acme/strategy/issues/7/comments'],
    );
    assert.ok(api.requests.every((request) => request.authorization === `Bearer ${TOKEN}`));
    const body = api.requests[1].body?.body ?? '';
    assert.match(body, /^<!-- goalpost-diff -->\n### Goalpost: strategy changes/);
    assert.match(body, /grow-onlin-revenue/);
    assert.match(run.stdout, /^diff-comment: created comment 101 on pull request #7\.$/m);
  });

  it('updates the same comment in place on the next push', async () => {
    api.requests.length = 0;
    const { env } = stepEnv('2', { 'diff-comment': 'true', today: '2027-05-15' });
    const run = await runAction(env, repo);
    assert.equal(run.status, 1);
    assert.deepEqual(
      api.requests.map((request) => `${request.method} ${request.url.replace(/\?.*/, '')}`),
      ['GET /repos/acme/strategy/issues/7/comments', 'PATCH /repos/acme/strategy/issues/comments/101'],
    );
    assert.match(api.requests[1].body?.body ?? '', /^<!-- goalpost-diff -->/);
    assert.match(run.stdout, /^diff-comment: updated comment 101 on pull request #7\.$/m);
  });

  it('passes with fail-level none and comments nothing without diff-comment', async () => {
    api.requests.length = 0;
    const { env, output } = stepEnv('3', { 'fail-level': 'none', today: '2027-05-15' });
    const run = await runAction(env, repo);
    assert.equal(run.status, 0, run.stdout);
    assert.deepEqual(api.requests, []);
    assert.match(fs.readFileSync(output, 'utf8'), /^errors=1\n/m);
    assert.match(fs.readFileSync(output, 'utf8'), /^sarif=\n/m);
  });

  it('fails on a warning with fail-level warning, not with fail-level error', async () => {
    git(repo, 'checkout', '-q', baseSha);
    const marketing = path.join(repo, 'marketing.goals.yaml');
    const text = fs.readFileSync(marketing, 'utf8');
    try {
      // A goal without its department: missing-owner, a warning, and no error.
      fs.writeFileSync(marketing, text.replace(/^ {4}department: \S+\n/m, ''));
      const strict = stepEnv('4', { 'fail-level': 'warning', today: '2027-05-15' });
      const run = await runAction(strict.env, repo);
      assert.match(fs.readFileSync(strict.output, 'utf8'), /^errors=0\nwarnings=1\n/m);
      assert.match(run.stdout, /^::warning file=marketing\.goals\.yaml,.*title=Goalpost missing-owner::/m);
      assert.equal(run.status, 1, run.stdout);
      const lenient = stepEnv('5', { 'fail-level': 'error', today: '2027-05-15' });
      assert.equal((await runAction(lenient.env, repo)).status, 0);
    } finally {
      fs.writeFileSync(marketing, text);
      git(repo, 'checkout', '-q', 'main');
    }
  });

  it('analyses the goal files once and derives annotations, summary, SARIF and counts from that one report', async () => {
    const { env, summary, output } = stepEnv('7', { paths: '.', sarif: 'reports/once.sarif', today: '2027-05-15' });
    let analyses = 0;
    let stdout = '';
    const code = await runActionInProcess({
      env,
      cwd: repo,
      stdout: (text) => (stdout += text),
      fetch: globalThis.fetch,
      now: () => new Date(),
      check: (...args) => {
        analyses++;
        return checkReport(...args);
      },
    });
    assert.equal(analyses, 1);
    assert.equal(code, 1, stdout);
    // Each output is what the CLI's own format gives for the same files.
    const cli = (format: string) => runCli(['check', '--format', format, '--today', '2027-05-15'], repo, { env: { GITHUB_STEP_SUMMARY: '' } }).stdout;
    assert.ok(stdout.startsWith(cli('github')), stdout);
    assert.equal(fs.readFileSync(path.join(repo, 'reports', 'once.sarif'), 'utf8'), cli('sarif'));
    assert.match(fs.readFileSync(summary, 'utf8'), /^## Goalpost check$/m);
    const counts = (JSON.parse(cli('json')) as { summary: Record<string, number> }).summary;
    assert.equal(fs.readFileSync(output, 'utf8'), `errors=${counts.error}\nwarnings=${counts.warning}\ninfos=${counts.info}\nsarif=reports/once.sarif\n`);
    fs.rmSync(path.join(repo, 'reports'), { recursive: true, force: true });
  });

  it('rejects an unknown fail-level with an error annotation and exit 2', async () => {
    const { env } = stepEnv('6', { 'fail-level': 'fatal' });
    const run = await runAction(env, repo);
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '::error title=Goalpost::fail-level must be one of error, warning, info, none, not "fatal"\n');
  });
});
