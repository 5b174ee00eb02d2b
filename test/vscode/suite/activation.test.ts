/** The extension starts where goal files are, and its language server answers for them. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateGoalpost, EXTENSION_ID, openGoalsFile } from '../helpers';

describe('activation', () => {
  it('opens *.goals.yaml files in the goals language', async () => {
    const editor = await openGoalsFile('strategy/marketing.goals.yaml');
    assert.equal(editor.document.languageId, 'goals');
  });

  it('is active in a workspace with goal files and its server has indexed it', async () => {
    const api = await activateGoalpost();
    assert.equal(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, true);
    assert.equal(api.client.isRunning(), true, 'the language client should be running');
  });

  it('serves the open goals file from the language server', async () => {
    await activateGoalpost();
    const editor = await openGoalsFile('strategy/marketing.goals.yaml');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
    const names = flatten(symbols ?? []).map((symbol) => symbol.name);
    assert.ok(names.includes('ig-sessions-2027'), `the outline of marketing.goals.yaml has [${names.join(', ')}]`);
  });
});

function flatten(symbols: readonly vscode.DocumentSymbol[]): vscode.DocumentSymbol[] {
  return symbols.flatMap((symbol) => [symbol, ...flatten(symbol.children)]);
}
