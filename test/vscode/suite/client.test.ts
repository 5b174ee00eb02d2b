/** The language client and the language contributions in a real VS Code: untitled documents, snippets. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { GoalpostApi } from '../../../client/src/api';
import { find, treeWhere } from '../goalsTree';
import { activateGoalpost, ruleOf, waitForDiagnostics } from '../helpers';

/**
 * Opens a new untitled goals document named `name` holding `content`. Each test names its own, since VS
 * Code may hand back a just-closed `Untitled-1` that the extension host has not let go of yet.
 */
async function untitled(name: string, content: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: 'untitled', path: name }));
  const editor = await vscode.window.showTextDocument(document);
  await editor.edit((builder) => builder.insert(new vscode.Position(0, 0), content));
  return editor;
}

/** Reverts and closes the document, and waits until its items have left the Goals view. */
async function discard(api: GoalpostApi, editor: vscode.TextEditor): Promise<void> {
  const uri = editor.document.uri.toString();
  const gone = treeWhere(api, (roots) => find(roots, (node) => node.item.uri === uri) === undefined, `${uri} to leave the Goals view`);
  await vscode.window.showTextDocument(editor.document);
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  await gone;
}

describe('the language client', () => {
  let api: GoalpostApi;

  before(async () => {
    api = await activateGoalpost();
  });

  it('checks an untitled goals document, which exists nowhere on disk', async () => {
    const editor = await untitled('draft.goals.yaml', 'goalpost: 1\ngoals:\n  - id: draft\n    title: Improve our social media presence\n');
    const { document } = editor;
    try {
      assert.equal(document.uri.scheme, 'untitled');
      assert.equal(document.languageId, 'goals');
      const diagnostics = await waitForDiagnostics(
        document.uri,
        (found) => found.some((diagnostic) => ruleOf(diagnostic) === 'smart-specific'),
        'smart-specific on the untitled draft',
      );
      assert.ok(
        diagnostics.some((diagnostic) => ruleOf(diagnostic) === 'smart-measurable'),
        'and the other findings of a goal without targets',
      );
      await treeWhere(api, (roots) => find(roots, (node) => node.item.uri === document.uri.toString()) !== undefined, 'the draft under Unaligned');
    } finally {
      // Closed, it leaves the server and the Goals view, so the suites after this one see the fixture alone.
      await discard(api, editor);
    }
  });

  it('offers the snippets for an objective, a goal with targets and a KPI, and what they write checks without errors', async () => {
    const content = [
      'goalpost: 1',
      'departments:',
      '  - { id: leadership, name: Leadership }',
      '  - { id: marketing, name: Marketing }',
      'audiences:',
      '  - { id: young-professionals, name: Young professionals, platforms: [instagram] }',
      'objectives:',
      '  ',
    ].join('\n');
    const editor = await untitled('snippets.goals.yaml', content);
    const { document } = editor;
    try {
      const insert = async (name: string, before: string) => {
        const end = document.lineAt(document.lineCount - 1).range.end;
        await editor.edit((builder) => builder.insert(end, before));
        editor.selection = new vscode.Selection(document.lineAt(document.lineCount - 1).range.end, document.lineAt(document.lineCount - 1).range.end);
        await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'goals', name });
        // Leave the snippet's placeholders: the defaults are the text.
        await vscode.commands.executeCommand('leaveSnippet');
      };
      await insert('Objective', '');
      await insert('KPI', '\nkpis:\n  ');
      await insert('Goal with targets', '\ngoals:\n  ');
      const text = document.getText();
      assert.match(text, /^objectives:\n {2}- id: grow-online-revenue\n {4}title: Grow online revenue by 15% in FY2027\n/m);
      assert.match(text, /^kpis:\n {2}- id: ig-site-sessions\n {4}name: Website sessions from Instagram\n/m);
      assert.match(text, /^goals:\n {2}- id: ig-traffic-q1\n/m);
      assert.match(text, /^ {4}targets:\n {6}- \{ kpi: ig-site-sessions, baseline: 10000, target: 12000 \}$/m);
      // The server publishes a check's diagnostics before it says the outline changed: once the goal is in
      // the Goals view, the diagnostics of the same text are in.
      const mine = (node: { item: { uri?: string; id?: string } }) => node.item.uri === document.uri.toString() && node.item.id === 'ig-traffic-q1';
      await treeWhere(api, (roots) => find(roots, mine) !== undefined, 'the snippet’s goal in the Goals view');
      const diagnostics = vscode.languages.getDiagnostics(document.uri);
      assert.deepEqual(
        diagnostics
          .filter((diagnostic) => diagnostic.severity === vscode.DiagnosticSeverity.Error)
          .map((diagnostic) => `${ruleOf(diagnostic)}: ${diagnostic.message}`),
        [],
        'the snippets’ defaults fit together',
      );
    } finally {
      await discard(api, editor);
    }
  });
});
