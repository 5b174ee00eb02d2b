/** Appends a new item to its section, in the style of the items already there. */
import type { TextEdit } from 'vscode-languageserver';
import { ITEM_KINDS, SECTION_OF, type ItemKind } from '../../core/model';
import { emptyRange, type EditableDocument } from './document';
import { insertInFlow, insertLines } from './edits';
import { columnsUnder, itemColumns, sectionPaths, sequenceStyle } from './listStyle';
import { hasKey, isObject } from './parsedValue';
import { flowItem, itemLines } from './yamlText';

/**
 * Appends an item to its section of the document, in the style of that section's items; a missing section
 * is created before the first section of a later kind (the format's order), else at the end.
 */
export function appendItem(document: EditableDocument, kind: ItemKind, fields: [string, string][]): TextEdit[] | undefined {
  const { parsed } = document.context;
  const { text, eol } = document;
  const root = parsed.value;
  if (root !== undefined && !isObject(root)) return undefined;
  if (root !== undefined && text[parsed.locate([]).value.start] === '{') return undefined;
  const section = SECTION_OF[kind];
  if (isObject(root) && hasKey(root, section)) {
    const list = root[section];
    const at = parsed.locate([section]);
    if (at.exact) {
      if (!Array.isArray(list) || list.length === 0) return text[at.value.start] === '[' ? insertInFlow(document, at.value, flowItem(fields)) : undefined;
      if (text[at.value.start] === '[') return insertInFlow(document, at.value, flowItem(fields));
      const last = parsed.locate([section, list.length - 1]);
      const flow = text[last.value.start] === '{';
      return [insertLines(document, at.value.end, itemLines(itemColumns(document, last.value.start), fields, flow))];
    }
    if (!at.key) return undefined;
    // `section:` with nothing after it yet.
    const column = document.position(at.key.start).character;
    const style = sequenceStyle(document, sectionPaths());
    return [insertLines(document, at.key.end, itemLines(columnsUnder(column, style), fields, style.flow))];
  }
  const style = sequenceStyle(document, sectionPaths());
  const block = [`${section}:`, ...itemLines(columnsUnder(0, style), fields, style.flow)];
  const later = ITEM_KINDS.slice(ITEM_KINDS.indexOf(kind) + 1)
    .map((other) => SECTION_OF[other])
    .filter((other) => isObject(root) && hasKey(root, other))
    .map((other) => parsed.locate([other]).key?.start)
    .filter((start): start is number => start !== undefined)
    .sort((a, b) => a - b)[0];
  if (later === undefined) return [insertLines(document, text.length, block)];
  // The comments right above a section belong to it, so the new section goes above them.
  let line = document.position(later).line;
  while (
    line > 0 &&
    document
      .lineText(line - 1)
      .trimStart()
      .startsWith('#')
  )
    line--;
  const spacer = line > 0 && document.lineText(line - 1).trim() === '' ? eol : '';
  return [{ range: emptyRange({ line, character: 0 }), newText: `${block.join(eol)}${eol}${spacer}` }];
}
