import * as assert from 'node:assert/strict';
import { type Location, type Position } from 'vscode-languageserver-protocol/node';
import { Editor } from '../helpers/editor';
import { cursorOn, rangeOf } from '../helpers/textRanges';
import { COMPANY } from '../helpers/featureWorkspace';

const MARKETING = `goalpost: 1
kpis:
  - { id: sessions, name: Website sessions, metric: sessions, supports: [grow-online-revenue] }
goals:
  - id: ig-traffic
    title: Increase website sessions from Instagram by 20%
    department: marketing
    supports: ["grow-online-revenue"]
    start: 2027-01-01
    deadline: 2027-12-31
    targets:
      - { kpi: sessions, baseline: 1000, target: 1200, current: 1100 }
  - id: ig-follow-up
    title: Keep Instagram sessions up in the second half
    department: marketing
    supports:
      - grow-online-revenue
    parent: ig-trafic
`;

describe('definition and references', function () {
  let editor: Editor;
  let company: string;
  let marketing: string;

  beforeEach(() => {
    editor = new Editor({ 'company.goals.yaml': COMPANY, 'marketing.goals.yaml': MARKETING });
    company = editor.uri('company.goals.yaml');
    marketing = editor.uri('marketing.goals.yaml');
    editor.open(marketing, MARKETING);
  });

  const definitionAt = (uri: string, position: Position) => editor.definition({ textDocument: { uri }, position });
  const referencesAt = (uri: string, position: Position, includeDeclaration: boolean) =>
    editor.references({ textDocument: { uri }, position, context: { includeDeclaration } });

  const objectiveId: () => Location = () => ({ uri: company, range: rangeOf(COMPANY, 'grow-online-revenue') });
  const marketingId: () => Location = () => ({ uri: company, range: rangeOf(COMPANY, 'marketing', 1) });

  it('goes from a reference in a flow list, in quotes or in a block list to the id in another (unopened) file', async () => {
    assert.deepEqual(await definitionAt(marketing, cursorOn(MARKETING, 'grow-online-revenue', 0)), [objectiveId()]);
    assert.deepEqual(await definitionAt(marketing, cursorOn(MARKETING, 'grow-online-revenue', 1)), [objectiveId()]);
    assert.deepEqual(await definitionAt(marketing, cursorOn(MARKETING, 'grow-online-revenue', 2, 0)), [objectiveId()], 'at the first character');
    assert.deepEqual(
      await definitionAt(marketing, cursorOn(MARKETING, 'grow-online-revenue', 2, 'grow-online-revenue'.length)),
      [objectiveId()],
      'just after the last',
    );
  });

  it('goes from a department, a KPI and a parent reference to their ids, and from an id to itself', async () => {
    assert.deepEqual(await definitionAt(marketing, cursorOn(MARKETING, 'department: marketing', 0, 15)), [marketingId()]);
    assert.deepEqual(await definitionAt(marketing, cursorOn(MARKETING, 'kpi: sessions', 0, 7)), [{ uri: marketing, range: rangeOf(MARKETING, 'sessions') }]);
    assert.deepEqual(await definitionAt(marketing, cursorOn(MARKETING, 'id: ig-traffic', 0, 6)), [{ uri: marketing, range: rangeOf(MARKETING, 'ig-traffic') }]);
    editor.open(company, COMPANY);
    assert.deepEqual(await definitionAt(company, cursorOn(COMPANY, 'owner: marketing', 0, 9)), [marketingId()]);
  });

  it('answers every definition of a duplicated id, across files', async () => {
    const extra = editor.uri('extra.goals.yaml');
    const EXTRA = 'goalpost: 1\ndepartments:\n  - id: marketing\n    name: Marketing again\n';
    editor.open(extra, EXTRA);
    assert.deepEqual(await definitionAt(marketing, cursorOn(MARKETING, 'department: marketing', 0, 15)), [
      marketingId(),
      { uri: extra, range: rangeOf(EXTRA, 'marketing') },
    ]);
  });

  it('answers nothing on keys, other values, blank lines and unknown references', async () => {
    assert.equal(await definitionAt(marketing, cursorOn(MARKETING, 'supports: [', 0, 2)), null, 'a key');
    assert.equal(await definitionAt(marketing, cursorOn(MARKETING, 'Website sessions')), null, 'a name');
    assert.equal(await definitionAt(marketing, cursorOn(MARKETING, '2027-12-31')), null, 'a date');
    assert.equal(await definitionAt(marketing, { line: 400, character: 0 }), null, 'past the end');
    assert.equal(await definitionAt(marketing, cursorOn(MARKETING, 'ig-trafic\n')), null, 'a reference to no item');
    assert.deepEqual(await referencesAt(marketing, cursorOn(MARKETING, 'title'), true), []);
  });

  it('finds every reference across files, with the definition first when asked', async () => {
    const usesOfObjective: Location[] = [
      { uri: marketing, range: rangeOf(MARKETING, 'grow-online-revenue', 0) },
      { uri: marketing, range: rangeOf(MARKETING, '"grow-online-revenue"') },
      { uri: marketing, range: rangeOf(MARKETING, 'grow-online-revenue', 2) },
    ];
    editor.open(company, COMPANY);
    assert.deepEqual(await referencesAt(company, cursorOn(COMPANY, 'grow-online-revenue'), false), usesOfObjective, 'from the id');
    assert.deepEqual(
      await referencesAt(marketing, cursorOn(MARKETING, 'grow-online-revenue', 1), true),
      [objectiveId(), ...usesOfObjective],
      'from a reference',
    );
    assert.deepEqual(await referencesAt(marketing, cursorOn(MARKETING, 'department: marketing', 1, 15), false), [
      { uri: company, range: rangeOf(COMPANY, 'marketing', 0) },
      { uri: marketing, range: rangeOf(MARKETING, 'marketing', 0) },
      { uri: marketing, range: rangeOf(MARKETING, 'marketing', 1) },
    ]);
  });

  it('follows edits: a reference renamed in the editor points at nothing, then at the new id', async () => {
    const edited = MARKETING.replace('[grow-online-revenue]', '[sessions]');
    editor.change(marketing, [{ text: edited }]);
    assert.deepEqual(await definitionAt(marketing, cursorOn(edited, '[sessions]', 0, 3)), [{ uri: marketing, range: rangeOf(edited, 'sessions') }]);
    assert.deepEqual(await referencesAt(company, cursorOn(COMPANY, 'grow-online-revenue'), false), [
      { uri: marketing, range: rangeOf(edited, '"grow-online-revenue"') },
      { uri: marketing, range: rangeOf(edited, 'grow-online-revenue', 1) },
    ]);
  });
});
