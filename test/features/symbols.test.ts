import * as assert from 'node:assert/strict';
import { SymbolKind, type DocumentSymbol, type WorkspaceSymbol } from 'vscode-languageserver-protocol/node';
import { Editor } from '../helpers/editor';
import { rangeFromTo, rangeOf, rangeWithin } from '../helpers/textRanges';
import { COMPANY } from '../helpers/featureWorkspace';

const MARKETING = `goalpost: 1
goals:
  - id: ig-traffic
    title: Increase website sessions from Instagram by 20%
    department: marketing
    supports: [grow-online-revenue]
    targets:
      - { kpi: sessions, baseline: 1000, target: 1200, current: 1100 }
      - kpi: signups
        target: 50
  - title: A goal without an id
kpis:
  - { id: sessions, name: Website sessions, metric: sessions, supports: [grow-online-revenue] }
audiences:
  - id: young-adults
    name: Adults aged 18 to 24
    platforms: [instagram]
`;

describe('document and workspace symbols', function () {
  let editor: Editor;
  let company: string;
  let marketing: string;

  beforeEach(() => {
    editor = new Editor({ 'company.goals.yaml': COMPANY, 'marketing.goals.yaml': MARKETING });
    company = editor.uri('company.goals.yaml');
    marketing = editor.uri('marketing.goals.yaml');
  });

  const documentSymbols = (uri: string) => editor.documentSymbols({ textDocument: { uri } }) as Promise<DocumentSymbol[]>;
  const workspaceSymbols = (query: string) => editor.workspaceSymbols({ query }) as Promise<WorkspaceSymbol[]>;

  it('outlines a file as sections of items, in text order, with titles as details and a goal’s targets as children', async () => {
    editor.open(marketing, MARKETING);
    const expected: DocumentSymbol[] = [
      {
        name: 'goals',
        kind: SymbolKind.Namespace,
        range: rangeFromTo(MARKETING, 'goals:', 'A goal without an id'),
        selectionRange: rangeOf(MARKETING, 'goals'),
        children: [
          {
            name: 'ig-traffic',
            detail: 'Increase website sessions from Instagram by 20%',
            kind: SymbolKind.Event,
            range: rangeFromTo(MARKETING, 'id: ig-traffic', 'target: 50'),
            selectionRange: rangeOf(MARKETING, 'ig-traffic'),
            children: [
              {
                name: 'sessions',
                detail: '1000 → 1200, now 1100',
                kind: SymbolKind.Field,
                range: rangeOf(MARKETING, '{ kpi: sessions, baseline: 1000, target: 1200, current: 1100 }'),
                selectionRange: rangeWithin(MARKETING, 'kpi: sessions', 'sessions'),
              },
              {
                name: 'signups',
                detail: '→ 50',
                kind: SymbolKind.Field,
                range: rangeFromTo(MARKETING, 'kpi: signups', 'target: 50'),
                selectionRange: rangeOf(MARKETING, 'signups'),
              },
            ],
          },
          {
            name: 'goal 2',
            detail: 'A goal without an id',
            kind: SymbolKind.Event,
            range: rangeOf(MARKETING, 'title: A goal without an id'),
            selectionRange: rangeOf(MARKETING, 'title', 1),
            children: [],
          },
        ],
      },
      {
        name: 'kpis',
        kind: SymbolKind.Namespace,
        range: rangeFromTo(MARKETING, 'kpis:', '[grow-online-revenue] }'),
        selectionRange: rangeOf(MARKETING, 'kpis'),
        children: [
          {
            name: 'sessions',
            detail: 'Website sessions',
            kind: SymbolKind.Property,
            range: rangeOf(MARKETING, '{ id: sessions, name: Website sessions, metric: sessions, supports: [grow-online-revenue] }'),
            selectionRange: rangeWithin(MARKETING, 'id: sessions', 'sessions'),
          },
        ],
      },
      {
        name: 'audiences',
        kind: SymbolKind.Namespace,
        range: rangeFromTo(MARKETING, 'audiences:', '[instagram]'),
        selectionRange: rangeOf(MARKETING, 'audiences'),
        children: [
          {
            name: 'young-adults',
            detail: 'Adults aged 18 to 24',
            kind: SymbolKind.Interface,
            range: rangeFromTo(MARKETING, 'id: young-adults', '[instagram]'),
            selectionRange: rangeOf(MARKETING, 'young-adults'),
          },
        ],
      },
    ];
    assert.deepEqual(await documentSymbols(marketing), expected);
  });

  it('gives objectives and departments their own kinds, and follows edits', async () => {
    editor.open(company, COMPANY);
    const before = await documentSymbols(company);
    assert.deepEqual(
      before.map((section) => [section.name, section.children?.map((item) => [item.name, item.kind, item.detail])]),
      [
        ['objectives', [['grow-online-revenue', SymbolKind.Class, 'Grow online revenue by 15%']]],
        ['departments', [['marketing', SymbolKind.Module, 'Marketing']]],
      ],
    );
    const edited = COMPANY.replace('{ id: marketing, name: Marketing }', '{ id: growth, name: Growth team }');
    editor.change(company, [{ text: edited }]);
    const after = await documentSymbols(company);
    assert.deepEqual(after[1].children?.[0], {
      name: 'growth',
      detail: 'Growth team',
      kind: SymbolKind.Module,
      range: rangeOf(edited, '{ id: growth, name: Growth team }'),
      selectionRange: rangeOf(edited, 'growth'),
    });
  });

  it('outlines nothing for a file that is not a mapping of sections', async () => {
    const odd = editor.uri('odd.goals.yaml');
    editor.open(odd, '- just\n- a list\n');
    assert.deepEqual(await documentSymbols(odd), []);
    editor.change(odd, [{ text: 'goals: [1, 2, {title: x' }]);
    assert.ok(Array.isArray(await documentSymbols(odd)), 'broken YAML still answers');
  });

  it('finds items of every file by a case-insensitive subsequence of their id or title', async () => {
    const names = async (query: string) => (await workspaceSymbols(query)).map((symbol) => symbol.name);
    assert.deepEqual(await names('gor'), ['grow-online-revenue'], 'a subsequence of the id');
    assert.deepEqual(await names('INSTAGRAM'), ['ig-traffic'], 'a word of the title, in any case');
    assert.deepEqual(await names('aged 18'), ['young-adults'], 'spaces in the query are ignored');
    assert.deepEqual(await names('sess'), ['ig-traffic', 'sessions'], 'by title and by id');
    assert.deepEqual(await names('zz'), []);
    assert.deepEqual(
      await names(''),
      ['grow-online-revenue', 'marketing', 'ig-traffic', 'goal 2', 'sessions', 'young-adults'],
      'everything, in file then text order',
    );
  });

  it('locates each workspace symbol at its id, with its kind and title', async () => {
    assert.deepEqual(await workspaceSymbols('grow'), [
      {
        name: 'grow-online-revenue',
        kind: SymbolKind.Class,
        containerName: 'Grow online revenue by 15%',
        location: { uri: company, range: rangeOf(COMPANY, 'grow-online-revenue') },
      },
    ]);
    assert.deepEqual(await workspaceSymbols('without'), [
      { name: 'goal 2', kind: SymbolKind.Event, containerName: 'A goal without an id', location: { uri: marketing, range: rangeOf(MARKETING, 'title', 1) } },
    ]);
  });
});
