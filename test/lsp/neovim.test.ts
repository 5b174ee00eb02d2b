/**
 * A real third-party client: headless Neovim (Debian's, 0.7 here) loads the README's configuration for
 * Neovim 0.7-0.10 (neovim/init-0.7.lua, checked to be the README's text), which starts the server's bin
 * from PATH with `vim.lsp.start_client`; Neovim shows its diagnostics, hover, definition, quick fix and code
 * lenses. The Lua driver (neovim/driver.lua) writes what Neovim saw to a JSON file; this test asserts on it.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileUri, writeWorkspace } from '../helpers/lspClient';
import { runEditorDriver } from '../helpers/editorDriver';
import { COMPANY, MISSPELT_MARKETING } from '../helpers/smallWorkspace';

const ROOT = path.resolve(__dirname, '../..');
/** The README's Neovim 0.7-0.10 configuration, verbatim. */
const CONFIG = path.join(__dirname, 'neovim', 'init-0.7.lua');

/** What the driver writes. */
interface NeovimReport {
  readonly error?: string;
  readonly serverName: string;
  readonly diagnostics: { line: number; col: number; severity: number; message: string; code: string }[];
  readonly hover: { kind: string; value: string };
  readonly definition: { uri: string; range: { start: { line: number } } }[];
  readonly codeActions: { title: string; kind: string }[];
  readonly fixedLine: string;
  readonly codeLenses: { line: number; title: string; command: string }[];
  readonly messages: string[];
  readonly registrations: number;
  readonly exitCode: number;
}

describe('Neovim (headless, vim.lsp.start_client) drives the bundled server', function () {
  this.timeout(60_000);
  let folder: string;
  let home: string;
  let report: NeovimReport;

  before(async () => {
    folder = writeWorkspace({ 'company.goals.yaml': COMPANY, 'marketing.goals.yaml': MISSPELT_MARKETING });
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'goalpost-nvim-'));
    report = await runEditorDriver<NeovimReport>({
      name: 'Neovim',
      command: 'nvim',
      args: ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${path.join(__dirname, 'neovim', 'driver.lua')}`],
      cwd: folder,
      home,
      config: CONFIG,
      file: path.join(folder, 'marketing.goals.yaml'),
      // Neovim's config, state, data and cache (its LSP log) go to the temporary home too.
      env: {
        XDG_CONFIG_HOME: path.join(home, 'config'),
        XDG_DATA_HOME: path.join(home, 'data'),
        XDG_STATE_HOME: path.join(home, 'state'),
        XDG_CACHE_HOME: path.join(home, 'cache'),
      },
    });
  });
  after(() => {
    fs.rmSync(folder, { recursive: true, force: true });
    fs.rmSync(home, { recursive: true, force: true });
  });

  it("uses the README's configuration, verbatim", () => {
    assert.ok(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8').includes(`\`\`\`lua\n${fs.readFileSync(CONFIG, 'utf8')}\`\`\``));
  });

  it('shows the unknown reference as an error where it is', () => {
    assert.deepEqual(
      report.diagnostics.map(({ line, col, severity, code }) => ({ line, col, severity, code })),
      [{ line: 7, col: 15, severity: 1, code: 'unknown-reference' }],
    );
    assert.match(report.diagnostics[0].message, /`grow-online-revenu`/);
  });

  it("hovers a goal's id with its title, department and targets", () => {
    assert.equal(report.hover.kind, 'markdown');
    assert.match(report.hover.value, /^\*\*Goal\*\* `ig-traffic`: Increase website sessions from Instagram by 20%/);
    assert.match(report.hover.value, /Department: Marketing/);
  });

  it('goes to the definition in the unopened file of the root folder', () => {
    assert.deepEqual(
      report.definition.map((location) => [location.uri, location.range.start.line]),
      [[fileUri(path.join(folder, 'company.goals.yaml')), 3]],
    );
  });

  it('offers the did-you-mean quick fix, and applying it fixes the line', () => {
    assert.equal(report.codeActions[0].kind, 'quickfix');
    assert.match(report.codeActions[0].title, /grow-online-revenue/);
    assert.equal(report.fixedLine, '    supports: [grow-online-revenue]');
  });

  it("shows the goal's code lens, whose command the server runs", () => {
    assert.deepEqual(
      report.codeLenses.map(({ line, command }) => ({ line, command })),
      [{ line: 4, command: 'goalpost-server.showGoal' }],
    );
    assert.match(report.codeLenses[0].title, /· on track · 1 target$/);
    assert.equal(report.messages.length, 1);
    assert.match(report.messages[0], /^Goal ig-traffic \(Increase website sessions from Instagram by 20%\): /);
  });

  it('gets no dynamic registration Neovim 0.7 cannot take, and the server exits 0 when Neovim stops it', () => {
    assert.equal(report.serverName, 'goalpost');
    assert.equal(report.registrations, 0);
    assert.equal(report.exitCode, 0);
  });
});
