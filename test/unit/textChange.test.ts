/**
 * What the editor carries from one version of a text to the next (core/textChange.ts): the change found
 * by one comparison, composed over several versions, and what is kept up to date from it — the line
 * index (against indexing the new text) and the UTF-8 size (against `Buffer.byteLength`). Property-based,
 * over texts of every line break and of surrogate pairs, cut and joined anywhere.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { bytesAfter } from '../../server/src/core/fileSize';
import { LineIndex } from '../../server/src/core/locate';
import { composeChanges, textChange, type TextChange } from '../../server/src/core/textChange';
import { runs } from '../helpers/randomEdits';

/** Texts made of the pieces where line breaks and surrogate pairs can be cut. */
const PIECES = ['a', 'b', ' ', '\n', '\r', '\r\n', '😀', '😁', '\ud83d', '\ude00', 'é', '€'];
const textArbitrary = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((pieces) => pieces.join(''));
/** An edit: replace `length` units at a fraction of the text with some pieces. */
const editArbitrary = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.nat({ max: 6 }),
  text: textArbitrary.map((text) => text.slice(0, 8)),
});

function applied(text: string, edit: { at: number; length: number; text: string }): string {
  const start = Math.min(text.length, Math.floor(edit.at * text.length));
  return text.slice(0, start) + edit.text + text.slice(start + edit.length);
}

/** The versions of a text under a sequence of edits, and the change from the first to the last, composed. */
function edits(start: string, list: { at: number; length: number; text: string }[]): { text: string; change: TextChange | undefined }[] {
  const versions: { text: string; change: TextChange | undefined }[] = [{ text: start, change: undefined }];
  let change: TextChange | undefined;
  let text = start;
  for (const edit of list) {
    const next = applied(text, edit);
    const step = textChange(text, next);
    change = change ? composeChanges(change, step) : step;
    text = next;
    versions.push({ text, change });
  }
  return versions;
}

/** Every line start of an index, read through its public face. */
function lineStarts(index: LineIndex): number[] {
  return Array.from({ length: index.lineCount }, (_, line) => index.offset({ line, character: 0 }));
}

describe('the change between two versions of a text', () => {
  it('is a start and an end both share, never overlapping, never cutting a surrogate pair; composed, still shared', () => {
    fc.assert(
      fc.property(textArbitrary, fc.array(editArbitrary, { minLength: 1, maxLength: 4 }), (start, list) => {
        for (const { text, change } of edits(start, list).slice(1)) {
          if (!change) continue;
          assert.ok(change.prefix + change.suffix <= Math.min(start.length, text.length), 'no overlap');
          assert.equal(text.slice(0, change.prefix), start.slice(0, change.prefix), 'shared start');
          assert.equal(text.slice(text.length - change.suffix), start.slice(start.length - change.suffix), 'shared end');
        }
        const [first, second] = [start, applied(start, list[0])];
        const { prefix, suffix } = textChange(first, second);
        const pairAt = (text: string, at: number) => /[\ud800-\udbff]/.test(text.charAt(at - 1)) && /[\udc00-\udfff]/.test(text.charAt(at));
        assert.ok(!pairAt(second, prefix) && !pairAt(second, second.length - suffix), 'no pair cut');
      }),
      { numRuns: runs(500) },
    );
  });

  it('is the longest shared start and end, when no surrogate pair is in the way', () => {
    assert.deepEqual(textChange('goals:\n  - id: a\n', 'goals:\n  - id: ab\n'), { prefix: 16, suffix: 1 });
    assert.deepEqual(textChange('abc', 'abc'), { prefix: 3, suffix: 0 });
    assert.deepEqual(textChange('x😀y', 'x😁y'), { prefix: 1, suffix: 1 }, 'the shared high surrogate is not kept apart from its low one');
  });
});

describe('the line index of an edited text', () => {
  it('equals indexing the new text, after one edit or several composed', () => {
    fc.assert(
      fc.property(textArbitrary, fc.array(editArbitrary, { minLength: 1, maxLength: 4 }), (start, list) => {
        const index = new LineIndex(start);
        let stepwise = index;
        let previous = start;
        for (const { text, change } of edits(start, list).slice(1)) {
          stepwise = stepwise.edited(text, textChange(previous, text));
          previous = text;
          const whole = lineStarts(new LineIndex(text));
          assert.deepEqual(lineStarts(stepwise), whole, 'edit by edit');
          assert.deepEqual(lineStarts(index.edited(text, change as TextChange)), whole, 'from the first version, composed');
        }
      }),
      { numRuns: runs(1000) },
    );
  });
});

describe('the UTF-8 size of an edited text', () => {
  it('equals Buffer.byteLength, lone surrogates and pairs cut by the edit included', () => {
    fc.assert(
      fc.property(textArbitrary, fc.array(editArbitrary, { minLength: 1, maxLength: 4 }), (start, list) => {
        let bytes = Buffer.byteLength(start, 'utf8');
        let previous = start;
        for (const { text } of edits(start, list).slice(1)) {
          bytes = bytesAfter(previous, bytes, text, textChange(previous, text));
          previous = text;
          assert.equal(bytes, Buffer.byteLength(text, 'utf8'));
        }
      }),
      { numRuns: runs(1000) },
    );
  });
});
