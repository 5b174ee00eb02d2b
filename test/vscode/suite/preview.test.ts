/**
 * The diagram preview in a real VS Code: the command opens it beside the editor with a locked-down page
 * that loads and draws the workspace's model from `goalpost/diagram`; it follows the cursor and the active
 * goals file, updates after an edit, a reveal from the page opens the source at the node's range, the
 * export writer writes the page's SVG, screenshots in the light, dark and high-contrast themes, and a
 * panel restored after a reload (what the serializer gets) is taken over with the view the page saved.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { GoalpostApi } from '../../../client/src/api';
import { writeSvgFile } from '../../../client/src/preview/exportSvg';
import type { HostMessage } from '../../../server/src/core/render/messages';
import { activateGoalpost, openGoalsFile, screenshot, setColorTheme, waitForEvent, within, workspaceUri } from '../helpers';

const TITLE = 'Increase website sessions from Instagram by 30% to 52,000 per month by December 31';

describe('the diagram preview', () => {
  let api: GoalpostApi;
  const marketing = () => workspaceUri('strategy/marketing.goals.yaml').toString();

  before(async () => {
    api = await activateGoalpost();
  });

  after(async () => {
    api.preview.current?.dispose();
    await setColorTheme('light');
  });

  it('opens beside the goals editor from the command: a locked-down page that loads and says it is ready', async () => {
    await openGoalsFile('strategy/marketing.goals.yaml');
    const ready = waitForEvent(api.preview.onDidReceive, (message) => message.type === 'ready', 'the preview page to load and say it is ready');
    await vscode.commands.executeCommand('goalpost.openPreview');
    await ready;
    const panel = api.preview.current;
    assert.ok(panel, 'a preview panel is open');
    assert.equal(panel.viewType, 'goalpost.preview');
    assert.equal(panel.viewColumn, vscode.ViewColumn.Two, 'beside the editor');
    assert.equal(panel.title, 'Strategy: strategy');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), marketing(), 'the editor keeps the focus');

    const { options, html } = panel.webview;
    assert.equal(options.enableScripts, true);
    const extension = vscode.extensions.getExtension('goalpost.goalpost');
    assert.ok(extension);
    assert.deepEqual(options.localResourceRoots?.map(String), [vscode.Uri.joinPath(extension.extensionUri, 'dist').toString()], 'only the bundles');
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    assert.ok(csp, 'the page has a CSP');
    assert.match(csp, /^default-src 'none';/);
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1];
    assert.ok(nonce && nonce.length >= 16, 'scripts by nonce only');
    assert.doesNotMatch(csp, /unsafe-(eval|inline)/);
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((match) => match[1]);
    assert.deepEqual(
      scripts.map(
        (attributes) => /type="application\/json"/.test(attributes) || (attributes.includes(`nonce="${nonce}"`) && /src="[^"]*webview\.js"/.test(attributes)),
      ),
      [true, true],
      'the data, then the bundle by nonce and URL',
    );
    assert.doesNotMatch(html, /\son[a-z]+=/i, 'no inline handlers');
  });

  it("draws the workspace's model from the server, the active file's items highlighted", async () => {
    const model = api.preview.lastModel;
    assert.ok(model, 'the preview has a model');
    assert.ok(
      model.graph.nodes.some((node) => node.key === 'objective:grow-online-revenue'),
      'objectives of company.goals.yaml',
    );
    assert.ok(model.active.includes('goal:ig-sessions-2027'));
    const files = new Set(model.graph.nodes.filter((node) => model.active.includes(node.key)).map((node) => node.file));
    assert.deepEqual([...files], [marketing()], 'the active nodes are those of the marketing file');
    // The page answers with the diagram it drew: the model reached it and was rendered.
    const svg = await within(api.preview.currentSvg(), 20_000, 'the page to answer with its SVG');
    assert.match(svg, /^<\?xml/);
    assert.ok(svg.includes(`goal ig-sessions-2027: ${TITLE}`), 'the node of a marketing goal is drawn');
    assert.match(svg, /class="gp-node gp-kind-goal [^"]*gp-active" data-key="goal:ig-sessions-2027"/, 'and highlighted as active');
  });

  it('highlights the node of the item under the cursor', async () => {
    const editor = await openGoalsFile('strategy/marketing.goals.yaml');
    const line = editor.document
      .getText()
      .split('\n')
      .findIndex((text) => text.includes('id: ig-sessions-2027'));
    const highlighted = waitForEvent(
      api.preview.onDidPost,
      (message) => message.type === 'highlight' && message.key === 'goal:ig-sessions-2027',
      'a highlight of ig-sessions-2027',
    );
    editor.selection = new vscode.Selection(line + 1, 6, line + 1, 6);
    await highlighted;
  });

  it('updates after an edit of a goals file, user text drawn as text', async () => {
    const editor = await openGoalsFile('strategy/marketing.goals.yaml');
    const text = editor.document.getText();
    const at = text.indexOf(TITLE);
    assert.ok(at > 0);
    const changed = 'Increase <b>sessions</b> from Instagram & TikTok';
    const updated = waitForEvent(
      api.preview.onDidPost,
      (message: HostMessage) => message.type === 'model' && message.graph.nodes.some((node) => node.title === changed),
      'a model with the new title',
    );
    const edit = new vscode.WorkspaceEdit();
    edit.replace(editor.document.uri, new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + TITLE.length)), changed);
    try {
      const started = Date.now();
      assert.ok(await vscode.workspace.applyEdit(edit));
      await updated;
      console.log(`    (edit → model posted to the preview: ${Date.now() - started} ms)`);
      const svg = await within(api.preview.currentSvg(), 20_000, 'the page to answer with its SVG');
      assert.ok(
        svg.includes('goal ig-sessions-2027: Increase &lt;b&gt;sessions&lt;/b&gt; from Instagram &amp; TikTok'),
        'the page drew the new title, escaped',
      );
      assert.ok(!svg.includes('<b>'), 'never as markup');
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  it("follows another goals editor: that file's items become the active ones", async () => {
    const sales = workspaceUri('strategy/sales.goals.yaml').toString();
    const followed = waitForEvent(
      api.preview.onDidRefresh,
      (model) => model.active.length > 0 && model.graph.nodes.filter((node) => model.active.includes(node.key)).every((node) => node.file === sales),
      "a model with sales.goals.yaml's items active",
    );
    await openGoalsFile('strategy/sales.goals.yaml');
    await followed;
  });

  it("is one panel: the editor title's button (which passes the file) reveals it for that file", async () => {
    const panel = api.preview.current;
    const hr = workspaceUri('strategy/hr.goals.yaml');
    const followed = waitForEvent(
      api.preview.onDidRefresh,
      (model) => model.active.length > 0 && model.graph.nodes.filter((node) => model.active.includes(node.key)).every((node) => node.file === hr.toString()),
      "a model with hr.goals.yaml's items active",
    );
    await vscode.commands.executeCommand('goalpost.openPreview', hr);
    await followed;
    assert.equal(api.preview.current, panel, 'the same panel');
    const manifest = vscode.extensions.getExtension('goalpost.goalpost')?.packageJSON as {
      activationEvents: string[];
      contributes: { menus: Record<string, { command: string; when?: string }[]> };
    };
    assert.ok(manifest.activationEvents.includes('onWebviewPanel:goalpost.preview'), 'VS Code activates the extension to restore a preview');
    const menu = (name: string) => manifest.contributes.menus[name].filter((entry) => entry.command === 'goalpost.openPreview').map((entry) => entry.when);
    assert.deepEqual(menu('editor/title'), ['resourceLangId == goals']);
    assert.deepEqual(menu('view/title'), ['view == goalpost.goals']);
  });

  it('shows what changed while it was hidden behind another editor once it is shown again', async () => {
    const panel = api.preview.current;
    assert.ok(panel);
    const events = workspaceUri('strategy/events.goals.yaml');
    const original = new TextDecoder().decode(await vscode.workspace.fs.readFile(events));
    const retitled = 'Bring 2,000 sessions from trail-race stands (retitled on disk)';
    const hidden = waitForEvent(panel.onDidChangeViewState, () => !panel.visible, 'the preview to be hidden');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceUri('strategy/hr.goals.yaml')), {
      viewColumn: panel.viewColumn,
      preserveFocus: false,
    });
    await hidden;
    try {
      const shown = waitForEvent(
        api.preview.onDidRefresh,
        (model) => model.graph.nodes.some((node) => node.title === retitled),
        'a model with the title changed on disk',
      );
      // An unopened file changed on disk, while the preview is hidden; then its editor group shows it again.
      const changed = waitForEvent(api.goalsTree.onDidUpdate, () => true, 'the Goals view to see the change');
      await vscode.workspace.fs.writeFile(
        events,
        new TextEncoder().encode(original.replace(/title: Bring 2,000 website sessions[^\n]*/, `title: ${retitled}`)),
      );
      await changed;
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await shown;
      assert.ok(panel.visible);
    } finally {
      const restored = waitForEvent(api.preview.onDidRefresh, (model) => !model.graph.nodes.some((node) => node.title === retitled), 'the original title back');
      await vscode.workspace.fs.writeFile(events, new TextEncoder().encode(original));
      await restored;
    }
  });

  it('opens the source of a node the page asks to reveal, at its range', async () => {
    const model = api.preview.lastModel;
    const node = model?.graph.nodes.find((candidate) => candidate.key === 'objective:grow-online-revenue');
    assert.ok(node);
    const opened = waitForEvent(
      vscode.window.onDidChangeActiveTextEditor,
      (editor) => editor?.document.uri.toString() === workspaceUri('strategy/company.goals.yaml').toString(),
      'company.goals.yaml to open',
    );
    // What the page posts on a click, through the handler its messages reach.
    await api.preview.handle({ type: 'reveal', key: node.key, file: node.file, range: node.range });
    const editor = await opened;
    assert.ok(editor);
    assert.equal(editor.document.getText(editor.selection), 'grow-online-revenue');
    assert.notEqual(editor.viewColumn, api.preview.current?.viewColumn, 'not over the preview');
    // A key the preview never sent opens nothing, whatever file the message names.
    const before = vscode.window.activeTextEditor?.document.uri.toString();
    await api.preview.handle({ type: 'reveal', key: 'goal:not-there', file: workspaceUri('strategy/hr.goals.yaml').toString(), range: node.range });
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), before);
  });

  it("exports: the writer writes the page's SVG to the chosen file, and nothing but an SVG document", async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'goalpost-export-'));
    try {
      const svg = await within(api.preview.currentSvg(), 20_000, 'the page to answer with its SVG');
      const target = vscode.Uri.file(path.join(folder, 'strategy.svg'));
      await writeSvgFile(target, svg);
      assert.equal(fs.readFileSync(target.fsPath, 'utf8'), svg);
      const other = vscode.Uri.file(path.join(folder, 'other.svg'));
      await assert.rejects(writeSvgFile(other, '<script>alert(1)</script>'), /not an SVG document/);
      assert.equal(fs.existsSync(other.fsPath), false);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  describe('screenshots of the workbench with the preview beside a goals file', () => {
    // The side bar closed: the editor and the preview share the window. The page fits the diagram to its
    // size when it loads, so the preview opens again at the new width.
    before(async () => {
      await vscode.commands.executeCommand('workbench.action.closeSidebar');
      api.preview.current?.dispose();
      await openGoalsFile('strategy/marketing.goals.yaml');
      const ready = waitForEvent(api.preview.onDidReceive, (message) => message.type === 'ready', 'the preview page to load again');
      await vscode.commands.executeCommand('goalpost.openPreview');
      await ready;
    });
    after(() => vscode.commands.executeCommand('workbench.view.explorer'));

    for (const theme of ['light', 'dark', 'high-contrast'] as const) {
      it(`in the ${theme} theme`, async () => {
        await setColorTheme(theme);
        const editor = await openGoalsFile('strategy/marketing.goals.yaml');
        const line = editor.document
          .getText()
          .split('\n')
          .findIndex((text) => text.includes('id: ig-sessions-2027'));
        editor.selection = new vscode.Selection(line, 8, line, 8);
        editor.revealRange(new vscode.Range(line, 0, line + 20, 0), vscode.TextEditorRevealType.AtTop);
        // The page's answer comes after it handled everything posted before: the highlight is drawn.
        await within(api.preview.currentSvg(), 20_000, 'the page to answer with its SVG');
        await screenshot(`preview-${theme}`);
      });
    }
  });

  describe('after a window reload', () => {
    it('takes over the panel VS Code restores, with the view its page saved', async () => {
      api.preview.current?.dispose();
      // A restored panel comes without options; the serializer hands it over with the page's saved state.
      const panel = vscode.window.createWebviewPanel('goalpost.preview', 'Strategy', { viewColumn: vscode.ViewColumn.Two, preserveFocus: true });
      const ready = waitForEvent(api.preview.onDidReceive, (message) => message.type === 'ready', 'the restored page to load');
      await api.preview.restore(panel, { view: { collapsed: ['objective:grow-online-revenue'] } });
      await ready;
      assert.equal(api.preview.current, panel);
      assert.equal(panel.webview.options.enableScripts, true);
      assert.equal(panel.title, 'Strategy: strategy');
      const svg = await within(api.preview.currentSvg(), 20_000, 'the page to answer with its SVG');
      assert.ok(svg.includes('objective grow-online-revenue:'), 'the objective is drawn');
      assert.ok(!svg.includes('goal ig-sessions-2027:'), 'collapsed, as the page left it: its goals are hidden');
      assert.ok(svg.includes('objective launch-ridgeline:'));
    });
  });
});
