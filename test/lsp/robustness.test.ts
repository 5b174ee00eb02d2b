import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CodeActionRequest,
  CompletionRequest,
  DidChangeConfigurationNotification,
  DocumentSymbolRequest,
  FileChangeType,
  HoverRequest,
  WorkspaceSymbolRequest,
  type Diagnostic,
  type Position,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { OutlineItem } from '../../server/src/protocol';
import { OutlineRequest } from '../../server/src/protocol';
import { manyGoalsFile } from '../helpers/large';
import { fileUri, TestClient } from '../helpers/lspClient';
import { rangeOf, rangeWithin } from '../helpers/textRanges';
import { MARKETING } from '../helpers/smallWorkspace';

const COMPANY = `goalpost: 1
period: { start: 2027-01-01, end: 2027-12-31 }
objectives:
  - { id: grow-online-revenue, title: Grow online revenue by 15% }
  - { id: enter-japan, title: Open the Japanese market by December }
departments:
  - { id: marketing, name: Marketing }
`;

/** The real goals file the random edits start from. */
const EXAMPLE = fs.readFileSync(path.join(__dirname, '../../examples/strategy/marketing.goals.yaml'), 'utf8');

/** A small seeded PRNG (mulberry32): the same edits on every run, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Pieces of YAML syntax and of goals files that random edits type: the characters that change structure most. */
const TOKENS = [
  '',
  ' ',
  '  ',
  '\n',
  '\r\n',
  '\r',
  ':',
  ': ',
  '- ',
  '[',
  ']',
  '{',
  '}',
  ',',
  '"',
  "'",
  '#',
  '&a ',
  '*a',
  '!!str ',
  '|\n',
  '>-',
  '? ',
  '%',
  '@',
  '\t',
  '---\n',
  'id: dup',
  '    - id: ig-sessions-2027\n',
  'supports: [',
  'kpi: ',
  '2027-13-45',
  '1e999',
  'é',
  '😀',
];

/**
 * One server for the whole suite, on one workspace: each test leaves it as it found it (the afterEach
 * closes what the test opened, puts back the files and settings it changed and waits until the
 * marketing file is clean again), so that starting a server is paid once and each test still begins
 * from the same state.
 */
describe('language server: robustness over stdio', function () {
  let folder: string;
  let client: TestClient;
  /** Settings the client answers `workspace/configuration` with; tests change them. */
  const settings: { goalpost: { today?: string } } = { goalpost: {} };
  /** Errors the server logged: a feature or rule that threw (the server lives on, but it is a bug). */
  const logged: string[] = [];
  /** Documents the running test opened, closed after it. */
  const opened = new Set<string>();
  /** The files of the workspace as every test starts with them. */
  const FILES: Record<string, string> = { '.goalpost.yaml': 'today: 2027-05-15\n', 'company.goals.yaml': COMPANY, 'marketing.goals.yaml': MARKETING };

  before(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'goalpost-lsp-'));
    fs.mkdirSync(path.join(folder, 'workspace'));
    for (const [name, text] of Object.entries(FILES)) fs.writeFileSync(inWorkspace(name), text);
    client = await TestClient.start({ folders: [path.join(folder, 'workspace')], settings });
    client.connection.onNotification('window/logMessage', (params: { type: number; message: string }) => {
      if (params.type === 1) logged.push(params.message);
    });
  });

  afterEach(async function () {
    assert.equal(client.process.exitCode, null, 'the server is still running');
    assert.deepEqual(logged.splice(0), [], 'nothing threw inside the server');
    for (const uri of opened) await client.close(uri);
    opened.clear();
    const changed = Object.entries(FILES).filter(([name, text]) => fs.readFileSync(inWorkspace(name), 'utf8') !== text);
    for (const [name, text] of changed) fs.writeFileSync(inWorkspace(name), text);
    if (changed.length > 0) await client.watched(changed.map(([name]) => ({ uri: fileUri(inWorkspace(name)), type: FileChangeType.Changed })));
    if (settings.goalpost.today !== undefined) {
      settings.goalpost = {};
      await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings });
    }
    await client.waitForDiagnostics(fileUri(inWorkspace('marketing.goals.yaml')), (diagnostics) => diagnostics.length === 0);
  });

  after(async () => {
    assert.equal(await client.stop(), 0, 'the server exits cleanly after shutdown');
    fs.rmSync(folder, { recursive: true, force: true });
    assert.deepEqual(logged, [], 'nothing threw inside the server');
  });

  const inWorkspace = (name: string) => path.join(folder, 'workspace', name);

  /** Opens a document for the running test only: the afterEach closes it. */
  async function open(uri: string, text: string, languageId?: string): Promise<void> {
    opened.add(uri);
    await client.open(uri, text, languageId);
  }

  /** Closes a document the test opened, as part of what the test checks. */
  async function close(uri: string): Promise<void> {
    opened.delete(uri);
    await client.close(uri);
  }

  /** Hover, completion, document symbols and code actions at `position`: each must be answered. */
  async function poke(uri: string, position: Position, diagnostics: Diagnostic[] = client.diagnostics.get(uri)?.diagnostics ?? []): Promise<void> {
    const textDocument = { uri };
    const range = { start: position, end: position };
    const answers = await Promise.all([
      client.connection.sendRequest(HoverRequest.type, { textDocument, position }),
      client.connection.sendRequest(CompletionRequest.type, { textDocument, position }),
      client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument }),
      client.connection.sendRequest(CodeActionRequest.type, { textDocument, range, context: { diagnostics } }),
    ]);
    assert.equal(answers.length, 4);
  }

  /** Resolves with the diagnostics the server publishes for `version` of `uri`. */
  const checked = (uri: string, version: number) => client.waitForDiagnostics(uri, (_diagnostics, params) => params.version === version);

  describe('hostile documents', () => {
    const garbage = (length: number, next: () => number, alphabet?: string) =>
      Array.from({ length }, () => (alphabet ? alphabet[Math.floor(next() * alphabet.length)] : String.fromCharCode(Math.floor(next() * 0xd800)))).join('');
    const aliasBomb = [
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      ...Array.from({ length: 8 }, (_, index) => {
        const name = String.fromCharCode(98 + index);
        const previous = String.fromCharCode(97 + index);
        return `${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`;
      }),
    ].join('\n');
    const huge = 'x'.repeat(5 * 1024 * 1024);
    const cases: { name: string; text: () => string; expect: (diagnostics: Diagnostic[], content: string) => void }[] = [
      {
        name: 'binary garbage',
        text: () => `\u0000${garbage(20_000, random(1))}`,
        // The whole first line (up to 10,000 characters) is marked.
        expect: (diagnostics, content) => {
          const end = Math.min(10_000, content.split(/\r\n|\r|\n/)[0].length);
          assert.deepEqual(
            diagnostics.map((d) => [d.code, d.message, d.range]),
            [['yaml-syntax', 'The file is not text: it contains NUL bytes.', { start: { line: 0, character: 0 }, end: { line: 0, character: end } }]],
          );
        },
      },
      {
        name: 'printable garbage made of YAML punctuation',
        text: () => garbage(20_000, random(2), ':-[]{},"\'#&*!|>?%@`\n\r\t abc01'),
        expect: (diagnostics) =>
          assert.ok(
            diagnostics.some((d) => d.code === 'yaml-syntax'),
            JSON.stringify(diagnostics.slice(0, 3)),
          ),
      },
      {
        name: 'an alias bomb',
        text: () => `goalpost: 1\n${aliasBomb}\n`,
        expect: (diagnostics) =>
          assert.deepEqual(
            diagnostics.map((d) => [d.code, d.message]),
            [['yaml-syntax', 'The YAML uses aliases more than 100 times, which looks like an alias bomb; it was not expanded.']],
          ),
      },
      {
        name: "'[' ten thousand times",
        text: () => '['.repeat(10_000),
        expect: (diagnostics) =>
          assert.deepEqual(
            diagnostics.map((d) => [d.code, d.message, d.range.start]),
            [['yaml-syntax', 'The YAML is nested more than 100 levels deep, too deep to be read.', { line: 0, character: 100 }]],
          ),
      },
      {
        name: 'a 5 MB scalar as a reference',
        text: () => `goalpost: 1\ngoals:\n  - id: huge\n    title: Increase website sessions from Instagram by 20%\n    supports: [${huge}]\n`,
        expect: (diagnostics) => {
          const unknown = diagnostics.find((d) => d.code === 'unknown-reference');
          assert.equal(unknown?.message, `\`supports\` names \`${'x'.repeat(80)}…\`, but no objective has that id.`);
          assert.deepEqual(unknown?.range, { start: { line: 4, character: 15 }, end: { line: 4, character: 15 + huge.length } });
        },
      },
      {
        // Spreading 130,000 items into arguments once overflowed the stack and silenced the whole workspace.
        name: '50,000 goals with 150,000 references',
        text: () => manyGoalsFile(50_000),
        expect: (diagnostics) => {
          // 150,000 findings, of which the editor gets the first 1,000 and a note about the rest.
          assert.equal(diagnostics.length, 1001);
          assert.match(String(diagnostics[1000].message), /^Goalpost shows 1,000 of the [0-9,]+ problems in this file, errors first/);
          assert.ok(!diagnostics.some((d) => d.code === 'internal-error'));
        },
      },
    ];
    for (const [index, { name, text, expect }] of cases.entries()) {
      it(`survives ${name}, answers every request on it, and still works after`, async function () {
        this.timeout(180_000);
        const uri = fileUri(inWorkspace(`hostile-${index}.goals.yaml`));
        const content = text();
        await open(uri, content);
        const diagnostics = await checked(uri, 1);
        expect(diagnostics, content);
        const lines = content.split(/\r\n|\r|\n/);
        const last = lines.length - 1;
        for (const position of [
          { line: 0, character: 0 },
          { line: Math.floor(last / 2), character: 5 },
          { line: last, character: lines[last].length },
        ]) {
          await poke(uri, position);
        }
        assert.ok(Array.isArray(await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'g' })), 'workspace symbols answer');
        // Editing the hostile text incrementally, then replacing it with a good file, works as for any file.
        await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, text: '#' }]);
        await poke(uri, { line: 0, character: 1 });
        const version = await client.change(uri, [{ text: 'goalpost: 1\n' }]);
        assert.deepEqual(await checked(uri, version), []);
        await close(uri);
      });
    }
  });

  /** One random edit of `text`: the offsets it replaces and what it types there. */
  type Edit = (text: string, next: () => number) => { start: number; end: number; insert: string };

  /** Syntax typed or deleted anywhere, and sometimes a pasted copy of another part of the file: YAML chaos. */
  const chaos: Edit = (text, next) => {
    const start = Math.floor(next() * (text.length + 1));
    const end = Math.min(text.length, start + Math.floor(next() * 30));
    const insert = next() < 0.1 ? text.slice(Math.floor(next() * text.length)).slice(0, 200) : TOKENS[Math.floor(next() * TOKENS.length)];
    return { start, end, insert };
  };

  /** Edits that keep the YAML valid and break the strategy instead: typos in values (ids, dates, numbers) and lost fields. */
  const typos: Edit = (text, next) => {
    const lines: { start: number; text: string }[] = [];
    for (let offset = 0; offset < text.length;) {
      const end = text.indexOf('\n', offset) < 0 ? text.length : text.indexOf('\n', offset) + 1;
      lines.push({ start: offset, text: text.slice(offset, end) });
      offset = end;
    }
    const fields = lines.filter((line) => /^ {4,}[a-z_]+: [^\s#]/.test(line.text));
    if (fields.length === 0) return { start: 0, end: 0, insert: '' };
    const line = fields[Math.floor(next() * fields.length)];
    if (next() < 0.3) return { start: line.start, end: line.start + line.text.length, insert: '' };
    const value = line.text.indexOf(': ') + 2;
    const letters = [...line.text.slice(value).matchAll(/[a-z0-9]/g)].map((match) => value + (match.index ?? 0));
    const at = line.start + (letters.length > 0 ? letters[Math.floor(next() * letters.length)] : value);
    return { start: at, end: at + 1, insert: 'abcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(next() * 36)] };
  };

  for (const [name, edit, seed] of [
    ['YAML chaos', chaos, 2027],
    ['typos in values and lost fields', typos, 42],
  ] as const) {
    it(`survives 200 random edits of a real goals file (${name}), each followed by requests, and agrees with a fresh parse`, async () => {
      // The edited file and its fresh copies each sit under their own config: groups of one file, comparable.
      for (const group of ['edited', 'fresh']) {
        fs.mkdirSync(path.join(folder, 'workspace', `${group}-${seed}`));
        fs.writeFileSync(path.join(folder, 'workspace', `${group}-${seed}`, '.goalpost.yaml'), 'today: 2027-05-15\n');
      }
      const uri = fileUri(inWorkspace(`edited-${seed}/marketing.goals.yaml`));
      const next = random(seed);
      let document = TextDocument.create(uri, 'goals', 1, EXAMPLE);
      await open(uri, EXAMPLE);
      const seen = new Set<string>();
      for (let step = 1; step <= 200; step++) {
        const { start, end, insert } = edit(document.getText(), next);
        const change = { range: { start: document.positionAt(start), end: document.positionAt(end) }, text: insert };
        const version = await client.change(uri, [change]);
        document = TextDocument.update(document, [change], version);
        await poke(uri, document.positionAt(Math.floor(next() * (document.getText().length + 1))));
        for (const diagnostic of client.diagnostics.get(uri)?.diagnostics ?? []) seen.add(String(diagnostic.code));
        if (step % 50 !== 0) continue;
        // A copy of the text so far, opened fresh, must get the same diagnostics: the incremental text and
        // parse kept up with every edit. The edited document's last check was scheduled before the copy's,
        // with the same delay, so it is in by then (or was not sent again because nothing changed).
        const copy = fileUri(inWorkspace(`fresh-${seed}/copy-${step}.goals.yaml`));
        await open(copy, document.getText());
        const fresh = await checked(copy, 1);
        await close(copy);
        const edited = client.diagnostics.get(uri)?.diagnostics ?? [];
        const comparable = (diagnostics: Diagnostic[]) =>
          diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity, diagnostic.range, diagnostic.message]);
        assert.deepEqual(comparable(edited), comparable(fresh), `after step ${step}`);
        assert.ok(!edited.some((diagnostic) => diagnostic.code === 'internal-error'), 'no rule failed');
      }
      // The edits broke the file in many ways, not only its syntax (as published along the way).
      assert.ok(seen.size >= 4, [...seen].join(', '));
    });
  }

  it('checks a document outside every workspace folder while it is open, and forgets it on close', async () => {
    fs.mkdirSync(path.join(folder, 'elsewhere'));
    const outside = path.join(folder, 'elsewhere', 'loose.goals.yaml');
    const text = MARKETING.replace('    department: marketing\n', '');
    fs.writeFileSync(outside, text);
    const uri = fileUri(outside);
    await open(uri, text);
    const diagnostics = await checked(uri, 1);
    assert.ok(
      diagnostics.some((diagnostic) => diagnostic.code === 'missing-owner'),
      JSON.stringify(diagnostics.map((d) => d.code)),
    );
    await poke(uri, rangeOf(text, 'ig-traffic').start);
    await close(uri);
    assert.deepEqual(await client.waitForDiagnostics(uri, (list) => list.length === 0), []);
    assert.equal(client.diagnostics.get(uri)?.version, undefined, 'the clearing is not tied to a version');
  });

  it('ignores a YAML document that is not a goals file', async () => {
    const yaml = fileUri(inWorkspace('x.yaml'));
    await open(yaml, 'goals:\n  - id: no-title\n    supports: [nothing]\n', 'yaml');
    // Notifications are handled in order: once a later goals document is checked, the YAML one would have been too.
    const goals = fileUri(inWorkspace('later.goals.yaml'));
    await open(goals, MARKETING.replace(/ig-traffic/g, 'ig-later'));
    await checked(goals, 1);
    assert.equal(client.diagnostics.has(yaml), false, 'no diagnostics for x.yaml');
    const textDocument = { uri: yaml };
    const position = { line: 1, character: 8 };
    assert.equal(await client.connection.sendRequest(HoverRequest.type, { textDocument, position }), null);
    assert.deepEqual(await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument }), []);
    assert.deepEqual(
      await client.connection.sendRequest(CodeActionRequest.type, { textDocument, range: { start: position, end: position }, context: { diagnostics: [] } }),
      [],
    );
    assert.deepEqual(await client.connection.sendRequest(OutlineRequest.type, { uri: yaml }), { items: [] });
  });

  describe('goalpost/outline', () => {
    const company = () => fileUri(inWorkspace('company.goals.yaml'));
    const marketing = () => fileUri(inWorkspace('marketing.goals.yaml'));
    /** The outline without what is tested elsewhere (status, severity), with ranges as start lines of the head. */
    const shape = (item: OutlineItem): unknown => ({
      kind: item.kind,
      id: item.id,
      label: item.label,
      uri: item.uri,
      range: item.range,
      progress: item.progress,
      children: item.children.map(shape),
    });
    /** Plain data, as it crosses the wire: no `undefined` members. */
    const plain = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;
    const objective = (id: string, title: string, children: unknown[], progress?: number) => ({
      kind: 'objective',
      id,
      label: title,
      uri: company(),
      range: rangeOf(COMPANY, id),
      progress,
      children,
    });
    const igTraffic = () => ({
      kind: 'goal',
      id: 'ig-traffic',
      label: 'Increase website sessions from Instagram by 20%',
      uri: marketing(),
      range: rangeOf(MARKETING, 'ig-traffic'),
      progress: 0.5,
      children: [
        {
          kind: 'target',
          id: 'sessions',
          label: 'Website sessions: 1100 / 1200',
          uri: marketing(),
          range: rangeWithin(MARKETING, '{ kpi: sessions', 'kpi'),
          progress: 0.5,
          children: [],
        },
      ],
    });

    it("returns a document's objectives → goals → targets", async () => {
      const result = await client.connection.sendRequest(OutlineRequest.type, { uri: marketing() });
      assert.deepEqual(plain(result.items.map(shape)), plain([objective('grow-online-revenue', 'Grow online revenue by 15%', [igTraffic()], 0.5)]));
    });

    it("returns the workspace's, with the objectives no goal supports", async () => {
      const result = await client.connection.sendRequest(OutlineRequest.type, {});
      assert.deepEqual(
        plain(result.items.map(shape)),
        plain([
          objective('grow-online-revenue', 'Grow online revenue by 15%', [igTraffic()], 0.5),
          objective('enter-japan', 'Open the Japanese market by December', []),
        ]),
      );
      assert.equal(result.items[0].children[0].status, 'on-track');
    });

    it('follows the open text of a document', async () => {
      const text = MARKETING.replace('    supports: [grow-online-revenue]\n    start', '    supports: [enter-japan]\n    start');
      await open(marketing(), text);
      const result = await client.connection.sendRequest(OutlineRequest.type, { uri: marketing() });
      assert.deepEqual(
        result.items.map((item) => [item.id, item.children.map((child) => child.id)]),
        [['enter-japan', ['ig-traffic']]],
      );
    });
  });

  it('re-lints when .goalpost.yaml changes, and reports an invalid config on the config file', async () => {
    const config = inWorkspace('.goalpost.yaml');
    const marketing = fileUri(inWorkspace('marketing.goals.yaml'));
    fs.writeFileSync(inWorkspace('marketing.goals.yaml'), MARKETING.replace('    department: marketing\n', ''));
    await client.watched([{ uri: marketing, type: FileChangeType.Changed }]);
    await client.waitForDiagnostics(marketing, (diagnostics) => diagnostics.some((diagnostic) => diagnostic.code === 'missing-owner'));

    fs.writeFileSync(config, 'today: 2027-05-15\nrules:\n  missing-owner: off\n');
    await client.watched([{ uri: fileUri(config), type: FileChangeType.Changed }]);
    assert.deepEqual(await client.waitForDiagnostics(marketing, (diagnostics) => !diagnostics.some((diagnostic) => diagnostic.code === 'missing-owner')), []);

    const invalid = 'today: 2027-05-15\nrules:\n  missing-ownr: off\n';
    fs.writeFileSync(config, invalid);
    await client.watched([{ uri: fileUri(config), type: FileChangeType.Changed }]);
    const problems = await client.waitForDiagnostics(fileUri(config), (diagnostics) => diagnostics.length > 0);
    assert.deepEqual(
      problems.map((diagnostic) => [diagnostic.code, diagnostic.severity, diagnostic.message, diagnostic.range]),
      [['schema', 1, 'Unknown rule `missing-ownr`; did you mean `missing-owner`?', rangeOf(invalid, 'missing-ownr')]],
    );
    // An invalid config falls back to the defaults, under which the rule is on again.
    await client.waitForDiagnostics(marketing, (diagnostics) => diagnostics.some((diagnostic) => diagnostic.code === 'missing-owner'));

    fs.writeFileSync(config, 'today: 2027-05-15\n');
    await client.watched([{ uri: fileUri(config), type: FileChangeType.Changed }]);
    assert.deepEqual(await client.waitForDiagnostics(fileUri(config), (diagnostics) => diagnostics.length === 0), []);
  });

  it('dates its checks by the goalpost.today setting when the editor sets it', async () => {
    const marketing = fileUri(inWorkspace('marketing.goals.yaml'));
    assert.deepEqual(await client.waitForDiagnostics(marketing), []);
    settings.goalpost = { today: '2028-01-15' };
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings });
    const late = await client.waitForDiagnostics(marketing, (diagnostics) => diagnostics.length > 0);
    assert.deepEqual(
      late.map((diagnostic) => [diagnostic.code, diagnostic.range]),
      [
        ['deadline-missed', rangeWithin(MARKETING, 'deadline: 2027-12-31', '2027-12-31')],
        ['review-overdue', rangeWithin(MARKETING, 'last_reviewed: 2027-05-01', '2027-05-01')],
      ],
    );
    assert.match(String(late[0].message), /^Goal `ig-traffic` passed its deadline 2027-12-31 without reaching/);
    settings.goalpost = {};
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings });
    assert.deepEqual(await client.waitForDiagnostics(marketing, (diagnostics) => diagnostics.length === 0), []);
  });

  it('applies the goalpost.today setting to a file opened outside the workspace folders', async () => {
    settings.goalpost = { today: '2028-01-15' };
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings });
    const outside = fileUri(path.join(folder, 'loose.goals.yaml'));
    const text =
      'goalpost: 1\ngoals:\n  - id: loose\n    title: Grow Instagram sessions by 10%\n    deadline: 2027-06-30\n    targets:\n      - { kpi: k, baseline: 10, target: 20, current: 11 }\n';
    await open(outside, text);
    const diagnostics = await client.waitForDiagnostics(outside, (list) => list.some((diagnostic) => diagnostic.code === 'deadline-missed'));
    assert.ok(
      diagnostics.some((diagnostic) => diagnostic.code === 'deadline-missed'),
      'judged as of 2028-01-15, the deadline has passed',
    );
  });
});

describe('language server: settings pushed by a client that cannot be asked', () => {
  it('takes goalpost.today from workspace/didChangeConfiguration', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'goalpost-lsp-'));
    const client = await TestClient.start({ folders: [folder] });
    try {
      const uri = fileUri(path.join(folder, 'plan.goals.yaml'));
      const text =
        'goalpost: 1\ngoals:\n  - id: g\n    title: Grow Instagram sessions by 10%\n    deadline: 2027-06-30\n    targets:\n      - { kpi: k, baseline: 10, target: 20, current: 11 }\n';
      await client.open(uri, text);
      await client.waitForDiagnostics(uri);
      await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { goalpost: { today: '2028-01-15' } } });
      const diagnostics = await client.waitForDiagnostics(uri, (list) => list.some((diagnostic) => diagnostic.code === 'deadline-missed'));
      assert.ok(diagnostics.length > 0);
    } finally {
      assert.equal(await client.stop(), 0);
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
