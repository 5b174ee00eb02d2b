/** The language client in a real VS Code: untitled goal documents are served too. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { GoalpostApi } from '../../../client/src/api';
import { find, treeWhere } from '../goalsTree';
import { activateGoalpost, ruleOf, waitForDiagnostics } from '../helpers';

describe('the language client', () => {
  let api: GoalpostApi;

  before(async () => {
    api = await activateGoalpost();
  });

  it('checks an untitled goals document, which exists nowhere on disk', async () => {
    const document = await vscode.workspace.openTextDocument({
      language: 'goals',
      content: 'goalpost: 1\ngoals:\n  - id: draft\n    title: Improve our social media presence\n',
    });
    assert.equal(document.uri.scheme, 'untitled');
    await vscode.window.showTextDocument(document);
    const diagnostics = await waitForDiagnostics(document.uri, (found) => found.some((diagnostic) => ruleOf(diagnostic) === 'smart-specific'), 'smart-specific on the untitled draft');
    assert.ok(diagnostics.some((diagnostic) => ruleOf(diagnostic) === 'smart-measurable'), 'and the other findings of a goal without targets');
    await treeWhere(api, (roots) => find(roots, (node) => node.item.uri === document.uri.toString()) !== undefined, 'the draft under Unaligned');
    // Closed, it leaves the server and the Goals view, so the suites after this one see the fixture alone.
    const gone = treeWhere(api, (roots) => find(roots, (node) => node.item.uri === document.uri.toString()) === undefined, 'the draft to leave the Goals view');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await gone;
  });
});
