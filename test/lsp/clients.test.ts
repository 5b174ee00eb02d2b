/**
 * The server for every LSP client, not only VS Code: its command line without a transport, clients without
 * workspace folders, without dynamic registration or without markdown, and settings that arrive late.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CompletionRequest, HoverRequest, type CompletionItem, type Hover, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { fileUri, TestClient, writeWorkspace } from '../helpers/lspClient';
import { COMPANY, MARKETING } from '../helpers/smallWorkspace';

const SERVER = path.join(__dirname, '../../dist/server.js');

/** The 0-based position of the first `needle` in `text`, plus `offset` characters. */
function positionOf(text: string, needle: string, offset = 0): { line: number; character: number } {
  const before = text.slice(0, text.indexOf(needle) + offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

describe('language server: the command line without a transport', () => {
  const run = (...args: string[]) => spawnSync(process.execPath, [SERVER, ...args], { encoding: 'utf8', timeout: 20_000 });

  it('says how to start it and exits 2, without a stack trace, when no transport is given', () => {
    const result = run();
    assert.equal(result.status, 2);
    assert.match(result.stderr, /^goalpost-language-server: no transport given\.\nUsage: goalpost-language-server --stdio \| --node-ipc/);
    assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
    assert.equal(result.stdout, '');
  });

  it('prints its usage for --help and its version for --version, and exits 0', () => {
    const help = run('--help');
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: goalpost-language-server --stdio/);
    const version = run('--version');
    assert.equal(version.status, 0);
    const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '../../package.json'), 'utf8')) as { version: string };
    assert.equal(version.stdout, `${manifest.version}\n`);
  });
});

describe('language server: clients that support less than VS Code', function () {
  this.timeout(30_000);
  let folder: string;
  let company: string;
  let marketing: string;
  const clients: TestClient[] = [];

  before(() => {
    folder = writeWorkspace({ 'company.goals.yaml': COMPANY, 'marketing.goals.yaml': MARKETING });
    company = fileUri(path.join(folder, 'company.goals.yaml'));
    marketing = fileUri(path.join(folder, 'marketing.goals.yaml'));
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) assert.equal(await client.stop(), 0, 'the server exits cleanly after shutdown');
  });
  after(() => fs.rmSync(folder, { recursive: true, force: true }));

  async function start(options: Parameters<typeof TestClient.start>[0]): Promise<TestClient> {
    const client = await TestClient.start(options);
    clients.push(client);
    return client;
  }

  it('indexes the root of a client that does not announce workspace folders, and does not fail on it', async () => {
    const client = await start({ folders: [folder], workspaceFolders: false });
    // The unopened file is indexed: its (empty) diagnostics are published, and the open one finds its objective there.
    assert.deepEqual(await client.waitForDiagnostics(company), []);
    await client.open(marketing, MARKETING);
    assert.deepEqual(await client.waitForDiagnostics(marketing), []);
    assert.doesNotMatch(client.stderr.join(''), /workspace folder|failed/i);
    const hover = await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: marketing },
      position: positionOf(MARKETING, 'grow-online-revenue] }', 1),
    });
    assert.match((hover?.contents as MarkupContent).value, /Grow online revenue by 15%/);
  });

  it('indexes the rootPath of a client that sends neither workspace folders nor rootUri', async () => {
    const client = await start({ folders: [folder], workspaceFolders: false, rootUri: false });
    assert.deepEqual(await client.waitForDiagnostics(company), []);
    assert.deepEqual(await client.waitForDiagnostics(marketing), []);
  });

  it('registers configuration changes and watched files only with a client that supports dynamic registration', async () => {
    const stat = await start({ folders: [folder], settings: {}, configurationRegistration: false, watchedFiles: false });
    // Registration precedes indexing, so once diagnostics arrive any registration would have been received.
    await stat.waitForDiagnostics(company);
    assert.deepEqual(
      stat.received.filter((message) => message.method === 'client/registerCapability'),
      [],
    );

    const dynamic = await start({ folders: [folder], settings: {}, configurationRegistration: true, watchedFiles: true });
    await dynamic.waitForDiagnostics(company);
    const registered = dynamic.received
      .filter((message) => message.method === 'client/registerCapability')
      .flatMap((message) => (message.params as { registrations: { method: string }[] }).registrations.map((registration) => registration.method));
    assert.deepEqual(registered.sort(), ['workspace/didChangeConfiguration', 'workspace/didChangeWatchedFiles']);
  });

  it('answers hovers and completion documentation in plain text to a client that does not render markdown', async () => {
    const plain = await start({ folders: [folder], markup: ['plaintext'] });
    const rich = await start({ folders: [folder] });
    const position = positionOf(MARKETING, 'ig-traffic');
    const hovers: (Hover | null)[] = [];
    for (const client of [plain, rich]) {
      await client.open(marketing, MARKETING);
      hovers.push(await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: marketing }, position }));
    }
    const [plainHover, richHover] = hovers.map((hover) => hover?.contents as MarkupContent);
    assert.equal(richHover.kind, 'markdown');
    assert.match(richHover.value, /^\*\*Goal\*\* `ig-traffic`: Increase website sessions from Instagram by 20%/);
    assert.equal(plainHover.kind, 'plaintext');
    assert.match(plainHover.value, /^Goal ig-traffic: Increase website sessions from Instagram by 20%\n\n- Department: Marketing \(marketing\)/);
    assert.doesNotMatch(plainHover.value, /\*\*|`|\\/);

    const text = MARKETING.replace('    department: marketing\n', '    department: marketing\n    \n');
    await plain.change(marketing, [{ text }]);
    const completion = await plain.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: marketing },
      position: positionOf(text, '    \n', 4),
    });
    const items = (Array.isArray(completion) ? completion : (completion?.items ?? [])) as CompletionItem[];
    const documented = items.filter((item) => item.documentation !== undefined);
    assert.ok(documented.length > 0, 'some keys are documented');
    assert.deepEqual(
      documented.filter((item) => (item.documentation as MarkupContent).kind !== 'plaintext').map((item) => item.label),
      [],
    );
  });
});

describe('language server: settings that arrive late', function () {
  this.timeout(30_000);

  it('publishes nothing for a workspace until its settings are read, so the first diagnostics honour goalpost.today', async () => {
    // Two workspaces: the first one's settings are held back; the second one's are answered at once.
    const late = writeWorkspace({ 'marketing.goals.yaml': MARKETING });
    const prompt = writeWorkspace({ 'marketing.goals.yaml': MARKETING });
    const lateUri = fileUri(path.join(late, 'marketing.goals.yaml'));
    const promptUri = fileUri(path.join(prompt, 'marketing.goals.yaml'));
    let release = () => undefined as void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let asked = () => undefined as void;
    const askedLate = new Promise<void>((resolve) => (asked = resolve));
    const client = await TestClient.start({
      folders: [late, prompt],
      configuration: async (item) => {
        if (!item.scopeUri?.startsWith(fileUri(late))) return {};
        asked();
        await released;
        return { today: '2028-02-01' };
      },
    });
    try {
      const latePublications: string[][] = [];
      client.onDiagnostics((params) => {
        if (params.uri === lateUri) latePublications.push(params.diagnostics.map((diagnostic) => String(diagnostic.code)));
      });
      await askedLate;
      await client.open(lateUri, MARKETING);
      await client.open(promptUri, MARKETING);
      // The prompt workspace's file is checked after the late one's (its debounce started later)...
      await client.waitForDiagnostics(promptUri);
      // ...yet nothing of the late workspace has been published while its settings were pending.
      assert.equal(latePublications.length, 0, `published before the settings: ${JSON.stringify(latePublications)}`);
      release();
      await client.waitForDiagnostics(lateUri, (diagnostics) => diagnostics.length > 0);
      assert.ok(latePublications[0].includes('deadline-missed'), `the first diagnostics are judged on the setting's date: ${latePublications[0].join(', ')}`);
    } finally {
      assert.equal(await client.stop(), 0);
      fs.rmSync(late, { recursive: true, force: true });
      fs.rmSync(prompt, { recursive: true, force: true });
    }
  });
});
