/** The preview's cursor → node lookup over the extents `goalpost/diagram` sends. */
import * as assert from 'node:assert/strict';
import { nodeAt } from '../../client/src/preview/cursor';
import type { DiagramExtent } from '../../server/src/protocol';

const extent = (key: string, startLine: number, startCharacter: number, endLine: number, endCharacter: number): DiagramExtent => ({
  key,
  range: { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } },
});

describe('the preview: which node the cursor is in', () => {
  const extents = [extent('goal:a', 2, 4, 8, 20), extent('goal:b', 9, 4, 14, 10)];

  it('finds the item holding the cursor, from its first character to its last', () => {
    assert.equal(nodeAt(extents, { line: 2, character: 4 }), 'goal:a');
    assert.equal(nodeAt(extents, { line: 5, character: 0 }), 'goal:a');
    assert.equal(nodeAt(extents, { line: 8, character: 20 }), 'goal:a');
    assert.equal(nodeAt(extents, { line: 12, character: 7 }), 'goal:b');
  });

  it('finds none outside every item (the file head, between items, past the end)', () => {
    assert.equal(nodeAt(extents, { line: 0, character: 0 }), null);
    assert.equal(nodeAt(extents, { line: 2, character: 3 }), null);
    assert.equal(nodeAt(extents, { line: 8, character: 21 }), null);
    assert.equal(nodeAt(extents, { line: 20, character: 0 }), null);
    assert.equal(nodeAt([], { line: 3, character: 0 }), null);
  });

  it('prefers the innermost of nested extents, in whichever order they come', () => {
    const outer = extent('objective:o', 1, 2, 20, 0);
    const inner = extent('goal:i', 4, 4, 6, 0);
    assert.equal(nodeAt([outer, inner], { line: 5, character: 0 }), 'goal:i');
    assert.equal(nodeAt([inner, outer], { line: 5, character: 0 }), 'goal:i');
    assert.equal(nodeAt([inner, outer], { line: 10, character: 0 }), 'objective:o');
  });
});
