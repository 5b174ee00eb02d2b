/**
 * Which block mapping a line belongs to, and its path from the root, found by indentation alone: upward for
 * the keys before it and the line that opens it, downward for the keys after it.
 */
import { unquoteTyping } from '../support/quotes';
import { stripComment, type Lines } from './lines';

/** The block mapping the cursor's line belongs to: its path from the root (items as index 0), and its other keys. */
export interface Mapping {
  readonly path: (string | number)[];
  /** Every other key of the mapping, with its inline value (unquoted, comment removed). */
  readonly keys: Map<string, string>;
}

/** How deep mappings may nest before the search gives up (a guard, far beyond any goals file). */
const MAX_DEPTH = 64;

/**
 * The block mapping whose keys stand at `column` and which holds line `at` (the line itself is not read as
 * one of its keys). Found by indentation: upward for the keys before it and the line that opens it (a
 * parent `key:` or a `- ` that starts a sequence item), downward for the keys after it.
 */
export function mappingAt(lines: Lines, at: number, column: number, depth = 0): Mapping | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const keys = new Map<string, string>();
  const here = lines.shape(at);
  let itemStart = here.dashes.length > 0 && here.keyColumn === column ? at : undefined;
  let parent: number | undefined;
  if (itemStart === undefined) {
    for (let index = at - 1; index >= 0; index--) {
      const shape = lines.shape(index);
      if (shape.blank || shape.indent > column) continue;
      if (shape.keyColumn === column && shape.key !== undefined) {
        keys.set(shape.key, shape.value);
        if (shape.dashes.length > 0) {
          itemStart = index;
          break;
        }
        continue;
      }
      // A `- ` at the mapping's own column is a list under one of its keys (`key:` then `- a` unindented).
      if (shape.indent === column) continue;
      parent = index;
      break;
    }
  }
  for (let index = at + 1; index < lines.count; index++) {
    const shape = lines.shape(index);
    if (shape.blank || shape.indent > column) continue;
    if (shape.indent < column) break;
    if (shape.dashes.length === 0 && shape.key !== undefined) keys.set(shape.key, shape.value);
  }

  let path: (string | number)[];
  if (itemStart !== undefined) {
    const owner = sequenceOwner(lines, itemStart);
    if (!owner) return undefined;
    const outer = mappingAt(lines, owner.line, owner.column, depth + 1);
    if (!outer) return undefined;
    path = [...outer.path, owner.key, owner.index];
  } else if (parent !== undefined) {
    const shape = lines.shape(parent);
    // Under a key with an inline value the cursor is in a scalar (a block scalar or a folded line), not a mapping.
    if (shape.key === undefined || shape.keyColumn >= column || shape.value !== '') return undefined;
    const outer = mappingAt(lines, parent, shape.keyColumn, depth + 1);
    if (!outer) return undefined;
    path = [...outer.path, shape.key];
  } else {
    path = [];
  }
  return { path, keys };
}

/** The entries of the block list whose `- ` dashes stand at `dash`, other than those on line `at`. */
export function blockListEntries(lines: Lines, at: number, dash: number): string[] {
  const entries: string[] = [];
  for (const step of [-1, 1]) {
    for (let index = at + step; index >= 0 && index < lines.count; index += step) {
      const shape = lines.shape(index);
      if (shape.blank || shape.indent > dash) continue;
      if (shape.indent < dash || shape.dashes[0] !== dash) break;
      entries.push(unquoteTyping(stripComment(lines.text(index).slice(shape.keyColumn)).trim()));
    }
  }
  return entries;
}

/** The `key:` that holds the sequence whose item starts on line `item`, and the item's index. */
function sequenceOwner(lines: Lines, item: number): { line: number; column: number; key: string; index: number } | undefined {
  const start = lines.shape(item);
  if (start.dashes.length !== 1) return undefined;
  const dash = start.dashes[0];
  let index = 0;
  for (let line = item - 1; line >= 0; line--) {
    const shape = lines.shape(line);
    if (shape.blank || shape.indent > dash) continue;
    if (shape.indent === dash && shape.dashes[0] === dash) {
      index++;
      continue;
    }
    if (shape.key === undefined || shape.keyColumn > dash || shape.value !== '') return undefined;
    return { line, column: shape.keyColumn, key: shape.key, index };
  }
  return undefined;
}
