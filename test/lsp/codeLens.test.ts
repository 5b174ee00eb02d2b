import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CodeLensRequest, ExecuteCommandRequest, type CodeLens } from 'vscode-languageserver-protocol/node';
import { ServerCommand } from '../../server/src/protocol';
import { fileUri, TestClient, writeWorkspace } from '../helpers/lspClient';

const COMPANY = `goalpost: 1
period: { start: 2027-01-01, end: 2027-12-31 }
objectives:
  - { id: grow-online-revenue, title: Grow online revenue by 15% }
departments:
  - { id: marketing, name: Marketing }
kpis:
  - { id: sessions, name: Website sessions, metric: sessions, supports: [grow-online-revenue] }
  - { id: leads, name: Qualified leads, metric: leads, supports: [grow-online-revenue] }
  - { id: cost-per-lead, name: Cost per lead, metric: cost, unit: EUR, supports: [grow-online-revenue] }
goals:
  - { id: company-wide, title: Grow website sessions by 10%, department: marketing, supports: [grow-online-revenue], deadline: 2027-12-31 }
`;

/** Goals on 2027-05-15 (the check date), in a period from 2027-01-01: about 37% of the year has gone by. */
const MARKETING = `goalpost: 1
goals:
  - id: li-leads
    title: Generate 300 qualified leads from LinkedIn at under 40 EUR each
    department: marketing
    supports: [grow-online-revenue]
    deadline: 2027-12-31
    targets:
      - { kpi: leads, baseline: 0, target: 300, current: 210 }
      - { kpi: cost-per-lead, baseline: 60, target: 40, current: 52 }
  - id: ig-spring
    title: Reach 5000 website sessions from Instagram by March 31
    department: marketing
    supports: [grow-online-revenue]
    deadline: 2027-03-31
    targets:
      - { kpi: sessions, baseline: 4000, target: 5000, current: 4200 }
  - id: yt-autumn
    title: Reach 2000 website sessions from YouTube between September and November
    department: marketing
    supports: [grow-online-revenue]
    start: 2027-09-01
    deadline: 2027-11-30
    targets:
      - { kpi: sessions, target: 2000 }
  - title: Draft goal without an id or targets
    department: marketing
`;

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
