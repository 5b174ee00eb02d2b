/**
 * A real third-party client: Emacs in batch mode (Debian's 28 with eglot 1.9 from elpa-eglot) loads the
 * README's eglot configuration (eglot/init.el, checked to be the README's text), which starts the server's
 * bin from PATH for a `goals-mode` buffer; eglot shows its diagnostics through Flymake, the hover through
 * ElDoc, the definition through xref, and applies a quick fix. The Emacs Lisp driver (eglot/driver.el)
 * writes what Emacs saw to a JSON file; this test asserts on it.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeWorkspace } from '../helpers/lspClient';
import { runEditorDriver } from '../helpers/editorDriver';
import { COMPANY, MARKETING, MISSPELT_MARKETING } from '../helpers/smallWorkspace';

const ROOT = path.resolve(__dirname, '../..');
/** The README's eglot configuration, verbatim. */
const CONFIG = path.join(__dirname, 'eglot', 'init.el');

/** What the driver writes. */
interface EglotReport {
  readonly error?: string;
  readonly mode: string;
  readonly serverName: string;
  readonly diagnostics: { line: number; col: number; type: string; text: string }[];
  readonly hover: string;
  readonly hoverFormats: string[];
  readonly definition: { file: string; line: number }[];
  readonly codeActions: { title: string; kind: string; isPreferred: boolean }[];
  readonly fixedLine: string;
  readonly diagnosticsAfterFix: number;
  readonly messages: string[];
  readonly registrations: string[];
  readonly shutdown: boolean;
}

describe('Emacs (batch, eglot) drives the bundled server', function () {
  this.timeout(60_000);
  let folder: string;
  let home: string;
  let report: EglotReport;

  before(async () => {
    assert.notEqual(MISSPELT_MARKETING, MARKETING);
    folder = writeWorkspace({ 'company.goals.yaml': COMPANY, 'marketing.goals.yaml': MISSPELT_MARKETING });
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'goalpost-eglot-'));
    report = await runEditorDriver<EglotReport>({
      name: 'Emacs',
      command: 'emacs',
      args: ['--batch', '-Q', '-l', path.join(__dirname, 'eglot', 'driver.el')],
      cwd: folder,
      home,
      config: CONFIG,
      file: path.join(folder, 'marketing.goals.yaml'),
      // The RET that accepts eglot's default code action (batch mode's minibuffer reads standard input).
      stdin: '\n',
    });
  });
  after(() => {
    fs.rmSync(folder, { recursive: true, force: true });
    fs.rmSync(home, { recursive: true, force: true });
  });

  it("uses the README's configuration, verbatim", () => {
    assert.ok(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8').includes(`\`\`\`elisp\n${fs.readFileSync(CONFIG, 'utf8')}\`\`\``));
    assert.equal(report.mode, 'goals-mode');
  });

  it('shows the unknown reference as a Flymake error where it is', () => {
    assert.deepEqual(
      report.diagnostics.map(({ line, col, type }) => ({ line, col, type })),
      [{ line: 7, col: 15, type: 'eglot-error' }],
    );
    // eglot 1.9 shows `source [code]: message`.
    assert.match(report.diagnostics[0].text, /^goalpost \[unknown-reference\]: .*`grow-online-revenu`/);
  });

  it('hovers in plain text, since eglot asks for markdown only when markdown-mode is installed', () => {
    assert.deepEqual(report.hoverFormats, ['plaintext']);
    assert.match(report.hover, /^Goal ig-traffic: Increase website sessions from Instagram by 20%/);
    assert.match(report.hover, /Department: Marketing/);
    assert.doesNotMatch(report.hover, /\*\*|`/, 'no markdown syntax in a plain-text hover');
  });

  it('goes to the definition in the unopened file of the project', () => {
    assert.deepEqual(report.definition, [{ file: path.join(folder, 'company.goals.yaml'), line: 3 }]);
  });

  it('offers the did-you-mean quick fix, and applying it fixes the line and clears the diagnostic', () => {
    assert.ok(report.codeActions.every((action) => action.kind === 'quickfix'));
    // The did-you-mean is the preferred action, which eglot offers as the default and RET accepts.
    assert.deepEqual(
      report.codeActions.filter((action) => action.isPreferred).map((action) => action.title),
      ['Change `grow-online-revenu` to `grow-online-revenue`'],
    );
    assert.equal(report.fixedLine, '    supports: [grow-online-revenue]');
    assert.equal(report.diagnosticsAfterFix, 0);
  });

  it('registers only file watching (eglot takes it dynamically, configuration changes not), shows no message, and answers shutdown', () => {
    assert.equal(report.serverName, path.basename(folder));
    assert.deepEqual(report.registrations, ['workspace/didChangeWatchedFiles']);
    assert.deepEqual(report.messages, []);
    assert.equal(report.shutdown, true);
  });
});
