/**
 * `goalpost render` as a real process: each format, `-o`, exit codes. The svg and mermaid it prints from
 * the example folder are the renderer's golden files; the html page is opened in Chromium by test/webview.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../helpers/cli';
import { assertSvgIsOnlyOurs, GOLDEN, HOSTILE, STRATEGY, writeHostileWorkspace } from '../helpers/render';

describe('goalpost render (process)', () => {
  let tmp: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'goalpost-render-'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('svg: prints the diagram of the workspace, the same as the golden file, exit 0', () => {
    const run = runCli(['render', '--format', 'svg'], STRATEGY);
    assert.equal(run.stderr, '');
    assert.equal(run.status, 0);
    assert.equal(run.stdout, fs.readFileSync(path.join(GOLDEN, 'strategy.svg'), 'utf8'));
  });

  it('svg is the default format', () => {
    assert.equal(runCli(['render'], STRATEGY).stdout, fs.readFileSync(path.join(GOLDEN, 'strategy.svg'), 'utf8'));
  });

  it('mermaid: prints the flowchart, the same as the golden file', () => {
    const run = runCli(['render', '-f', 'mermaid'], STRATEGY);
    assert.equal(run.status, 0);
    assert.equal(run.stdout, fs.readFileSync(path.join(GOLDEN, 'strategy.mmd'), 'utf8'));
  });

  it('html -o: writes one self-contained page and prints nothing', () => {
    const out = path.join(tmp, 'nested', 'strategy.html');
    const run = runCli(['render', '--format', 'html', '-o', out], STRATEGY);
    assert.equal(run.status, 0);
    assert.equal(run.stdout, '');
    const html = fs.readFileSync(out, 'utf8');
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
    assert.doesNotMatch(html, /<script[^>]+src=|<link|@import|url\(http/i, 'nothing loaded from elsewhere');
    const nonce = /script-src 'nonce-([^']+)'/.exec(html)?.[1];
    assert.ok(nonce && nonce.length >= 16, 'a nonce');
    assert.equal(html.match(new RegExp(`<script nonce="${nonce.replace(/[+/=]/g, '\\$&')}">`, 'g'))?.length, 1, 'one inline script, admitted by the nonce');
    assert.doesNotMatch(html, /sourceMappingURL/);
    assert.match(html, /<title>Strategy: examples\/strategy<\/title>|<title>Strategy: strategy<\/title>/);
    const again = runCli(['render', '--format', 'html'], STRATEGY).stdout;
    assert.notEqual(/'nonce-([^']+)'/.exec(again)?.[1], nonce, 'a fresh nonce per render');
  });

  it('-o for svg writes the file', () => {
    const out = path.join(tmp, 'strategy.svg');
    const run = runCli(['render', '-o', out], STRATEGY);
    assert.equal(run.status, 0);
    assert.equal(run.stdout, '');
    assert.equal(fs.readFileSync(out, 'utf8'), fs.readFileSync(path.join(GOLDEN, 'strategy.svg'), 'utf8'));
  });

  it('draws one file with the items it links to', () => {
    const run = runCli(['render', '-f', 'mermaid', 'hr.goals.yaml'], STRATEGY);
    assert.equal(run.status, 0);
    assert.match(run.stdout, /O_staff_peak_season/);
    assert.doesNotMatch(run.stdout, /G_ig_revenue_2027/);
  });

  it('exits 0 on a strategy with findings: the diagram shows them', () => {
    const run = runCli(['render', '-f', 'svg'], path.join(STRATEGY, '..', 'flawed'));
    assert.equal(run.status, 0);
    assert.match(run.stdout, /gp-badge-error/);
  });

  it('hostile titles and ids come out as text in every format', () => {
    const folder = writeHostileWorkspace(path.join(tmp, 'hostile'));
    const svg = runCli(['render', '-f', 'svg'], folder);
    assert.equal(svg.status, 0);
    assert.ok(assertSvgIsOnlyOurs(svg.stdout).includes(HOSTILE[0]));
    const mermaid = runCli(['render', '-f', 'mermaid'], folder);
    assert.equal(mermaid.status, 0);
    assert.doesNotMatch(mermaid.stdout, /<img|`|%%\{/);
    const html = runCli(['render', '-f', 'html'], folder);
    assert.equal(html.status, 0);
    assert.equal(html.stdout.match(/<\/script/gi)?.length, 2);
  });

  describe('exit 2 with one line on stderr', () => {
    const expectUsage = (args: string[], cwd: string, message: RegExp) => {
      const run = runCli(args, cwd);
      assert.equal(run.status, 2, run.stderr);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, message);
      assert.equal(run.stderr.trimEnd().split('\n').length, 1, 'one line');
    };

    it('for an unknown format', () =>
      expectUsage(
        ['render', '-f', 'png'],
        STRATEGY,
        /^goalpost: option '-f, --format <name>' argument 'png' is invalid\. Allowed choices are svg, html, mermaid\.\n$/,
      ));

    it('when there are no goal files', () => {
      const empty = path.join(tmp, 'empty');
      fs.mkdirSync(empty, { recursive: true });
      expectUsage(['render', empty], STRATEGY, /^goalpost: no goal files/);
    });

    it('when the output cannot be written', () => {
      fs.writeFileSync(path.join(tmp, 'a-file'), '');
      expectUsage(['render', '-o', path.join(tmp, 'a-file', 'out.svg')], STRATEGY, /^goalpost: cannot write /);
    });

    it('when the paths span several workspaces', () => {
      const other = path.join(tmp, 'other');
      fs.mkdirSync(other, { recursive: true });
      fs.writeFileSync(path.join(other, '.goalpost.yaml'), 'today: 2027-05-15\n');
      fs.copyFileSync(path.join(STRATEGY, 'hr.goals.yaml'), path.join(other, 'hr.goals.yaml'));
      expectUsage(['render', STRATEGY, other], STRATEGY, /^goalpost: render draws one workspace at a time, but these paths span 2 /);
    });
  });
});
