/**
 * The server's document store turns a client's incremental edits into what they changed
 * (server/src/editedDocuments.ts): for any edits, one or several per notification, the change it records
 * is a start and an end that the two versions share, and the project given it ends with the text, lines
 * and parse a fresh open would give. A whole-text replacement records nothing (the project compares).
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { generateGoalsFile } from '../../bench/generate';
import { LineIndex } from '../../server/src/core/locate';
import { parseYaml } from '../../server/src/core/yaml';
import { EditedDocuments } from '../../server/src/editedDocuments';
import { Project, type GoalFile } from '../../server/src/project';
import { runs } from '../helpers/randomEdits';

const START = generateGoalsFile(6);
const PIECES = ['', 'x', ' ', '\n', '\r\n', '😀', '  - id: new\n', '# c', ': '];

/** One LSP range edit at fractions of the current text. */
const rangeEdit = fc.record({
  from: fc.integer({ min: 0, max: 1000 }),
  length: fc.nat({ max: 8 }),
  text: fc.constantFrom(...PIECES),
});

describe('the document store records what each edit changed', () => {
  it('a shared start and end of the two versions, which the project uses to reach the fresh text, lines and parse', () => {
    fc.assert(
      fc.property(fc.array(fc.array(rangeEdit, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 5 }), (notifications) => {
        const store = new EditedDocuments();
        const uri = 'untitled:edited.goals.yaml';
        const document = TextDocument.create(uri, 'goals', 1, START);
        const project = new Project({ readFile: () => undefined, clockToday: () => '2027-05-15' });
        project.setText(uri, START, 1);
        project.parsed(project.file(uri) as GoalFile);
        project.lines(project.file(uri) as GoalFile);
        for (const [index, edits] of notifications.entries()) {
          const before = document.getText();
          const changes: TextDocumentContentChangeEvent[] = edits.map((edit) => {
            // Positions are taken on the text as the previous edits of the same notification left it.
            const length = document.getText().length;
            const start = Math.floor((edit.from / 1000) * length);
            const range = { start: document.positionAt(start), end: document.positionAt(Math.min(length, start + edit.length)) };
            TextDocument.update(document, [{ range, text: edit.text }], document.version);
            return { range, text: edit.text };
          });
          // Undo, then replay through the store as the server receives them.
          TextDocument.update(document, [{ text: before }], index + 1);
          store.update(document, changes, index + 2);
          const after = document.getText();
          const edit = store.editOf(document);
          assert.ok(edit, 'range edits are recorded');
          assert.equal(edit.from, index + 1);
          const { prefix, suffix } = edit.change;
          assert.ok(prefix + suffix <= Math.min(before.length, after.length));
          assert.equal(after.slice(0, prefix), before.slice(0, prefix));
          assert.equal(after.slice(after.length - suffix), before.slice(before.length - suffix));
          project.setText(uri, after, index + 2, edit);
          const file = project.file(uri) as GoalFile;
          assert.deepEqual(project.parsed(file).value, parseYaml(after).value);
          const lines = project.lines(file);
          const fresh = new LineIndex(after);
          assert.equal(lines.lineCount, fresh.lineCount);
          for (let line = 0; line < fresh.lineCount; line++) assert.equal(lines.offset({ line, character: 0 }), fresh.offset({ line, character: 0 }));
        }
      }),
      { numRuns: runs(150) },
    );
  });

  it('records nothing for a whole-text replacement, or for a version it did not make', () => {
    const store = new EditedDocuments();
    const document = TextDocument.create('untitled:a.goals.yaml', 'goals', 1, 'goals:\n');
    store.update(document, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# c\n' }], 2);
    assert.deepEqual(store.editOf(document), { from: 1, to: 2, change: { prefix: 0, suffix: 7 } });
    store.update(document, [{ text: 'kpis:\n' }], 3);
    assert.equal(store.editOf(document), undefined);
    const other = TextDocument.create('untitled:a.goals.yaml', 'goals', 9, 'goals:\n');
    assert.equal(store.editOf(other), undefined);
  });
});
