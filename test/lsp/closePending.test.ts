/**
 * Over real stdio: a document closed while its first check waits for the client's settings
 * (`workspace/configuration` held back by the test) is not analysed afterwards, so the server logs no
 * error, and it has no diagnostics left. The check waits on the held answer, not on time.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileUri, TestClient, writeWorkspace } from '../helpers/lspClient';
import { COMPANY } from '../helpers/smallWorkspace';

describe('language server: a document closed while its check is pending', () => {
  let folder: string;
  let client: TestClient;
  /** Resolves the held `workspace/configuration` answer for the untitled document. */
  let release: () => void = () => undefined;
  let asked: Promise<void>;
  const uri = 'untitled:Untitled-1';

  before(async () => {
    folder = writeWorkspace({ 'company.goals.yaml': COMPANY });
    let reached: () => void = () => undefined;
    asked = new Promise((resolve) => (reached = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    client = await TestClient.start({
      folders: [folder],
      configuration: (item) => {
        if (item.scopeUri !== uri) return null;
        reached();
        return released.then(() => null);
      },
    });
  });

  after(async () => {
    assert.equal(await client.stop(), 0, 'the server exits cleanly after shutdown');
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('logs no error and leaves the closed document without diagnostics', async () => {
    // The folder is indexed and checked: the start's checks are over.
    await client.waitForDiagnostics(fileUri(path.join(folder, 'company.goals.yaml')));
    const published: unknown[] = [];
    const stop = client.onDiagnostics((params) => params.uri === uri && published.push(params.diagnostics));
    // A document with findings, outside every folder: closing it makes the server forget it.
    await client.open(uri, 'goalpost: 1\ngoals:\n  - id: g1\n    title: Grow something\n');
    // Its check has started and waits for the settings of its (new) workspace.
    await asked;
    await client.close(uri);
    release();
    // Another document's first diagnostics wait for its own settings, which the client answers after the held
    // answer and the server reads after it: once they arrive, the held check has run to its end.
    const other = 'untitled:Untitled-2';
    await client.open(other, 'goalpost: 1\ngoals: []\n');
    await client.waitForDiagnostics(other);
    stop();
    assert.deepEqual(
      client.logs.filter((log) => log.type === 1),
      [],
      'no error logged',
    );
    assert.ok(
      published.every((diagnostics) => Array.isArray(diagnostics) && diagnostics.length === 0),
      `published for the closed document: ${JSON.stringify(published)}`,
    );
  });
});
