import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CodeLensRequest, ExecuteCommandRequest, type CodeLens } from 'vscode-languageserver-protocol/node';
import { ServerCommand } from '../../server/src/protocol';
import { fileUri, TestClient, writeWorkspace } from '../helpers/lspClient';
import { COMPANY, MARKETING } from '../helpers/lensWorkspace';

/** The lenses themselves are tested in-process (test/features/codeLens.test.ts); here, the command they run. */
describe('language server: code lens over stdio', function () {
  let folder: string;
  let client: TestClient;
  let uri: string;

  before(async () => {
    folder = writeWorkspace({ 'company.goals.yaml': COMPANY, 'marketing.goals.yaml': MARKETING });
    uri = fileUri(path.join(folder, 'marketing.goals.yaml'));
    client = await TestClient.start({ folders: [folder] });
  });

  after(async () => {
    assert.equal(await client.stop(), 0, 'the server exits cleanly after shutdown');
    fs.rmSync(folder, { recursive: true, force: true });
  });

  async function lenses(): Promise<CodeLens[]> {
    return (await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) ?? [];
  }

  it("declares the lens command, and running it shows the goal's standing and targets", async () => {
    assert.deepEqual(client.initializeResult?.capabilities.executeCommandProvider, { commands: [ServerCommand.showGoal] });
    await client.open(uri, MARKETING);
    const [first] = await lenses();
    const mark = client.received.length;
    const result = await client.connection.sendRequest(ExecuteCommandRequest.type, {
      command: first.command?.command ?? '',
      arguments: first.command?.arguments,
    });
    assert.equal(result, null);
    const shown = await client.waitForMessage('window/showMessage', () => true, mark);
    const { type, message } = shown.params as { type: number; message: string };
    assert.equal(type, 3, 'an information message');
    assert.match(message, /^Goal li-leads \(.+\): 55% · on track · 2 targets\. \S+: \d/);
  });
});
