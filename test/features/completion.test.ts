import * as assert from 'node:assert/strict';
import { CompletionItemKind, InsertTextMode, type CompletionItem, type Position, type Range, type TextEdit } from 'vscode-languageserver-protocol/node';
import { Editor } from '../helpers/editor';
import { markedOnce } from '../helpers/marked';

const COMPANY = `goalpost: 1
period: { start: 2027-01-01, end: 2027-12-31 }
objectives:
  - { id: grow-online-revenue, title: Grow online revenue by 15%, owner: marketing }
  - { id: retain-customers, title: Keep yearly churn under 5% }
departments:
  - { id: marketing, name: Marketing }
  - { id: sales, name: Sales }
audiences:
  - { id: young-adults, name: Young adults, platforms: [instagram, tiktok] }
`;

/** The KPIs and first goal of the marketing file; each test adds the lines it completes in. */
const KPIS = `goalpost: 1
kpis:
  - { id: sessions, name: Website sessions, metric: sessions, supports: [grow-online-revenue] }
  - { id: leads, name: Qualified leads, metric: leads, supports: [grow-online-revenue] }
`;

const IG_TRAFFIC = `  - id: ig-traffic
    title: Increase website sessions from Instagram by 20%
    department: marketing
    supports: [grow-online-revenue]
    deadline: 2027-12-31
    targets:
      - { kpi: sessions, baseline: 1000, target: 1200, current: 1100 }
`;

/** Every key of a goal, in schema order. */
const GOAL_KEYS = [
  'id',
  'title',
  'description',
  'department',
  'supports',
  'platform',
  'audience',
  'funnel',
  'start',
  'deadline',
  'targets',
  'review',
  'last_reviewed',
  'confidence',
  'parent',
];

describe('completion', function () {
  let editor: Editor;
  let uri: string;
  let opened: boolean;

  beforeEach(() => {
    editor = new Editor({ 'company.goals.yaml': COMPANY, 'marketing.goals.yaml': `${KPIS}goals:\n${IG_TRAFFIC}` });
    uri = editor.uri('marketing.goals.yaml');
    opened = false;
  });

  /** Puts the fixture (with its `<|>` cursor) in the marketing file and asks for completions at the cursor. */
  async function complete(fixture: string): Promise<{ items: CompletionItem[]; cursor: Position }> {
    const { text, cursor } = markedOnce(fixture);
    if (opened) editor.change(uri, [{ text }]);
    else editor.open(uri, text);
    opened = true;
    const result = await editor.completion({ textDocument: { uri }, position: cursor });
    return { items: result, cursor };
  }

  /** The items as `[label, kind, detail, newText]`, after checking that every edit replaces `range`. */
  function summary(items: CompletionItem[], range: Range): [string, CompletionItemKind | undefined, string | undefined, string][] {
    return items.map((item) => {
      const edit = item.textEdit as TextEdit;
      assert.deepEqual(edit.range, range, `the edit range of ${item.label}`);
      return [item.label, item.kind, item.detail, edit.newText];
    });
  }

  const at = (cursor: Position, back = 0, forward = 0): Range => ({
    start: { line: cursor.line, character: cursor.character - back },
    end: { line: cursor.line, character: cursor.character + forward },
  });

  describe('keys', () => {
    it('offers the root keys not yet present on an empty line at column 0, sections opening their block', async () => {
      const { items, cursor } = await complete(`${KPIS}<|>\ngoals:\n${IG_TRAFFIC}`);
      assert.deepEqual(summary(items, at(cursor)), [
        ['organization', CompletionItemKind.Property, undefined, 'organization: '],
        ['description', CompletionItemKind.Property, undefined, 'description: '],
        ['period', CompletionItemKind.Property, undefined, 'period:\n  '],
        ['objectives', CompletionItemKind.Property, undefined, 'objectives:\n  - '],
        ['departments', CompletionItemKind.Property, undefined, 'departments:\n  - '],
        ['audiences', CompletionItemKind.Property, undefined, 'audiences:\n  - '],
      ]);
      assert.deepEqual(
        items.map((item) => item.insertTextMode),
        [undefined, undefined, InsertTextMode.asIs, InsertTextMode.asIs, InsertTextMode.asIs, InsertTextMode.asIs],
      );
      assert.deepEqual(items[2].documentation, {
        kind: 'markdown',
        value: "The planning period that applies to the goals of this file. A file without one uses the workspace's period when exactly one file declares it.",
      });
    });

    it('offers a goal the keys it lacks on an empty indented line inside it, with their descriptions', async () => {
      const { items, cursor } = await complete(`${KPIS}goals:
  - id: ig-traffic
    title: Increase website sessions from Instagram by 20%
    <|>
    department: marketing
    targets:
      - { kpi: sessions, baseline: 1000, target: 1200 }
`);
      assert.deepEqual(
        summary(items, at(cursor)).map(([label, kind, , newText]) => [label, kind, newText]),
        GOAL_KEYS.filter((key) => !['id', 'title', 'department', 'targets'].includes(key)).map((key) => [key, CompletionItemKind.Property, `${key}: `]),
      );
      assert.deepEqual(items.find((item) => item.label === 'deadline')?.documentation, {
        kind: 'markdown',
        value: 'When the goal is due (YYYY-MM-DD): what makes it time-bound.',
      });
      // Schema order, not the alphabet.
      assert.deepEqual(
        items.map((item) => item.sortText),
        ['02', '04', '05', '06', '07', '08', '09', '11', '12', '13', '14'],
      );
    });

    it('replaces the partial word, and works while the rest of the file is broken', async () => {
      const { items, cursor } = await complete(`${KPIS}goals:
  - id: ig-traffic
    title: "Increase website sessions
    dead<|>
  - id: [unclosed
`);
      assert.deepEqual(
        summary(items, at(cursor, 4)).map(([label]) => label),
        GOAL_KEYS.filter((key) => !['id', 'title'].includes(key)),
      );
    });

    it('offers every goal key on the dash line of a new goal, and target keys in a new block target', async () => {
      const newGoal = await complete(`${KPIS}goals:\n${IG_TRAFFIC}  - <|>\n`);
      assert.deepEqual(
        summary(newGoal.items, at(newGoal.cursor)).map(([label]) => label),
        GOAL_KEYS,
      );
      assert.equal((newGoal.items.find((item) => item.label === 'targets')?.textEdit as TextEdit).newText, 'targets:\n      - ');

      const target = await complete(`${KPIS}goals:
  - id: ig-traffic
    title: Increase website sessions from Instagram by 20%
    targets:
      - kpi: sessions
        baseline: 1000
        <|>
      - kpi: leads
`);
      assert.deepEqual(
        summary(target.items, at(target.cursor)).map(([label, kind, , newText]) => [label, kind, newText]),
        [
          ['target', CompletionItemKind.Property, 'target: '],
          ['current', CompletionItemKind.Property, 'current: '],
          ['direction', CompletionItemKind.Property, 'direction: '],
          ['description', CompletionItemKind.Property, 'description: '],
        ],
      );
    });

    it('offers the period keys not yet present', async () => {
      const { items, cursor } = await complete(`goalpost: 1\nperiod:\n  start: 2027-01-01\n  e<|>\n`);
      assert.deepEqual(summary(items, at(cursor, 1)), [['end', CompletionItemKind.Property, undefined, 'end: ']]);
      assert.deepEqual(items[0].documentation, { kind: 'markdown', value: 'Last day of the planning period (YYYY-MM-DD).' });
    });

    it('completes a key before an existing colon without adding another', async () => {
      const { items, cursor } = await complete(`${KPIS}goals:\n${IG_TRAFFIC}    fun<|>ne: awareness\n`);
      const funnel = items.find((item) => item.label === 'funnel');
      assert.deepEqual(funnel?.textEdit, { range: at(cursor, 3, 2), newText: 'funnel' });
    });

    it('offers nothing in a comment, in a free-text value or inside a block scalar', async () => {
      assert.deepEqual((await complete(`${KPIS}goals:\n${IG_TRAFFIC}    # dead<|>\n`)).items, []);
      assert.deepEqual((await complete(`${KPIS}goals:\n${IG_TRAFFIC}    description: Reach <|>\n`)).items, []);
      assert.deepEqual((await complete(`${KPIS}goals:\n${IG_TRAFFIC}    description: |\n      Our plan.\n      <|>\n`)).items, []);
    });
  });

  describe('enum and known values', () => {
    it('offers the funnel stages after `funnel: `', async () => {
      const { items, cursor } = await complete(`${KPIS}goals:\n${IG_TRAFFIC}    funnel: <|>\n`);
      assert.deepEqual(summary(items, at(cursor)), [
        ['awareness', CompletionItemKind.EnumMember, undefined, 'awareness'],
        ['engagement', CompletionItemKind.EnumMember, undefined, 'engagement'],
        ['conversion', CompletionItemKind.EnumMember, undefined, 'conversion'],
        ['retention', CompletionItemKind.EnumMember, undefined, 'retention'],
      ]);
    });

    it('offers review cadences right after the colon, adding the space', async () => {
      const { items, cursor } = await complete(`${KPIS}goals:\n${IG_TRAFFIC}    review:<|>\n`);
      assert.deepEqual(summary(items, at(cursor)), [
        ['weekly', CompletionItemKind.EnumMember, undefined, ' weekly'],
        ['monthly', CompletionItemKind.EnumMember, undefined, ' monthly'],
        ['quarterly', CompletionItemKind.EnumMember, undefined, ' quarterly'],
        ['yearly', CompletionItemKind.EnumMember, undefined, ' yearly'],
      ]);
    });

    it('offers directions inside a flow target, replacing the partial word', async () => {
      const { items, cursor } = await complete(`${KPIS}goals:
  - id: ig-traffic
    title: Increase website sessions from Instagram by 20%
    targets:
      - { kpi: sessions, target: 1200, direction: inc<|> }
`);
      assert.deepEqual(summary(items, at(cursor, 3)), [
        ['increase', CompletionItemKind.EnumMember, undefined, 'increase'],
        ['decrease', CompletionItemKind.EnumMember, undefined, 'decrease'],
      ]);
    });

    it('offers the known platforms after `platform: `, replacing the whole word under the cursor', async () => {
      const { items, cursor } = await complete(`${KPIS}goals:\n${IG_TRAFFIC}    platform: ins<|>ta\n`);
      const platforms = [
        'instagram',
        'facebook',
        'linkedin',
        'x',
        'tiktok',
        'youtube',
        'pinterest',
        'threads',
        'snapchat',
        'reddit',
        'bluesky',
        'mastodon',
        'whatsapp',
      ];
      assert.deepEqual(
        summary(items, at(cursor, 3, 2)),
        platforms.map((platform) => [platform, CompletionItemKind.Value, undefined, platform]),
      );
    });
  });

  describe('references', () => {
    it('offers objectives with their titles in a flow `supports` list, without those already listed', async () => {
      const both = await complete(`${KPIS}goals:
  - id: ig-traffic
    title: Increase website sessions from Instagram by 20%
    supports: [<|>]
`);
      assert.deepEqual(summary(both.items, at(both.cursor)), [
        ['grow-online-revenue', CompletionItemKind.Reference, 'Grow online revenue by 15%', 'grow-online-revenue'],
        ['retain-customers', CompletionItemKind.Reference, 'Keep yearly churn under 5%', 'retain-customers'],
      ]);
      const rest = await complete(`${KPIS}goals:
  - id: ig-traffic
    title: Increase website sessions from Instagram by 20%
    supports: [grow-online-revenue, re<|>]
`);
      assert.deepEqual(summary(rest.items, at(rest.cursor, 2)), [
        ['retain-customers', CompletionItemKind.Reference, 'Keep yearly churn under 5%', 'retain-customers'],
      ]);
    });

    it('offers objectives in a block `supports` list under the key, without those already listed', async () => {
      const { items, cursor } = await complete(`${KPIS}goals:
  - id: ig-traffic
    title: Increase website sessions from Instagram by 20%
    supports:
      - <|>
      - retain-customers
    deadline: 2027-12-31
`);
      assert.deepEqual(summary(items, at(cursor)), [
        ['grow-online-revenue', CompletionItemKind.Reference, 'Grow online revenue by 15%', 'grow-online-revenue'],
      ]);
    });

    it('wraps ids in a flow list when a list key has no value yet', async () => {
      const { items, cursor } = await complete(`${KPIS}goals:\n${IG_TRAFFIC}  - id: li-leads\n    supports: <|>\n`);
      assert.deepEqual(
        summary(items, at(cursor)).map(([label, , , newText]) => [label, newText]),
        [
          ['grow-online-revenue', '[grow-online-revenue]'],
          ['retain-customers', '[retain-customers]'],
        ],
      );
      assert.deepEqual(
        items.map((item) => item.filterText),
        ['grow-online-revenue', 'retain-customers'],
      );
    });

    it('offers KPIs with their names for the `kpi` of a target', async () => {
      const { items, cursor } = await complete(`${KPIS}goals:
  - id: ig-traffic
    title: Increase website sessions from Instagram by 20%
    targets:
      - { kpi: se<|>, target: 1200 }
`);
      assert.deepEqual(summary(items, at(cursor, 2)), [
        ['leads', CompletionItemKind.Reference, 'Qualified leads', 'leads'],
        ['sessions', CompletionItemKind.Reference, 'Website sessions', 'sessions'],
      ]);
    });

    it('offers departments for `department`, `owner` and `owners`', async () => {
      const departments: [string, CompletionItemKind, string, string][] = [
        ['marketing', CompletionItemKind.Reference, 'Marketing', 'marketing'],
        ['sales', CompletionItemKind.Reference, 'Sales', 'sales'],
      ];
      const department = await complete(`${KPIS}goals:\n${IG_TRAFFIC}  - id: li-leads\n    department: <|>\n`);
      assert.deepEqual(summary(department.items, at(department.cursor)), departments);
      const owner = await complete(`${KPIS}objectives:\n  - id: win-b2b\n    title: Win B2B accounts\n    owner: <|>\n`);
      assert.deepEqual(summary(owner.items, at(owner.cursor)), departments);
      const owners = await complete(`goalpost: 1
kpis:
  - { id: sessions, name: Website sessions, metric: sessions, owners: [marketing, <|>] }
`);
      assert.deepEqual(summary(owners.items, at(owners.cursor)), [departments[1]]);
    });

    it('offers audiences with their names for `audience`, keeping the quote', async () => {
      const { items, cursor } = await complete(`${KPIS}goals:\n${IG_TRAFFIC}    audience: "yo<|>"\n`);
      assert.deepEqual(summary(items, at(cursor, 2)), [['young-adults', CompletionItemKind.Reference, 'Young adults', 'young-adults']]);
    });

    it('offers other goals for `parent`, never the goal itself', async () => {
      const block = await complete(`${KPIS}goals:
${IG_TRAFFIC}  - id: li-leads
    title: Generate 300 qualified leads from LinkedIn
    parent: <|>
`);
      assert.deepEqual(summary(block.items, at(block.cursor)), [
        ['ig-traffic', CompletionItemKind.Reference, 'Increase website sessions from Instagram by 20%', 'ig-traffic'],
      ]);
      const flow = await complete(`${KPIS}goals:
${IG_TRAFFIC}  - { id: li-leads, title: Generate 300 qualified leads from LinkedIn, parent: <|> }
`);
      assert.deepEqual(
        summary(flow.items, at(flow.cursor)).map(([label]) => label),
        ['ig-traffic'],
      );
    });
  });
});
