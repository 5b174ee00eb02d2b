/** Code lenses, in-process: each goal's standing over its id line. */
import * as assert from 'node:assert/strict';
import type { CodeLens, Range } from 'vscode-languageserver-protocol/node';
import { ServerCommand } from '../../server/src/protocol';
import { Editor } from '../helpers/editor';

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

/** The range of the first `length` characters (all by default) of the first occurrence of a one-line `needle`. */
function rangeOf(text: string, needle: string, length = needle.length): Range {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, `${needle} is in the fixture`);
  const before = text.slice(0, offset).split('\n');
  const start = { line: before.length - 1, character: before[before.length - 1].length };
  return { start, end: { line: start.line, character: start.character + length } };
}

describe('code lens', function () {
  let editor: Editor;
  let uri: string;

  beforeEach(() => {
    editor = new Editor({ 'company.goals.yaml': COMPANY, 'marketing.goals.yaml': MARKETING });
    uri = editor.uri('marketing.goals.yaml');
  });

  async function lenses(): Promise<CodeLens[]> {
    return editor.codeLenses({ textDocument: { uri } });
  }

  /** A goal's lens: its command shows the goal (the server's own command); a goal without an id has none to run. */
  const lens = (range: Range, title: string, id?: string): CodeLens => ({
    range,
    command: id === undefined ? { title, command: '' } : { title, command: ServerCommand.showGoal, arguments: [uri, id] },
  });

  it("puts each goal's progress, status and target count over its id line, for this file's goals only", async () => {
    editor.open(uri, MARKETING);
    assert.deepEqual(await lenses(), [
      // (210/300 = 70% + (60-52)/(60-40) = 40%) / 2 = 55%, ahead of the 37% of the year gone by.
      lens(rangeOf(MARKETING, 'li-leads'), '55% · on track · 2 targets', 'li-leads'),
      lens(rangeOf(MARKETING, 'ig-spring'), '20% · missed · 1 target', 'ig-spring'),
      lens(rangeOf(MARKETING, 'yt-autumn'), 'not started · 1 target', 'yt-autumn'),
      // Without an id, the lens sits on the goal's first key.
      lens(rangeOf(MARKETING, 'title: Draft', 'title'.length), 'no data · no targets'),
    ]);
  });

  it('follows edits: a goal whose targets are all reached is done', async () => {
    editor.open(uri, MARKETING);
    const range = rangeOf(MARKETING, 'current: 4200');
    editor.change(uri, [{ range, text: 'current: 5100' }]);
    const titles = (await lenses()).map((found) => found.command?.title);
    assert.deepEqual(titles, ['55% · on track · 2 targets', '100% · done · 1 target', 'not started · 1 target', 'no data · no targets']);
  });

  it('shows lenses for goal files that are not open', async () => {
    assert.deepEqual(
      (await lenses()).map((found) => found.command?.title),
      ['55% · on track · 2 targets', '20% · missed · 1 target', 'not started · 1 target', 'no data · no targets'],
    );
    const company = editor.uri('company.goals.yaml');
    const companyLenses = await editor.codeLenses({ textDocument: { uri: company } });
    assert.deepEqual(companyLenses, [
      {
        range: rangeOf(COMPANY, 'company-wide'),
        command: { title: 'no data · no targets', command: ServerCommand.showGoal, arguments: [company, 'company-wide'] },
      },
    ]);
  });
});
