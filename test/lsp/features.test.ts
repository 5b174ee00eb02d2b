/**
 * The wiring of every editor feature over real stdio: each request reaches its feature, and the client
 * receives exactly what the feature answers in-process (test/features tests what those answers are).
 * One server for the suite, on one workspace; the in-process Editor holds the same texts.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  CodeActionRequest,
  CodeLensRequest,
  CompletionRequest,
  DefinitionRequest,
  DocumentSymbolRequest,
  HoverRequest,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  ResponseError,
  WorkspaceSymbolRequest,
} from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import { Editor } from '../helpers/editor';
import { fileUri, TestClient, writeWorkspace } from '../helpers/lspClient';
import { COMPANY, MARKETING } from '../helpers/smallWorkspace';
import { cursorOn } from '../helpers/textRanges';

/** An open draft with an unknown reference (a did-you-mean), a misspelt key, no department and no review yet. */
const DRAFT = `goalpost: 1
goals:
  - id: ig-reels
    title: Grow Instagram Reels views by 30%
    supports: [grow-onlin-revenue]
    dedline: 2027-12-31
    targets:
      - { kpi: sessions, baseline: 100, target: 130 }
`;

describe('language server: each editor feature over stdio answers what it answers in-process', function () {
  let folder: string;
  let client: TestClient;
  const editor = new Editor({ 'company.goals.yaml': COMPANY, 'marketing.goals.yaml': MARKETING });
  /** The URIs of a file on each side. */
  let over: (name: string) => string;
  const within = (name: string) => editor.uri(name);
  /** An in-process answer with its URIs those of the server's workspace, as the server must answer. */
  let asServed: (answer: unknown) => unknown;

  before(async () => {
    folder = writeWorkspace({ 'company.goals.yaml': COMPANY, 'marketing.goals.yaml': MARKETING });
    over = (name) => fileUri(path.join(folder, name));
    const inMemory = editor.uri('');
    asServed = (answer) =>
      JSON.parse(
        JSON.stringify(answer)
          .split(inMemory)
          .join(`${URI.file(folder).toString()}/`),
      ) as unknown;
    client = await TestClient.start({ folders: [folder] });
    await client.open(over('draft.goals.yaml'), DRAFT);
    editor.open(within('draft.goals.yaml'), DRAFT);
    await client.open(over('marketing.goals.yaml'), MARKETING);
    editor.open(within('marketing.goals.yaml'), MARKETING);
    await client.waitForDiagnostics(over('draft.goals.yaml'), (diagnostics) => diagnostics.length > 0);
  });

  after(async () => {
    assert.equal(await client.stop(), 0, 'the server exits cleanly after shutdown');
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('publishes the diagnostics the engine finds, the unopened file included', async () => {
    for (const name of ['draft.goals.yaml', 'marketing.goals.yaml', 'company.goals.yaml']) {
      const published = await client.waitForDiagnostics(over(name));
      assert.deepEqual(published, asServed(editor.diagnostics(within(name))), name);
    }
    assert.deepEqual(
      client.diagnostics.get(over('draft.goals.yaml'))?.diagnostics.map((diagnostic) => diagnostic.code),
      ['missing-owner', 'review-overdue', 'unknown-reference', 'schema'],
    );
  });

  it('hover, completion, definition and references', async () => {
    const textDocument = { uri: over('draft.goals.yaml') };
    const same = { textDocument: { uri: within('draft.goals.yaml') } };
    const onId = cursorOn(DRAFT, 'ig-reels');
    const onKpi = cursorOn(DRAFT, 'kpi: sessions', 0, 7);
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument, position: onId });
    assert.match(JSON.stringify(hover), /\*\*Goal\*\* `ig-reels`/);
    assert.deepEqual(hover, asServed(await editor.hover({ ...same, position: onId })));
    const inSupports = cursorOn(DRAFT, 'grow-onlin-revenue', 0, 0);
    const completion = await client.connection.sendRequest(CompletionRequest.type, { textDocument, position: inSupports });
    assert.ok(Array.isArray(completion) && completion.some((item) => item.label === 'grow-online-revenue'), 'the objective is offered');
    assert.deepEqual(completion, asServed(await editor.completion({ ...same, position: inSupports })));
    const definition = await client.connection.sendRequest(DefinitionRequest.type, { textDocument, position: onKpi });
    assert.deepEqual(definition, [{ uri: over('marketing.goals.yaml'), range: (definition as { range: unknown }[])[0].range }], 'the KPI in the other file');
    assert.deepEqual(definition, asServed(await editor.definition({ ...same, position: onKpi })));
    const references = await client.connection.sendRequest(ReferencesRequest.type, { textDocument, position: onKpi, context: { includeDeclaration: true } });
    assert.equal(references?.length, 3, 'the KPI, its target in marketing.goals.yaml and here');
    assert.deepEqual(references, asServed(await editor.references({ ...same, position: onKpi, context: { includeDeclaration: true } })));
  });

  it('rename and its refusals', async () => {
    const textDocument = { uri: over('draft.goals.yaml') };
    const same = { textDocument: { uri: within('draft.goals.yaml') } };
    const onKpi = cursorOn(DRAFT, 'kpi: sessions', 0, 7);
    const prepared = await client.connection.sendRequest(PrepareRenameRequest.type, { textDocument, position: onKpi });
    assert.ok(prepared, 'the rename is prepared');
    assert.deepEqual(prepared, asServed(await editor.prepareRename({ ...same, position: onKpi })));
    const edit = await client.connection.sendRequest(RenameRequest.type, { textDocument, position: onKpi, newName: 'site-sessions' });
    assert.deepEqual(Object.keys(edit?.changes ?? {}).sort(), [over('draft.goals.yaml'), over('marketing.goals.yaml')]);
    assert.deepEqual(edit, asServed(await editor.rename({ ...same, position: onKpi, newName: 'site-sessions' })));
    // A refusal reaches the client as an error response with its code and message.
    const refusal = await editor.rename({ ...same, position: onKpi, newName: 'ig-traffic' }).then(
      () => assert.fail('the in-process rename is refused'),
      (error: unknown) => error as ResponseError<void>,
    );
    await assert.rejects(client.connection.sendRequest(RenameRequest.type, { textDocument, position: onKpi, newName: 'ig-traffic' }), (error: unknown) => {
      assert.ok(error instanceof ResponseError);
      assert.deepEqual([error.code, error.message], [refusal.code, refusal.message]);
      return true;
    });
  });

  it('document and workspace symbols, code lenses and code actions', async () => {
    const textDocument = { uri: over('draft.goals.yaml') };
    const same = { textDocument: { uri: within('draft.goals.yaml') } };
    const symbols = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument });
    assert.ok(symbols && symbols.length > 0, 'document symbols');
    assert.deepEqual(symbols, asServed(await editor.documentSymbols(same)));
    const workspaceSymbols = await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'ig' });
    assert.deepEqual(workspaceSymbols, asServed(await editor.workspaceSymbols({ query: 'ig' })));
    const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument });
    assert.equal(lenses?.length, 1, "the draft's goal");
    assert.deepEqual(lenses, asServed(await editor.codeLenses(same)));
    const diagnostics = client.diagnostics.get(over('draft.goals.yaml'))?.diagnostics ?? [];
    const range = { start: { line: 0, character: 0 }, end: { line: 8, character: 0 } };
    const actions = await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument,
      range,
      context: { diagnostics, only: ['quickfix', 'source.fixAll'] },
    });
    assert.ok(
      actions?.some((action) => 'edit' in action && action.title.includes('grow-online-revenue')),
      'the did-you-mean fix',
    );
    assert.ok(
      actions?.some((action) => 'kind' in action && action.kind === 'source.fixAll'),
      'fix all',
    );
    assert.deepEqual(
      actions,
      asServed(
        await editor.codeActions({
          ...same,
          range,
          context: { diagnostics: editor.diagnostics(within('draft.goals.yaml')), only: ['quickfix', 'source.fixAll'] },
        }),
      ),
    );
  });
});
