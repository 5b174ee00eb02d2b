/**
 * The npm package as a user gets it: `npm pack` (whose `prepack` builds the bundles), then an install of the
 * tarball into an empty project with no network, then the two bins run from there as real processes.
 */
import * as assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { fileUri, TestClient } from '../helpers/lspClient';

const ROOT = path.resolve(__dirname, '../..');
const run = promisify(execFile);

/** A goals file with one error: `supports` names an objective that does not exist (line 13). */
const GOALS = `goalpost: 1
period: { start: 2027-01-01, end: 2027-12-31 }
objectives:
  - { id: grow-online-revenue, title: Grow online revenue by 15% }
departments:
  - { id: marketing, name: Marketing }
kpis:
  - { id: sessions, name: Website sessions, metric: sessions, supports: [grow-online-revenue] }
goals:
  - id: ig-traffic
    title: Increase website sessions from Instagram by 20%
    department: marketing
    supports: [grow-revenue]
    start: 2027-01-01
    deadline: 2027-12-31
    review: quarterly
    last_reviewed: 2027-05-01
    targets:
      - { kpi: sessions, baseline: 1000, target: 1200, current: 1100 }
`;

/**
 * npm with no way out: offline (cache only, and the package has no dependencies to fetch), no audit or
 * fund requests, an empty cache of its own, and a registry on a closed loopback port in case anything tries.
 */
function npmEnv(cache: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, npm_config_cache: cache, npm_config_registry: 'http://127.0.0.1:9/', npm_config_update_notifier: 'false' };
  for (const name of ['NO_COLOR', 'FORCE_COLOR', 'GITHUB_STEP_SUMMARY']) delete env[name];
  return env;
}

describe('the npm package (npm pack, then npm install of the tarball)', function () {
  // A production build (prepack) and an install.
  this.timeout(240_000);
  let temp: string;
  let project: string;
  let tarballFiles: string[];
  let env: NodeJS.ProcessEnv;

  before(async () => {
    temp = fs.mkdtempSync(path.join(os.tmpdir(), 'goalpost-npm-'));
    env = npmEnv(path.join(temp, 'cache'));
    const packed = await run('npm', ['pack', '--json', '--pack-destination', temp], { cwd: ROOT, env, maxBuffer: 16 * 1024 * 1024 });
    // `npm pack --json` prints the lifecycle scripts' output before the JSON.
    const manifest = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('\n[') + 1)) as { filename: string; files: { path: string }[] }[];
    tarballFiles = manifest[0].files.map((file) => file.path);
    const tarball = path.join(temp, manifest[0].filename);
    project = path.join(temp, 'project');
    fs.mkdirSync(path.join(project, 'goals'), { recursive: true });
    fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'strategy', version: '1.0.0', private: true }, null, 2));
    fs.writeFileSync(path.join(project, '.goalpost.yaml'), 'today: 2027-05-15\n');
    fs.writeFileSync(path.join(project, 'goals', 'marketing.goals.yaml'), GOALS);
    await run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--save-dev', tarball], { cwd: project, env });
  });
  after(() => fs.rmSync(temp, { recursive: true, force: true }));

  it('holds the bundles the bins need, the bins, schemas, rule docs, README, LICENSE and CHANGELOG, and nothing else', () => {
    for (const file of [
      'bin/goalpost.js',
      'bin/goalpost-language-server.js',
      'dist/cli.js',
      'dist/server.js',
      'dist/webview.js',
      'schemas/goals.schema.json',
      'schemas/goalpost-config.schema.json',
      'docs/rules/unknown-reference.md',
      'README.md',
      'LICENSE',
      'CHANGELOG.md',
      'SECURITY.md',
    ]) {
      assert.ok(tarballFiles.includes(file), `${file} is missing from the tarball`);
    }
    const unexpected = tarballFiles.filter(
      (file) =>
        !/^(package\.json|README\.md|LICENSE|CHANGELOG\.md|SECURITY\.md)$|^bin\/[^/]+\.js$|^dist\/(cli|server|webview)\.js$|^schemas\/[^/]+\.json$|^docs\/rules\/[^/]+\.md$/.test(
          file,
        ),
    );
    assert.deepEqual(unexpected, []);
  });

  it('installs with no dependencies of its own', () => {
    const installed = fs.readdirSync(path.join(project, 'node_modules')).filter((name) => !name.startsWith('.'));
    assert.deepEqual(installed, ['goalpost']);
    const manifest = JSON.parse(fs.readFileSync(path.join(project, 'node_modules', 'goalpost', 'package.json'), 'utf8')) as { dependencies?: object };
    assert.equal(manifest.dependencies, undefined);
  });

  it('`npx goalpost check` reports the goals file and exits 1', () => {
    const result = spawnSync('npx', ['--offline', '--no-install', 'goalpost', 'check'], { cwd: project, env, encoding: 'utf8', timeout: 60_000 });
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stdout, /marketing\.goals\.yaml/);
    assert.match(result.stdout, /13:16 .*error .*`grow-revenue`.*unknown-reference/);
    assert.match(result.stdout, /1 problem \(1 error/);
  });

  it('`npx goalpost render --format html` writes a page with its diagram script', () => {
    const result = spawnSync('npx', ['--offline', '--no-install', 'goalpost', 'render', '--format', 'html', '--output-file', 'goals.html'], {
      cwd: project,
      env,
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.equal(result.status, 0, result.stderr);
    const page = fs.readFileSync(path.join(project, 'goals.html'), 'utf8');
    // The installed package's page script, inlined.
    const script = fs.readFileSync(path.join(project, 'node_modules', 'goalpost', 'dist', 'webview.js'), 'utf8');
    assert.ok(page.includes(script.slice(0, 2000)), 'the page inlines dist/webview.js');
    assert.ok(page.includes('"id":"ig-traffic"'), 'the page holds the goal');
  });

  it('`goalpost-language-server --stdio` from node_modules/.bin publishes the diagnostic and shuts down cleanly', async () => {
    const bin = path.join(project, 'node_modules', '.bin', 'goalpost-language-server');
    const client = await TestClient.start({ command: [bin, '--stdio'], folders: [project] });
    try {
      const uri = fileUri(path.join(project, 'goals', 'marketing.goals.yaml'));
      await client.open(uri, GOALS);
      const diagnostics = await client.waitForDiagnostics(uri, (list) => list.length > 0);
      assert.deepEqual(
        diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range.start.line, diagnostic.severity]),
        [['unknown-reference', 12, 1]],
      );
    } finally {
      assert.equal(await client.stop(), 0);
    }
  });

  it('`goalpost-language-server --version` prints the version', () => {
    const bin = path.join(project, 'node_modules', '.bin', 'goalpost-language-server');
    const result = spawnSync(bin, ['--version'], { encoding: 'utf8' });
    const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    assert.equal(result.status, 0);
    assert.equal(result.stdout.trim(), version);
  });
});
