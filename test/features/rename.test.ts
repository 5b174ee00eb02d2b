import * as assert from 'node:assert/strict';
import { ErrorCodes, LSPErrorCodes, ResponseError, type Position, type WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import { applyWorkspaceEdit } from '../helpers/applyEdits';
import { Editor } from '../helpers/editor';
import { cursorOn, rangeOf, rangeWithin } from '../helpers/textRanges';
import { COMPANY } from '../helpers/featureWorkspace';

/** Unopened during the tests: its text comes from disk. A flow list, a double-quoted reference and a block list. */
const MARKETING = `goalpost: 1
kpis:
  - { id: sessions, name: Website sessions, metric: sessions, supports: [grow-online-revenue, "grow-online-revenue"] }
goals:
  - id: ig-traffic
    title: Increase website sessions from Instagram by 20%
    department: marketing
    supports:
      - grow-online-revenue # the main one
    start: 2027-01-01
    deadline: 2027-12-31
    targets:
      - { kpi: sessions, baseline: 1000, target: 1200, current: 1100 }
`;

/** Open during the tests: single quotes in a flow list. */
const BRAND = `goalpost: 1
goals:
  - id: brand-awareness
    title: Grow brand searches by 10% by June 30
    department: marketing
    supports: ['grow-online-revenue']
    start: 2027-01-01
    deadline: 2027-06-30
    targets:
      - { kpi: sessions, baseline: 500, target: 550 }
`;

describe('rename', function () {
  let editor: Editor;
  let uris: { company: string; marketing: string; brand: string };

  beforeEach(() => {
    editor = new Editor({ 'company.goals.yaml': COMPANY, 'marketing.goals.yaml': MARKETING, 'brand.goals.yaml': BRAND });
    uris = {
      company: editor.uri('company.goals.yaml'),
      marketing: editor.uri('marketing.goals.yaml'),
      brand: editor.uri('brand.goals.yaml'),
    };
    editor.open(uris.company, COMPANY);
    editor.open(uris.brand, BRAND);
  });

  const prepare = (uri: string, position: Position) => editor.prepareRename({ textDocument: { uri }, position });
  const rename = (uri: string, position: Position, newName: string) => editor.rename({ textDocument: { uri }, position, newName });

  /** Asserts that a request fails with a ResponseError of `code` whose message matches `message`. */
  async function refuses(request: Promise<unknown>, code: number, message: RegExp): Promise<void> {
    await assert.rejects(request, (error: unknown) => {
      assert.ok(error instanceof ResponseError, `a ResponseError, not ${String(error)}`);
      assert.equal(error.code, code);
      assert.match(error.message, message);
      return true;
    });
  }

  it('renames an id and its references across open and unopened files, keeping each scalar’s quotes', async () => {
    const edit = (await rename(uris.company, cursorOn(COMPANY, 'grow-online-revenue'), 'grow-revenue')) as WorkspaceEdit;
    assert.deepEqual(edit, {
      changes: {
        [uris.company]: [{ range: rangeOf(COMPANY, 'grow-online-revenue'), newText: 'grow-revenue' }],
        [uris.brand]: [{ range: rangeOf(BRAND, "'grow-online-revenue'"), newText: "'grow-revenue'" }],
        [uris.marketing]: [
          { range: rangeOf(MARKETING, 'grow-online-revenue', 0), newText: 'grow-revenue' },
          { range: rangeOf(MARKETING, '"grow-online-revenue"'), newText: '"grow-revenue"' },
          { range: rangeOf(MARKETING, 'grow-online-revenue', 2), newText: 'grow-revenue' },
        ],
      },
    });
    const texts = applyWorkspaceEdit(
      new Map([
        [uris.company, COMPANY],
        [uris.marketing, MARKETING],
        [uris.brand, BRAND],
      ]),
      edit,
    );
    assert.match(texts.get(uris.marketing) ?? '', /supports: \[grow-revenue, "grow-revenue"\] \}\n/);
    assert.match(texts.get(uris.marketing) ?? '', /\n {6}- grow-revenue # the main one\n/);
    assert.match(texts.get(uris.brand) ?? '', /supports: \['grow-revenue'\]\n/);

    // The open documents change first: the unopened file's references are then broken, which shows that the
    // server really checks the new texts.
    editor.change(uris.company, [{ text: texts.get(uris.company) ?? '' }]);
    editor.change(uris.brand, [{ text: texts.get(uris.brand) ?? '' }]);
    const broken = editor.diagnostics(uris.marketing);
    assert.deepEqual(
      broken.filter((d) => d.code === 'unknown-reference').map((d) => d.range),
      [rangeOf(MARKETING, 'grow-online-revenue', 0), rangeOf(MARKETING, '"grow-online-revenue"'), rangeOf(MARKETING, 'grow-online-revenue', 2)],
    );

    // Then the unopened file is written, as an editor applying a workspace edit would, and the watcher reports it.
    editor.write('marketing.goals.yaml', texts.get(uris.marketing) ?? '');
    for (const uri of Object.values(uris)) {
      assert.deepEqual(
        editor.diagnostics(uri).filter((d) => d.code === 'unknown-reference'),
        [],
        `no unknown reference in ${uri}`,
      );
    }
  });

  it('gives the same edit from a reference as from the id, including references in the same file', async () => {
    const fromId = await rename(uris.company, cursorOn(COMPANY, '{ id: marketing', 0, 8), 'growth-team');
    const fromReference = await rename(uris.brand, cursorOn(BRAND, 'department: marketing', 0, 14), 'growth-team');
    assert.deepEqual(fromReference, fromId);
    assert.deepEqual(fromId, {
      changes: {
        [uris.company]: [
          { range: rangeOf(COMPANY, 'marketing', 1), newText: 'growth-team' },
          { range: rangeOf(COMPANY, 'marketing', 0), newText: 'growth-team' },
        ],
        [uris.brand]: [{ range: rangeOf(BRAND, 'marketing'), newText: 'growth-team' }],
        [uris.marketing]: [{ range: rangeOf(MARKETING, 'marketing'), newText: 'growth-team' }],
      },
    });
  });

  it('quotes a new name that YAML would otherwise read as a number', async () => {
    const edit = (await rename(uris.brand, cursorOn(BRAND, 'kpi: sessions', 0, 6), '2028.10')) as WorkspaceEdit;
    assert.deepEqual(edit.changes?.[uris.marketing], [
      { range: rangeWithin(MARKETING, 'id: sessions', 'sessions'), newText: '"2028.10"' },
      { range: rangeWithin(MARKETING, 'kpi: sessions', 'sessions'), newText: '"2028.10"' },
    ]);
    assert.deepEqual(edit.changes?.[uris.brand], [{ range: rangeWithin(BRAND, 'kpi: sessions', 'sessions'), newText: '"2028.10"' }]);
  });

  it('prepares the rename of an id or a reference with its whole scalar and the id as placeholder', async () => {
    assert.deepEqual(await prepare(uris.company, cursorOn(COMPANY, 'grow-online-revenue')), {
      range: rangeOf(COMPANY, 'grow-online-revenue'),
      placeholder: 'grow-online-revenue',
    });
    assert.deepEqual(await prepare(uris.brand, cursorOn(BRAND, "'grow-online-revenue'")), {
      range: rangeOf(BRAND, "'grow-online-revenue'"),
      placeholder: 'grow-online-revenue',
    });
  });

  it('refuses to prepare a rename on a key, a title or past the end, saying why', async () => {
    await refuses(prepare(uris.company, cursorOn(COMPANY, 'title')), LSPErrorCodes.RequestFailed, /^`title` is a key, not an id\. Only ids can be renamed/);
    await refuses(
      prepare(uris.company, cursorOn(COMPANY, 'Grow online revenue')),
      LSPErrorCodes.RequestFailed,
      /^The value of `title` is not an id\. Only ids can be renamed/,
    );
    await refuses(prepare(uris.company, cursorOn(COMPANY, 'owner')), LSPErrorCodes.RequestFailed, /^`owner` is a key, not an id\./);
    await refuses(prepare(uris.company, { line: 99, character: 0 }), LSPErrorCodes.RequestFailed, /^There is no id here\./);
  });

  it('refuses a new name that is not an id or that another item already uses', async () => {
    await refuses(
      rename(uris.company, cursorOn(COMPANY, 'grow-online-revenue'), 'grow revenue'),
      ErrorCodes.InvalidParams,
      /^`grow revenue` is not a valid id: an id starts with a letter or digit/,
    );
    await refuses(rename(uris.company, cursorOn(COMPANY, 'grow-online-revenue'), '-x'), ErrorCodes.InvalidParams, /^`-x` is not a valid id/);
    await refuses(
      rename(uris.company, cursorOn(COMPANY, 'grow-online-revenue'), 'ig-traffic'),
      LSPErrorCodes.RequestFailed,
      /^The id `ig-traffic` is already used by goal `ig-traffic` \(marketing\.goals\.yaml line 5\); ids must be unique across the workspace\.$/,
    );
    await refuses(rename(uris.company, cursorOn(COMPANY, 'title'), 'x'), LSPErrorCodes.RequestFailed, /is a key, not an id/);
    assert.deepEqual(
      await rename(uris.company, cursorOn(COMPANY, 'grow-online-revenue'), 'grow-online-revenue'),
      { changes: {} },
      'the same name changes nothing',
    );
  });

  it('refuses to rename an id that is also written through an alias, naming the place', async () => {
    const aliased = BRAND.replace("supports: ['grow-online-revenue']", 'supports: [*main]').replace(
      'title: Grow brand',
      'note: &main grow-online-revenue\n    title: Grow brand',
    );
    editor.change(uris.brand, [{ text: aliased }]);
    await refuses(
      prepare(uris.company, cursorOn(COMPANY, 'grow-online-revenue')),
      LSPErrorCodes.RequestFailed,
      /^`grow-online-revenue` cannot be renamed safely: at brand\.goals\.yaml line 7 it is not written out/,
    );
  });
});
