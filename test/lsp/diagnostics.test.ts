import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FileChangeType } from 'vscode-languageserver-protocol/node';
import { generateGoalsFile } from '../../bench/generate';
import { lint } from '../../server/src/core/lint';
import { fileUri, TestClient, writeWorkspace } from '../helpers/lspClient';
import { COMPANY, MARKETING } from '../helpers/smallWorkspace';

/**
 * One server for the suite: each test leaves the workspace as it found it (the afterEach closes what the
 * test opened and puts back the files it changed or deleted, then waits until the marketing file is clean).
 */
describe('language server: diagnostics over stdio', function () {
  let folder: string;
  let client: TestClient;
  const FILES: Record<string, string> = { 'company.goals.yaml': COMPANY, 'marketing.goals.yaml': MARKETING };
  /** Documents the running test opened, closed after it. */
  const opened = new Set<string>();

  before(async () => {
    folder = writeWorkspace(FILES);
    client = await TestClient.start({ folders: [folder] });
  });

  afterEach(async () => {
    for (const uri of opened) await client.close(uri);
    opened.clear();
    const changed = Object.entries(FILES).filter(
      ([name, text]) => !fs.existsSync(path.join(folder, name)) || fs.readFileSync(path.join(folder, name), 'utf8') !== text,
    );
    for (const [name, text] of changed) fs.writeFileSync(path.join(folder, name), text);
    await client.watched(changed.map(([name]) => ({ uri: fileUri(path.join(folder, name)), type: FileChangeType.Created })));
    await client.waitForDiagnostics(fileUri(path.join(folder, 'marketing.goals.yaml')), (diagnostics) => diagnostics.length === 0);
  });

  after(async () => {
    assert.equal(await client.stop(), 0, 'the server exits cleanly after shutdown');
    fs.rmSync(folder, { recursive: true, force: true });
  });

  /** Opens a document for the running test only: the afterEach closes it. */
  async function open(uri: string, text: string): Promise<void> {
    opened.add(uri);
    await client.open(uri, text);
  }

  it('checks unopened files of the workspace at start and re-checks dependents of an edit', async () => {
    const company = fileUri(path.join(folder, 'company.goals.yaml'));
    const marketing = fileUri(path.join(folder, 'marketing.goals.yaml'));
    assert.deepEqual(await client.waitForDiagnostics(marketing), []);
    // Renaming the objective in the company file breaks the references in the (unopened) marketing file.
    await open(company, COMPANY);
    await client.change(company, [{ range: { start: { line: 3, character: 10 }, end: { line: 3, character: 14 } }, text: 'grew' }]);
    const broken = await client.waitForDiagnostics(marketing, (diagnostics) => diagnostics.length > 0);
    assert.deepEqual(
      broken.map((diagnostic) => [diagnostic.code, diagnostic.range.start.line]),
      [
        ['kpi-unlinked', 2],
        ['unknown-reference', 2],
        ['unknown-reference', 7],
      ],
    );
    assert.equal(broken[1].source, 'goalpost');
    assert.match(broken[1].codeDescription?.href ?? '', /docs\/rules\/unknown-reference\.md$/);
    assert.match(String(broken[1].message), /did you mean `grew-online-revenue`\?/);
  });

  it('coalesces a burst of keystrokes into few checks, and ends on its last text', async () => {
    const marketing = fileUri(path.join(folder, 'marketing.goals.yaml'));
    await open(marketing, MARKETING);
    assert.deepEqual(await client.waitForDiagnostics(marketing), []);
    // Each keystroke makes another unknown key (`departmentx`, `departmentxx`, …): checked on its own, each
    // would publish different diagnostics.
    const published: string[] = [];
    const stop = client.onDiagnostics((params) => params.uri === marketing && published.push(JSON.stringify(params.diagnostics)));
    const at = { line: 6, character: '    department'.length };
    const keystrokes = 8;
    await Promise.all(Array.from({ length: keystrokes }, () => client.change(marketing, [{ range: { start: at, end: at }, text: 'x' }])));
    const last = `department${'x'.repeat(keystrokes)}`;
    const text = (message: string | { value: string }) => (typeof message === 'string' ? message : message.value);
    await client.waitForDiagnostics(marketing, (diagnostics) => diagnostics.some((diagnostic) => text(diagnostic.message).includes(`\`${last}\``)));
    stop();
    // One check when the burst arrives within the debounce (the usual case); a busy machine may split it
    // where the wall clock decides, so the test asks for coalescing, not for an exact count.
    assert.ok(published.length <= keystrokes / 2, `${published.length} publications for ${keystrokes} keystrokes:\n${published.join('\n')}`);
    assert.ok(published[published.length - 1].includes(`\`${last}\``), 'the last publication is for the last text');
  });

  it('clears the diagnostics of a deleted file', async () => {
    const marketing = path.join(folder, 'marketing.goals.yaml');
    fs.writeFileSync(marketing, MARKETING.replace('    department: marketing\n', ''));
    await client.watched([{ uri: fileUri(marketing), type: FileChangeType.Changed }]);
    await client.waitForDiagnostics(fileUri(marketing), (diagnostics) => diagnostics.some((diagnostic) => diagnostic.code === 'missing-owner'));
    fs.rmSync(marketing);
    await client.watched([{ uri: fileUri(marketing), type: FileChangeType.Deleted }]);
    assert.deepEqual(await client.waitForDiagnostics(fileUri(marketing), (diagnostics) => diagnostics.length === 0), []);
  });

  it('clears, with a deleted file, the findings it caused in other files', async () => {
    const marketing = fileUri(path.join(folder, 'marketing.goals.yaml'));
    const copy = path.join(folder, 'copy.goals.yaml');
    fs.writeFileSync(copy, 'goalpost: 1\ngoals:\n  - { id: ig-traffic, title: Increase website sessions from Instagram by 20%, department: marketing }\n');
    await client.watched([{ uri: fileUri(copy), type: FileChangeType.Created }]);
    const duplicated = await client.waitForDiagnostics(marketing, (diagnostics) => diagnostics.some((diagnostic) => diagnostic.code === 'duplicate-id'));
    assert.deepEqual(
      duplicated.filter((diagnostic) => diagnostic.code === 'duplicate-id').map((diagnostic) => diagnostic.range.start),
      [{ line: 4, character: 8 }],
    );
    fs.rmSync(copy);
    await client.watched([{ uri: fileUri(copy), type: FileChangeType.Deleted }]);
    assert.deepEqual(await client.waitForDiagnostics(marketing, (diagnostics) => diagnostics.length === 0), []);
  });

  it('gives a large file the same diagnostics as the engine in-process', async () => {
    const text = generateGoalsFile(600).replace('    department: marketing\n', '').replace('funnel: conversion', 'funnel: sales');
    assert.ok(text.length > 256 * 1024, 'a large file');
    // A workspace of its own (its own config), so the other files of the folder do not meet its ids.
    fs.mkdirSync(path.join(folder, 'big'));
    fs.writeFileSync(path.join(folder, 'big', '.goalpost.yaml'), 'today: 2027-05-15\n');
    const file = path.join(folder, 'big', 'big.goals.yaml');
    const expected = lint([{ file: 'big', text }], { clockToday: '2027-05-15' }).findings.map((finding) => [
      finding.rule,
      finding.range.start.line,
      finding.message,
    ]);
    assert.ok(expected.length >= 2);
    await open(fileUri(file), text);
    const diagnostics = await client.waitForDiagnostics(fileUri(file), (list) => list.length > 0);
    assert.deepEqual(
      diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range.start.line, diagnostic.message]),
      expected,
    );
  });
});
