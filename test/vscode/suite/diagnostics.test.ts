/**
 * Diagnostics in a real VS Code: the language server's findings for unopened and open files, edits,
 * quick fixes and the `goalpost.today` setting.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateGoalpost, openGoalsFile, ruleOf, screenshot, setColorTheme, THEMES, waitForDiagnostics, workspaceUri } from '../helpers';

/** A diagnostic as `line:character severity rule` (0-based, as VS Code counts). */
function brief(diagnostic: vscode.Diagnostic): string {
  const { line, character } = diagnostic.range.start;
  return `${line}:${character} ${vscode.DiagnosticSeverity[diagnostic.severity].toLowerCase()} ${ruleOf(diagnostic)}`;
}

const has = (rule: string) => (diagnostics: readonly vscode.Diagnostic[]) => diagnostics.some((d) => ruleOf(d) === rule);
const lacks = (rule: string) => (diagnostics: readonly vscode.Diagnostic[]) => !has(rule)(diagnostics);

describe('diagnostics', () => {
  before(async () => {
    await activateGoalpost();
  });

  it('reports the findings of a goals file nobody opened', async () => {
    const uri = workspaceUri('strategy/events.goals.yaml');
    assert.ok(!vscode.workspace.textDocuments.some((document) => document.uri.toString() === uri.toString()), 'events.goals.yaml must stay unopened');
    const diagnostics = await waitForDiagnostics(uri, has('missing-owner'), 'missing-owner');
    // The fixture's one finding: the goal `trail-race-stands` (line 7, column 9 in the editor) has no department.
    assert.deepEqual(diagnostics.map(brief), ['6:8 warning missing-owner']);
    const [finding] = diagnostics;
    assert.equal(finding.source, 'goalpost');
    assert.match(finding.message, /`trail-race-stands` has no `department`/);
    const code = finding.code;
    assert.ok(typeof code === 'object' && code.target.toString().includes('missing-owner'), 'the code links to the rule page');
  });

  describe('in an open file', () => {
    const file = 'strategy/marketing.goals.yaml';
    const uri = workspaceUri(file);

    afterEach(async () => {
      // Back to the file on disk, whatever the test left behind, for the suites after this one.
      const editor = await vscode.window.showTextDocument(uri);
      await vscode.commands.executeCommand('workbench.action.files.revert');
      assert.equal(editor.document.isDirty, false, 'the reverted file should be unmodified');
      await setColorTheme('light');
    });

    it('reports a finding as the file is edited, and its quick fix applies and clears it', async () => {
      const editor = await openGoalsFile(file);
      const line = editor.document.positionAt(editor.document.getText().indexOf('supports: [grow-online-revenue]')).line;
      const original = editor.document.lineAt(line).text;
      const start = original.indexOf('grow-online-revenue');
      const typo = new vscode.Range(line, start, line, start + 'grow-online-revenue'.length);
      assert.ok(await editor.edit((edit) => edit.replace(typo, 'grow-onlin-revenue')), 'the edit should apply');

      const diagnostics = await waitForDiagnostics(uri, has('unknown-reference'), 'unknown-reference after the edit');
      const reported = diagnostics.find((d) => ruleOf(d) === 'unknown-reference');
      assert.ok(reported);
      assert.deepEqual(reported.range, new vscode.Range(line, start, line, start + 'grow-onlin-revenue'.length));

      // What a user sees: this editor alone, the squiggle, the Problems view; no leftover notifications.
      await vscode.commands.executeCommand('workbench.action.joinAllGroups');
      await vscode.commands.executeCommand('workbench.action.closeOtherEditors');
      await vscode.commands.executeCommand('notifications.clearAll');
      const shown = await vscode.window.showTextDocument(editor.document);
      shown.revealRange(reported.range, vscode.TextEditorRevealType.InCenter);
      await vscode.commands.executeCommand('workbench.actions.view.problems');
      for (const theme of Object.keys(THEMES) as (keyof typeof THEMES)[]) {
        await setColorTheme(theme);
        await screenshot(`diagnostics-${theme}`);
      }

      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        uri,
        reported.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      const title = 'Change `grow-onlin-revenue` to `grow-online-revenue`';
      const fix = actions.find((action) => action.title === title);
      assert.ok(fix?.edit, `expected the quick fix "${title}" among [${actions.map((action) => action.title).join(' | ')}]`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the quick fix should apply');
      if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));

      await waitForDiagnostics(uri, lacks('unknown-reference'), 'the fixed finding to go');
      assert.equal(editor.document.lineAt(line).text, original);
    });
  });

  describe('the goalpost.today setting', () => {
    const settings = () => vscode.workspace.getConfiguration('goalpost');

    after(async () => {
      await settings().update('today', undefined, vscode.ConfigurationTarget.Workspace);
    });

    it('changes the check date of open and unopened files, and clearing it changes it back', async () => {
      // The example strategy pins `today: 2027-05-15` in its .goalpost.yaml; the setting overrides that.
      const open = workspaceUri('strategy/marketing.goals.yaml');
      const unopened = workspaceUri('strategy/hr.goals.yaml');
      await openGoalsFile('strategy/marketing.goals.yaml');
      await settings().update('today', '2028-06-01', vscode.ConfigurationTarget.Workspace);
      const [inOpen, inUnopened] = await Promise.all([
        waitForDiagnostics(open, has('deadline-missed'), 'deadline-missed with goalpost.today 2028-06-01'),
        waitForDiagnostics(unopened, has('deadline-missed'), 'deadline-missed with goalpost.today 2028-06-01'),
      ]);
      // ig-sessions-2027's deadline 2027-12-31 (line 64, column 15) has passed short of its targets.
      assert.ok(inOpen.map(brief).includes('63:14 warning deadline-missed'), `marketing.goals.yaml has [${inOpen.map(brief).join(', ')}]`);
      // So has peak-hiring-2027's (line 54, column 15).
      assert.ok(inUnopened.map(brief).includes('53:14 warning deadline-missed'), `hr.goals.yaml has [${inUnopened.map(brief).join(', ')}]`);

      await settings().update('today', undefined, vscode.ConfigurationTarget.Workspace);
      await Promise.all([
        waitForDiagnostics(open, lacks('deadline-missed'), 'no deadline-missed once goalpost.today is cleared'),
        waitForDiagnostics(unopened, lacks('deadline-missed'), 'no deadline-missed once goalpost.today is cleared'),
      ]);
    });
  });
});
