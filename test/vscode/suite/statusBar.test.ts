/** The status-bar item in a real VS Code: it counts the problems in goal files and opens the Problems view. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { GoalpostApi } from '../../../client/src/api';
import { activateGoalpost, openGoalsFile, waitForDiagnostics, waitForEvent, workspaceUri } from '../helpers';

/** The Goalpost problems VS Code holds for goal files, by severity. */
function counted(): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const [uri, diagnostics] of vscode.languages.getDiagnostics()) {
    if (!/\.goals\.ya?ml$/.test(uri.path)) continue;
    for (const diagnostic of diagnostics) {
      if (diagnostic.source !== 'goalpost') continue;
      if (diagnostic.severity === vscode.DiagnosticSeverity.Error) errors++;
      if (diagnostic.severity === vscode.DiagnosticSeverity.Warning) warnings++;
    }
  }
  return { errors, warnings };
}

describe('the problems status-bar item', () => {
  let api: GoalpostApi;

  before(async () => {
    api = await activateGoalpost();
    // The unopened events file's warning is in once the server has published the workspace.
    await waitForDiagnostics(workspaceUri('strategy/events.goals.yaml'), (diagnostics) => diagnostics.length > 0, 'the events file’s finding');
  });

  it('counts the errors and warnings in goal files, opened or not, and opens the Problems view on click', async () => {
    const { item } = api.problems;
    const { errors, warnings } = counted();
    assert.ok(warnings >= 1, 'the fixture has at least the events file’s warning');
    const where = vscode.languages
      .getDiagnostics()
      .filter(([, diagnostics]) => diagnostics.some((diagnostic) => diagnostic.source === 'goalpost'))
      .map(([uri, diagnostics]) => `${vscode.workspace.asRelativePath(uri)}: ${diagnostics.map((diagnostic) => diagnostic.severity).join(',')}`);
    assert.equal(
      item.text,
      `$(target) $(error) ${errors} $(warning) ${warnings}`,
      `VS Code has ${where.join('; ')}; the item counted ${api.problems.files.join(', ')}`,
    );
    assert.match(
      String(item.tooltip),
      new RegExp(`^Goalpost: ${errors} errors?, ${warnings} warnings?, \\d+ info in \\d+ goal files?\\. Click to open the Problems view\\.$`),
    );
    const command = item.command as vscode.Command;
    assert.equal(command.command, 'workbench.actions.view.problems');
    await vscode.commands.executeCommand(command.command);
  });

  it('follows the diagnostics: an error typed into a file counts at once, and goes with the undo', async () => {
    const editor = await openGoalsFile('strategy/sales.goals.yaml');
    const before = api.problems.counts;
    const at = editor.document.getText().indexOf('department: sales');
    assert.ok(at > 0);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(
      editor.document.uri,
      new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + 'department: sales'.length)),
      'department: saless',
    );
    const raised = waitForEvent(
      vscode.languages.onDidChangeDiagnostics,
      () => api.problems.counts.errors === before.errors + 1,
      'one more error in the status bar',
    );
    assert.ok(await vscode.workspace.applyEdit(edit));
    await raised;
    assert.equal(api.problems.item.text, `$(target) $(error) ${before.errors + 1} $(warning) ${before.warnings}`);
    const lowered = waitForEvent(vscode.languages.onDidChangeDiagnostics, () => api.problems.counts.errors === before.errors, 'the error to go');
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await lowered;
  });
});
