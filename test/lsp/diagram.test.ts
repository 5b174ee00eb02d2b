/**
 * `goalpost/diagram` over real stdio: the graph of a file's workspace with node files as URIs, the file's
 * nodes active with their whole extents, the first workspace when no file is named, an edit (unsaved)
 * seen in the next answer, and a second workspace kept apart.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DiagramRequest, OutlineChangedNotification, type DiagramParams } from '../../server/src/protocol';
import { fileUri, TestClient, writeWorkspace } from '../helpers/lspClient';

const COMPANY = `goalpost: 1
period: { start: 2027-01-01, end: 2027-12-31 }
objectives:
  - { id: revenue, title: Grow online revenue by 15%, owner: leadership }
  - { id: hiring, title: Hire 20 engineers by June, owner: hr }
departments:
  - { id: leadership, name: Leadership }
  - { id: marketing, name: Marketing }
  - { id: hr, name: Human Resources }
kpis:
  - { id: sessions, name: Website sessions, metric: sessions, supports: [revenue] }
`;

const MARKETING = `goalpost: 1
goals:
  - id: traffic
    title: Increase website sessions from Instagram by 20%
    department: marketing
    supports: [revenue, hiring]
    deadline: 2027-12-31
    targets:
      - { kpi: sessions, baseline: 1000, target: 2000, current: 1500 }
  - id: stray
    title: Grow online orders by 5%
    department: marketing
    deadline: 2027-12-31
    targets:
      - { kpi: sessions, baseline: 100, target: 105 }
`;

const OTHER = `goalpost: 1
objectives:
  - { id: elsewhere, title: Another company entirely }
`;

describe('language server: goalpost/diagram over stdio', function () {
  let folder: string;
  let client: TestClient;
  let company: string;
  let marketing: string;
  const diagram = async (params: DiagramParams) => {
    const result = await client.connection.sendRequest(DiagramRequest.type, params);
    assert.ok(result, 'the server answers with a diagram');
    return result;
  };

  before(async () => {
    folder = writeWorkspace({});
    const files = {
      'strategy/company.goals.yaml': COMPANY,
      'strategy/marketing.goals.yaml': MARKETING,
      'strategy/.goalpost.yaml': 'today: 2027-05-15\n',
      'other/other.goals.yaml': OTHER,
      'other/.goalpost.yaml': 'today: 2027-05-15\n',
    };
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
      fs.writeFileSync(path.join(folder, name), text);
    }
    company = fileUri(path.join(folder, 'strategy', 'company.goals.yaml'));
    marketing = fileUri(path.join(folder, 'strategy', 'marketing.goals.yaml'));
    client = await TestClient.start({ folders: [folder] });
    await client.waitForMessage(OutlineChangedNotification.method, (params) => (params as { indexed: boolean }).indexed);
  });

  after(async () => {
    assert.equal(await client?.stop(), 0, 'the server exits cleanly after shutdown');
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it("draws the file's whole workspace: nodes with URIs and ranges, edges, departments, the file's nodes active", async () => {
    const result = await diagram({ uri: marketing });
    assert.equal(result.title, 'strategy');
    assert.deepEqual(
      result.graph.nodes.map(
        (node) => `${node.key} ${node.file === company ? 'company' : node.file === marketing ? 'marketing' : node.file}${node.unaligned ? ' unaligned' : ''}`,
      ),
      ['objective:revenue company', 'objective:hiring company', 'goal:traffic marketing', 'goal:stray marketing unaligned', 'kpi:sessions company'],
    );
    assert.deepEqual(
      result.graph.edges.map((edge) => `${edge.from} ${edge.kind} ${edge.to}`),
      [
        'goal:traffic supports objective:revenue',
        'goal:traffic supports objective:hiring',
        'goal:traffic measures kpi:sessions',
        'goal:stray measures kpi:sessions',
      ],
    );
    assert.deepEqual(
      result.graph.departments.map((department) => department.name),
      ['Leadership', 'Marketing', 'Human Resources'],
    );
    const traffic = result.graph.nodes.find((node) => node.key === 'goal:traffic');
    assert.deepEqual(traffic?.range, { start: { line: 2, character: 8 }, end: { line: 2, character: 15 } }, 'the head: the id');
    assert.equal(traffic?.department, 'Marketing');
    assert.equal(traffic?.progress, 0.5);
    assert.deepEqual(result.active, ['goal:traffic', 'goal:stray']);
  });

  it("gives the extent of each of the file's nodes, whole items in file order, so the cursor finds its node", async () => {
    const { extents } = await diagram({ uri: marketing });
    assert.deepEqual(
      extents.map((extent) => `${extent.key} ${extent.range.start.line}:${extent.range.start.character}`),
      ['goal:traffic 2:4', 'goal:stray 9:4'],
    );
    const [traffic, stray] = extents;
    assert.ok(traffic.range.end.line >= 7 && traffic.range.end.line <= 9, `the first goal ends by its last target, got line ${traffic.range.end.line}`);
    assert.ok(stray.range.end.line >= 14, `the second goal runs to its last target, got line ${stray.range.end.line}`);
  });

  it('draws the first workspace, nothing active, when no file is named; another workspace on its own', async () => {
    const first = await diagram({});
    assert.deepEqual(first.active, []);
    assert.deepEqual(first.extents, []);
    const other = await diagram({ uri: fileUri(path.join(folder, 'other', 'other.goals.yaml')) });
    assert.equal(other.title, 'other');
    assert.deepEqual(
      other.graph.nodes.map((node) => node.key),
      ['objective:elsewhere'],
    );
    assert.equal(first.title === 'other' ? first.graph.nodes.length : other.graph.nodes.length, 1, 'the workspaces stay apart');
    const unknown = await diagram({ uri: fileUri(path.join(folder, 'nowhere.goals.yaml')) });
    assert.deepEqual(unknown.active, [], 'a file the server does not know marks nothing active');
  });

  it('answers from the unsaved text: an edit of an open file shows in the next diagram', async () => {
    await client.open(marketing, MARKETING);
    await client.change(marketing, [{ text: MARKETING.replace('Grow online orders by 5%', 'Grow <b>orders</b> by 6%') }]);
    const result = await diagram({ uri: marketing });
    assert.equal(
      result.graph.nodes.find((node) => node.key === 'goal:stray')?.title,
      'Grow <b>orders</b> by 6%',
      'titles come as data, unescaped: the page sets them as text',
    );
    await client.close(marketing);
  });
});
