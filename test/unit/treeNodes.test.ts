import * as assert from 'node:assert/strict';
import { buildNodes, nodeAt, walk } from '../../client/src/tree/node';
import type { OutlineItem } from '../../server/src/protocol';

const range = (line: number, start: number, endLine = line, end = start + 5) => ({ start: { line, character: start }, end: { line: endLine, character: end } });

/** A goal `g` (lines 2-6) with a target (line 5), shown under two objectives; a goal without id; duplicate ids. */
const goal: OutlineItem = {
  kind: 'goal',
  id: 'g',
  label: 'G',
  uri: 'file:///m.goals.yaml',
  range: range(2, 8),
  extent: range(2, 4, 7, 0),
  children: [{ kind: 'target', id: 'k', label: 'K', uri: 'file:///m.goals.yaml', range: range(5, 8), extent: range(5, 8, 5, 40), children: [] }],
};
const items: OutlineItem[] = [
  { kind: 'objective', id: 'a', label: 'A', uri: 'file:///c.goals.yaml', range: range(3, 10), extent: range(3, 4, 4, 0), children: [goal] },
  { kind: 'objective', id: 'b', label: 'B', uri: 'file:///c.goals.yaml', range: range(4, 10), extent: range(4, 4, 5, 0), children: [goal] },
  {
    kind: 'unaligned',
    label: 'Unaligned',
    children: [
      { kind: 'goal', label: 'no id', children: [] },
      { kind: 'goal', label: 'no id', children: [] },
    ],
  },
  { kind: 'objective', id: 'a', label: 'A again', children: [] },
];

describe('Goals view model', () => {
  it('gives every node a unique id made of the path of kinds and ids, stable for the same outline', () => {
    const ids = [...walk(buildNodes(items))].map((node) => node.id);
    assert.deepEqual(ids, [
      'objective:a',
      'objective:a/goal:g',
      'objective:a/goal:g/target:0',
      'objective:b',
      'objective:b/goal:g',
      'objective:b/goal:g/target:0',
      'unaligned:#2',
      'unaligned:#2/goal:#0',
      'unaligned:#2/goal:#1',
      'objective:a~2',
    ]);
    assert.deepEqual(
      [...walk(buildNodes(items))].map((node) => node.id),
      ids,
      'a second build of the same outline',
    );
  });

  it('links each node to its parent, for reveal', () => {
    const [a] = buildNodes(items);
    const target = a.children[0].children[0];
    assert.equal(target.parent, a.children[0]);
    assert.equal(target.parent?.parent, a);
    assert.equal(a.parent, undefined);
  });

  it('finds the innermost node under a position, keeping the selected copy of an item shown twice', () => {
    const roots = buildNodes(items);
    assert.equal(nodeAt(roots, 'file:///m.goals.yaml', { line: 5, character: 12 })?.id, 'objective:a/goal:g/target:0');
    assert.equal(nodeAt(roots, 'file:///m.goals.yaml', { line: 3, character: 0 })?.id, 'objective:a/goal:g', 'the first copy by default');
    const underB = roots[1].children[0];
    assert.equal(nodeAt(roots, 'file:///m.goals.yaml', { line: 3, character: 0 }, underB)?.id, 'objective:b/goal:g', 'the selected copy stays');
    assert.equal(nodeAt(roots, 'file:///m.goals.yaml', { line: 7, character: 0 }), undefined, 'the end of an extent is outside it');
    assert.equal(nodeAt(roots, 'file:///other.goals.yaml', { line: 3, character: 0 }), undefined);
  });
});
