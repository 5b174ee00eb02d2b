/**
 * How a file indents and writes its lists, read from the lists it already has, so that an inserted item or
 * `targets:` block looks like its neighbours.
 */
import { ITEM_KINDS, SECTION_OF } from '../../core/model';
import type { Path } from '../../core/types';
import type { EditableDocument } from './document';
import { valueAt } from './parsedValue';

/** Columns of a list item: its dash, and its first key (0-based). */
export interface ItemColumns {
  readonly dash: number;
  readonly key: number;
}

/** How a file writes lists: dashes `offset` columns right of the parent key, keys `gap` right of the dash, items as `{ … }` or not. */
export interface SequenceStyle {
  readonly offset: number;
  readonly gap: number;
  readonly flow: boolean;
}

/** How this file writes lists, from the first block list among `paths` (defaults: 2 and 2, block items). */
export function sequenceStyle(document: EditableDocument, paths: readonly Path[]): SequenceStyle {
  const { parsed } = document.context;
  for (const path of paths) {
    const list = valueAt(parsed.value, path);
    if (!Array.isArray(list) || list.length === 0) continue;
    const at = parsed.locate(path);
    if (!at.exact || !at.key || document.text[at.value.start] === '[') continue;
    const item = parsed.locate([...path, 0]);
    if (!item.exact) continue;
    const columns = itemColumns(document, item.value.start);
    return {
      offset: Math.max(0, columns.dash - document.position(at.key.start).character),
      gap: columns.key - columns.dash,
      flow: document.text[item.value.start] === '{',
    };
  }
  return { offset: 2, gap: 2, flow: false };
}

/** The columns of a list item whose content starts at `start`: the dash before it on its line, and the content. */
export function itemColumns(document: EditableDocument, start: number): ItemColumns {
  const position = document.position(start);
  const prefix = /^( *)-( +)$/.exec(document.lineText(position.line).slice(0, position.character));
  if (prefix) return { dash: prefix[1].length, key: position.character };
  return { dash: Math.max(0, position.character - 2), key: Math.max(2, position.character) };
}

/** The columns of the items of a list whose parent key stands at `column`, in a file of that style. */
export function columnsUnder(column: number, style: SequenceStyle): ItemColumns {
  return { dash: column + style.offset, key: column + style.offset + style.gap };
}

/** The paths of the item sections, in the format's order: where the file's list style is read from. */
export function sectionPaths(): Path[] {
  return ITEM_KINDS.map((kind) => [SECTION_OF[kind]]);
}
