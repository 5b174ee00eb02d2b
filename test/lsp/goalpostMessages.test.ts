/**
 * Goalpost's own LSP messages over real stdio, against one server for the suite: indexing progress,
 * `goalpost/outline` (by objective and by department), `goalpost/outlineChanged` for open and unopened
 * files, `goalpost/effectiveConfig` and `goalpost/starterFile`.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FileChangeType } from 'vscode-languageserver-protocol/node';
import { rules } from '../../server/src/core/rules';
import {
  EffectiveConfigRequest,
  OutlineChangedNotification,
  OutlineRequest,
  StarterFileRequest,
  type OutlineItem,
  type OutlineParams,
} from '../../server/src/protocol';
import { fileUri, TestClient, writeWorkspace } from '../helpers/lspClient';

const COMPANY = `goalpost: 1
period: { start: 2027-01-01, end: 2027-12-31 }
objectives:
  - { id: revenue, title: Grow online revenue by 15%, owner: leadership, deadline: 2027-12-31 }
  - { id: hiring, title: Hire 20 engineers by June, owner: hr }
departments:
  - { id: leadership, name: Leadership }
  - { id: marketing, name: Marketing }
  - { id: hr, name: Human Resources }
kpis:
  - { id: sessions, name: Website sessions, metric: sessions, unit: sessions, supports: [revenue] }
  - { id: applications, name: Job applications, metric: applications, supports: [hiring] }
  - { id: followers, name: Instagram followers, metric: followers }
`;

const MARKETING = `goalpost: 1
goals:
  - id: traffic
    title: Increase website sessions from Instagram by 20%
    department: marketing
    supports: [revenue, hiring]
    start: 2027-01-01
    deadline: 2027-12-31
    targets:
      - { kpi: sessions, baseline: 1000, target: 2000, current: 1500 }
      - { kpi: applications, baseline: 10, target: 30, current: 20 }
  - id: stray
    title: Grow online orders by 5%
    supports: [nothing-here]
    deadline: 2027-12-31
    targets:
      - { kpi: sessions, baseline: 100, target: 105 }
`;

/** "kind id [status progress%]", indented by depth. */
function shape(items: readonly OutlineItem[], depth = 0): string[] {
  return items.flatMap((item) => [
    `${'  '.repeat(depth)}${item.kind} ${item.id ?? '-'}${item.status ? ` ${item.status}` : ''}${item.progress === undefined ? '' : ` ${Math.round(item.progress * 100)}%`}`,
    ...shape(item.children, depth + 1),
  ]);
}

describe('language server: Goalpost messages over stdio', function () {
  let folder: string;
  let client: TestClient;
  let company: string;
  let marketing: string;
  const outline = async (params: OutlineParams = {}) => (await client.connection.sendRequest(OutlineRequest.type, params)).items;
  const outlineChanges = () => client.received.filter((message) => message.method === OutlineChangedNotification.method);

  before(async () => {
    folder = writeWorkspace({ 'company.goals.yaml': COMPANY, 'marketing.goals.yaml': MARKETING });
    fs.writeFileSync(
      path.join(folder, '.goalpost.yaml'),
      'today: 2027-05-15\nrules:\n  kpi-unused: warning\n  smart-achievable:\n    options: { maxMonthlyGrowth: 0.3 }\n',
    );
    company = fileUri(path.join(folder, 'company.goals.yaml'));
    marketing = fileUri(path.join(folder, 'marketing.goals.yaml'));
    client = await TestClient.start({ folders: [folder], workDoneProgress: true });
    await client.waitForMessage(OutlineChangedNotification.method, (params) => (params as { indexed: boolean }).indexed);
  });

  after(async () => {
    assert.equal(await client.stop(), 0, 'the server exits cleanly after shutdown');
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('reports work-done progress while it indexes, then says the first index is done', () => {
    const methods = client.received.map((message) => {
      const value = (message.params as { value?: { kind?: string } }).value;
      return message.method === '$/progress' ? `$/progress ${value?.kind}` : message.method;
    });
    const create = methods.indexOf('window/workDoneProgress/create');
    const begin = methods.indexOf('$/progress begin');
    const end = methods.indexOf('$/progress end');
    const indexed = methods.indexOf(OutlineChangedNotification.method);
    assert.ok(create >= 0 && create < begin && begin < end && end < indexed, `create, begin, end, then outlineChanged; got ${methods.join(', ')}`);
    const token = (client.received[create].params as { token: unknown }).token;
    const progress = client.received
      .filter((message) => message.method === '$/progress')
      .map((message) => message.params as { token: unknown; value: { title?: string; message?: string } });
    assert.ok(
      progress.every((message) => message.token === token),
      'every report carries the token the server created',
    );
    assert.equal(progress[0].value.title, 'Goalpost: indexing goal files');
    assert.ok(
      progress.some((message) => message.value.message === 'Checking 2 goal files'),
      'it says what it is checking',
    );
    assert.deepEqual(
      outlineChanges().map((message) => message.params),
      [{ indexed: true }],
      'one notification ends the first index',
    );
  });

  it('outlines the workspace by objective: a goal under each objective it supports, targets with figures, unlinked goals and KPIs under the unaligned node', async () => {
    assert.deepEqual(shape(await outline()), [
      'objective revenue 50%',
      '  goal traffic on-track 50%',
      '    target sessions 50%',
      '    target applications 50%',
      'objective hiring 50%',
      '  goal traffic on-track 50%',
      '    target sessions 50%',
      '    target applications 50%',
      'unaligned -',
      '  goal stray has-errors',
      '    target sessions',
      '  kpi followers',
    ]);
  });

  it('gives each node what the tree shows: source ranges, owner, dates, target figures and finding counts', async () => {
    const [revenue, , unaligned] = await outline();
    assert.equal(revenue.uri, company);
    assert.deepEqual(revenue.range, { start: { line: 3, character: 10 }, end: { line: 3, character: 17 } });
    assert.equal(revenue.owner, 'Leadership');
    assert.equal(revenue.deadline, '2027-12-31');
    const traffic = revenue.children[0];
    assert.equal(traffic.uri, marketing);
    assert.equal(traffic.owner, 'Marketing');
    assert.equal(traffic.start, '2027-01-01');
    assert.equal(traffic.deadline, '2027-12-31');
    assert.deepEqual(traffic.extent?.start, { line: 2, character: 4 });
    assert.ok(traffic.extent && traffic.extent.end.line >= 10, 'the extent covers the whole goal, down to its last target');
    const strayHead = unaligned.children[0].range?.start;
    assert.ok(strayHead && (traffic.extent.end.line < strayHead.line || traffic.extent.end.character <= strayHead.character), 'and stops before the next goal');
    assert.deepEqual(traffic.children[0].figures, {
      kpi: 'sessions',
      kpiName: 'Website sessions',
      unit: 'sessions',
      baseline: 1000,
      current: 1500,
      target: 2000,
    });
    const stray = unaligned.children[0];
    assert.equal(stray.worst, 'error');
    assert.equal(stray.findings?.error, 1, 'the unknown objective in its `supports`');
    assert.ok((stray.findings?.warning ?? 0) >= 1, 'and the missing department');
    const followers = unaligned.children[1];
    assert.equal(followers.label, 'Instagram followers');
    assert.deepEqual(followers.findings, { error: 0, warning: 2, info: 0 }, 'kpi-unlinked, and kpi-unused raised to a warning by the config');
  });

  it('groups by department on request, with goals of no department under their own node', async () => {
    assert.deepEqual(shape(await outline({ groupBy: 'department' })), [
      'department leadership',
      'department marketing 50%',
      '  goal traffic on-track 50%',
      '    target sessions 50%',
      '    target applications 50%',
      'department hr',
      'unassigned -',
      '  goal stray has-errors',
      '    target sessions',
    ]);
    assert.deepEqual(
      (await outline({ uri: marketing, groupBy: 'department' })).map((item) => item.id ?? item.kind),
      ['marketing', 'unassigned'],
      'one file’s outline keeps only the departments with goals in it',
    );
  });

  /** Resolves with the next `goalpost/outlineChanged` received after `mark` (an index into `received`). */
  const changedAfter = (mark: number) => client.waitForMessage(OutlineChangedNotification.method, () => true, mark);

  it('says the outline changed when an open document changes, and the outline follows', async () => {
    // Opened with a text that differs from the disk's, so the open itself is a change.
    const opened = `# edited in the editor\n${MARKETING}`;
    let mark = client.received.length;
    await client.open(marketing, opened);
    await changedAfter(mark);
    mark = client.received.length;
    await client.change(marketing, [{ text: opened.replace('current: 1500', 'current: 2000').replace('current: 20 }', 'current: 30 }') }]);
    assert.deepEqual((await changedAfter(mark)).params, { indexed: false });
    const [revenue] = await outline();
    assert.equal(revenue.children[0].status, 'done');
    mark = client.received.length;
    await client.close(marketing);
    await changedAfter(mark);
  });

  it('says the outline changed when an unopened file changes on disk', async () => {
    const mark = client.received.length;
    fs.writeFileSync(path.join(folder, 'company.goals.yaml'), COMPANY.replace('Hire 20 engineers by June', 'Hire 25 engineers by June'));
    await client.watched([{ uri: company, type: FileChangeType.Changed }]);
    await changedAfter(mark);
    const hiring = (await outline()).find((item) => item.id === 'hiring');
    assert.equal(hiring?.label, 'Hire 25 engineers by June');
  });

  it('answers the effective configuration of a file: the config that applies, the date and every rule', async () => {
    const result = await client.connection.sendRequest(EffectiveConfigRequest.type, { uri: marketing });
    assert.ok(result);
    assert.equal(result.config.configFile, fileUri(path.join(folder, '.goalpost.yaml')));
    assert.equal(result.config.today, '2027-05-15');
    assert.equal(result.config.todaySource, 'config');
    const byId = new Map(result.config.rules.map((rule) => [rule.id, rule]));
    assert.deepEqual(
      [...byId.keys()],
      rules.map((rule) => rule.meta.id),
      'every rule, in catalogue order',
    );
    assert.deepEqual(byId.get('kpi-unused'), { id: 'kpi-unused', severity: 'warning', defaultSeverity: 'info', options: {}, configured: true });
    assert.equal(byId.get('smart-achievable')?.options.maxMonthlyGrowth, 0.3);
    assert.equal(byId.get('smart-achievable')?.severity, 'warning');
    assert.match(result.text, /^today: 2027-05-15 # from today: in the configuration$/m);
    assert.match(result.text, /^ {2}kpi-unused: warning # configured; default info$/m);
    assert.match(result.text, /^ {2}smart-achievable: # configured\n {4}severity: warning\n {4}options:\n {6}maxMonthlyGrowth: 0\.3$/m);
  });

  it('answers a starter file that fits the workspace it joins, and that file brings no error into it', async () => {
    const uri = fileUri(path.join(folder, 'social.goals.yaml'));
    const result = await client.connection.sendRequest(StarterFileRequest.type, { uri });
    assert.ok(result);
    assert.equal(result.joins, 2);
    assert.doesNotMatch(result.text, /^(objectives|departments|period):/m, 'it defines no objectives, departments or period again');
    assert.match(result.text, /supports: \[revenue\]/);
    assert.match(result.text, /- id: ig-site-sessions\n/);
    assert.match(result.text, /last_reviewed: 2027-05-15/, 'dated as the workspace checks');
    await client.open(uri, result.text);
    const diagnostics = await client.waitForDiagnostics(uri);
    assert.deepEqual(
      diagnostics.filter((diagnostic) => diagnostic.severity === 1).map((diagnostic) => `${diagnostic.code}: ${diagnostic.message}`),
      [],
    );
    await client.close(uri);
  });
});
