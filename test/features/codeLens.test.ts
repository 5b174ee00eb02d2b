/** Code lenses, in-process: each goal's standing over its id line. */
import * as assert from 'node:assert/strict';
import type { CodeLens, Range } from 'vscode-languageserver-protocol/node';
import { ServerCommand } from '../../server/src/protocol';
import { Editor } from '../helpers/editor';
import { COMPANY, MARKETING } from '../helpers/lensWorkspace';

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
