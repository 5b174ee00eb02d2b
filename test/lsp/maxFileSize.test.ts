/**
 * goalpost.maxFileSize over real stdio: a file past the limit gets exactly one diagnostic that says so and
 * no feature answers on it; a one-megabyte single line under the default limit is checked, not hung on.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateGoalsFile } from '../../bench/generate';
import { EffectiveConfigRequest } from '../../server/src/protocol';
import { fileUri, TestClient, writeWorkspace } from '../helpers/lspClient';
import { COMPANY } from '../helpers/smallWorkspace';

describe('language server: goalpost.maxFileSize', () => {
  let folder: string;
  let client: TestClient;
  const big = generateGoalsFile(20);

  before(async () => {
    folder = writeWorkspace({ 'company.goals.yaml': COMPANY, 'big.goals.yaml': big });
    const folderUri = fileUri(folder);
    client = await TestClient.start({
      folders: [folder],
      // The limit applies to the folder's files; elsewhere (untitled documents) the default.
      configuration: (item) => (item.scopeUri?.startsWith(`${folderUri}/`) ? { maxFileSize: 2000 } : null),
    });
  });

  after(async () => {
    assert.equal(await client.stop(), 0, 'the server exits cleanly after shutdown');
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('a file past the limit: one diagnostic, and no hover', async () => {
    const uri = fileUri(path.join(folder, 'big.goals.yaml'));
    const diagnostics = await client.waitForDiagnostics(uri);
    const size = Number((Buffer.byteLength(big) / 1000).toFixed(1));
    assert.deepEqual(
      diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity, diagnostic.message]),
      [['file-too-large', 1, `This file is ${size} KB, larger than goalpost.maxFileSize (2 KB); it is not checked.`]],
    );
    assert.equal(diagnostics[0].codeDescription, undefined, 'not a rule: no rule page to link');
    await client.open(uri, big);
    const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 12, character: 8 } });
    assert.equal(hover, null);
  });

  it('the effective configuration shows the limit and that the setting set it', async () => {
    const result = await client.connection.sendRequest(EffectiveConfigRequest.type, { uri: fileUri(path.join(folder, 'big.goals.yaml')) });
    assert.deepEqual([result?.config.maxFileSize, result?.config.maxFileSizeSource], [2000, 'setting']);
    assert.match(result?.text ?? '', /^maxFileSize: 2000 # bytes, from the goalpost\.maxFileSize setting of the editor$/m);
  });

  it('a megabyte on one line is checked under the default limit', async () => {
    const uri = 'untitled:Untitled-1';
    await client.open(uri, `goalpost: 1\ngoals:\n  - id: g1\n    title: ${'x'.repeat(1_000_000)}\n`);
    const diagnostics = await client.waitForDiagnostics(uri);
    assert.ok(diagnostics.length > 0 && diagnostics.every((diagnostic) => diagnostic.code !== 'file-too-large'));
    await client.close(uri);
  });
});
