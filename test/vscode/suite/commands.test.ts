/**
 * Every Goalpost command in a real VS Code: each one contributed is registered, and each does its job
 * (new goals file, restart, show effective configuration, show output, refresh, group by, reveal), and
 * a server that crashes is started again.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { GoalpostApi } from '../../../client/src/api';
import { find, treeWhere } from '../goalsTree';
import { activateGoalpost, EXTENSION_ID, openGoalsFile, waitForDiagnostics, waitForEvent, within, workspaceUri } from '../helpers';

/** Whether a file exists (through VS Code's file system, as the extension writes). */
async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/**
 * The process ids of the language server: the extension host's children running `dist/server.js` over
 * node IPC, read from /proc as `ps` would. Without /proc (macOS, Windows under test-electron), the
 * client library's own handle on the process.
 */
function serverPids(api: GoalpostApi): number[] {
  if (!fs.existsSync('/proc/self/status')) {
    const pid = (api.client as unknown as { _serverProcess?: { pid?: number } })._serverProcess?.pid;
    return pid === undefined ? [] : [pid];
  }
  return fs
    .readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
        const parent = Number(/^PPid:\s+(\d+)$/m.exec(status)?.[1]);
        const command = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
        return parent === process.pid && command.some((part) => part.endsWith('dist/server.js')) && command.some((part) => part.startsWith('--node-ipc'));
      } catch {
        return false; // the process ended while we looked
      }
    })
    .map(Number);
}

describe('commands', () => {
  let api: GoalpostApi;

  before(async () => {
    api = await activateGoalpost();
  });

  it('registers every command that package.json contributes, and contributes every command it registers', async () => {
    const contributed = (vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON.contributes.commands as { command: string }[])
      .map((entry) => entry.command)
      .sort();
    const registered = (await vscode.commands.getCommands(true)).filter((id) => id.startsWith('goalpost.') && !id.startsWith('goalpost.goals.')).sort();
    assert.deepEqual(registered, contributed);
    assert.deepEqual(contributed, [
      'goalpost.groupByDepartment',
      'goalpost.groupByObjective',
      'goalpost.newGoalsFile',
      'goalpost.openPreview',
      'goalpost.refreshGoals',
      'goalpost.restartServer',
      'goalpost.revealItem',
      'goalpost.showEffectiveConfig',
      'goalpost.showOutput',
    ]);
  });

  it('New Goals File writes the init starter fitted to the workspace, opens it, and it brings no error', async () => {
    const uri = workspaceUri('strategy/social.goals.yaml');
    assert.equal(await exists(uri), false);
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('goalpost.newGoalsFile', { folder: workspaceUri('strategy'), name: 'social' });
    try {
      assert.equal(editor.document.uri.toString(), uri.toString(), 'social → social.goals.yaml, opened');
      assert.equal(editor.document.languageId, 'goals');
      const text = editor.document.getText();
      assert.doesNotMatch(text, /^(objectives|departments|audiences|period):/m, 'it defines no objective, department, audience or period again');
      assert.match(text, /supports: \[grow-online-revenue\]/, 'it supports the workspace’s objectives');
      assert.match(text, /- id: ig-site-sessions-2\n/, 'with ids nobody uses yet');
      assert.match(text, /last_reviewed: 2027-05-15/, 'dated as the workspace checks');
      await treeWhere(api, (roots) => find(roots, (node) => node.item.uri === uri.toString()) !== undefined, 'a goal of social.goals.yaml in the Goals view');
      const diagnostics = await waitForDiagnostics(uri, () => true);
      assert.deepEqual(
        diagnostics.filter((diagnostic) => diagnostic.severity === vscode.DiagnosticSeverity.Error).map((diagnostic) => diagnostic.message),
        [],
      );
    } finally {
      // VS Code keeps a deleted file's document open (and so does the server): empty it first, so the
      // suites after this one see the example strategy alone.
      const emptied = new vscode.WorkspaceEdit();
      emptied.replace(uri, new vscode.Range(0, 0, editor.document.lineCount, 0), 'goalpost: 1\n');
      await vscode.workspace.applyEdit(emptied);
      await editor.document.save();
      await treeWhere(api, (roots) => find(roots, (node) => node.item.uri === uri.toString()) === undefined, 'social.goals.yaml to leave the Goals view');
      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.delete(uri);
    }
  });

  it('New Goals File never overwrites: an existing name writes nothing', async () => {
    const uri = workspaceUri('strategy/hr.goals.yaml');
    const before = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    const result = await vscode.commands.executeCommand('goalpost.newGoalsFile', { folder: workspaceUri('strategy'), name: 'hr.goals.yaml' });
    assert.equal(result, undefined);
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), before);
  });

  it('Show Effective Configuration opens a YAML document with the config that applies and every rule, and it follows the settings', async () => {
    await openGoalsFile('strategy/marketing.goals.yaml');
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('goalpost.showEffectiveConfig');
    const document = editor.document;
    assert.equal(document.uri.scheme, 'goalpost-config');
    assert.equal(document.languageId, 'yaml');
    const text = document.getText();
    assert.match(text, /^# Configuration file: .*strategy[\\/]\.goalpost\.yaml$/m);
    assert.match(text, /^today: 2027-05-15 # from today: in the configuration$/m);
    for (const rule of ['yaml-syntax', 'smart-achievable', 'kpi-unlinked', 'off-track']) assert.match(text, new RegExp(`^ {2}${rule}:`, 'm'), rule);

    const followed = waitForEvent(
      vscode.workspace.onDidChangeTextDocument,
      (event) => event.document === document && /from the goalpost\.today setting/.test(document.getText()),
      'the document to show the new setting',
    );
    await vscode.workspace.getConfiguration('goalpost').update('today', '2027-06-30', vscode.ConfigurationTarget.Workspace);
    try {
      await followed;
      assert.match(document.getText(), /^today: 2027-06-30 # from the goalpost\.today setting of the editor$/m);
    } finally {
      await vscode.workspace.getConfiguration('goalpost').update('today', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
  });

  it('Show Output shows the Goalpost output channel', async () => {
    const opened = vscode.workspace.textDocuments.find((document) => document.uri.scheme === 'output' && /Goalpost/.test(document.uri.path));
    const shown = opened
      ? Promise.resolve(opened)
      : waitForEvent(
          vscode.workspace.onDidOpenTextDocument,
          (document) => document.uri.scheme === 'output' && /Goalpost/.test(document.uri.path),
          'the Goalpost output to open',
        );
    await vscode.commands.executeCommand('goalpost.showOutput');
    await shown;
  });

  it('Refresh Goals asks the server again', async () => {
    const updated = waitForEvent(api.goalsTree.onDidUpdate, (roots) => roots.length > 0, 'the Goals view to refresh');
    await vscode.commands.executeCommand('goalpost.refreshGoals');
    await updated;
  });

  it('Group by Department and Group by Business Objective swap the roots', async () => {
    await vscode.commands.executeCommand('goalpost.groupByDepartment');
    assert.deepEqual([api.goalsTree.grouping, api.goalsTree.nodes[0]?.item.kind], ['department', 'department']);
    await vscode.commands.executeCommand('goalpost.groupByObjective');
    assert.deepEqual([api.goalsTree.grouping, api.goalsTree.nodes[0]?.item.kind], ['objective', 'objective']);
  });

  it('Go to Source opens a node’s item', async () => {
    const goal = api.goalsTree.nodes[0].children[0];
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('goalpost.revealItem', goal);
    assert.equal(editor.document.uri.toString(), goal.item.uri);
    assert.equal(editor.document.getText(editor.selection), goal.item.id);
  });

  it('Restart Language Server starts a new server that indexes the workspace again', async () => {
    const [before] = serverPids(api);
    assert.ok(before, 'the server runs as a child of the extension host');
    await vscode.commands.executeCommand('goalpost.restartServer');
    assert.equal(api.client.isRunning(), true);
    const after = serverPids(api);
    assert.equal(after.length, 1);
    assert.notEqual(after[0], before, 'a new process');
    await waitForDiagnostics(
      workspaceUri('strategy/events.goals.yaml'),
      (diagnostics) => diagnostics.length > 0,
      'the new server’s findings for the unopened events file',
    );
    assert.ok(api.goalsTree.nodes.length > 0);
  });

  it('restarts a server that crashes', async () => {
    const [before] = serverPids(api);
    assert.ok(before);
    const rootsBefore = api.goalsTree.nodes.map((node) => node.id);
    const restarted = waitForEvent(api.client.onDidChangeState, ({ newState }) => newState === 2 /* State.Running */, 'the client to run again');
    process.kill(before, 'SIGKILL');
    await restarted;
    await within(api.whenReady(), 20_000, 'the restarted server to index the workspace');
    const [after] = serverPids(api);
    assert.ok(after && after !== before, 'a new server process');
    assert.deepEqual(
      api.goalsTree.nodes.map((node) => node.id),
      rootsBefore,
      'the Goals view is fed again, with the same roots',
    );
  });
});
