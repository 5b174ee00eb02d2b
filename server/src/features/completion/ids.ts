/** Id completions for reference fields: the ids of the kind of item the field names, with their titles. */
import { CompletionItemKind, type CompletionItem, type Range } from 'vscode-languageserver';
import type { ItemKind } from '../../core/model';
import { itemTitle } from '../../core/naming';
import type { Workspace } from '../../core/workspace';
import { unquoteTyping } from '../support/quotes';
import type { Cursor } from './cursorContext';
import { mappingAt } from './mapping';

/** The kind of item each reference field names (as the model reads them). */
const REFERENCE_KIND: Readonly<Record<string, ItemKind>> = {
  supports: 'objective',
  kpi: 'kpi',
  department: 'department',
  owner: 'department',
  owners: 'department',
  audience: 'audience',
  parent: 'goal',
};

/** The kind of item a key's value names, when the key is a reference field. */
export function referencedKind(key: string): ItemKind | undefined {
  return Object.hasOwn(REFERENCE_KIND, key) ? REFERENCE_KIND[key] : undefined;
}

/** The ids of every item of `kind` but those in `skip`, each written by `newText`, with the item's title as detail. */
export function idItems(workspace: Workspace, kind: ItemKind, skip: ReadonlySet<string>, replace: Range, newText: (id: string) => string): CompletionItem[] {
  return workspace.idsOf(kind).flatMap((id) => {
    if (skip.has(id)) return [];
    const item: CompletionItem = { label: id, kind: CompletionItemKind.Reference, textEdit: { range: replace, newText: newText(id) }, filterText: id };
    const found = workspace.find(kind, id);
    const name = found && itemTitle(found);
    if (name !== undefined) item.detail = name;
    return [item];
  });
}

/**
 * The id of the item whose `key: value` starts at column `at` of the cursor's line: from `id:` in the same
 * flow mapping on the line, else from the block mapping the key belongs to.
 */
export function ownIdOf(cursor: Cursor, at: number): string | undefined {
  const line = cursor.prefix + cursor.suffix;
  const flow = /[{,]\s*id\s*:\s*([^,}\s]+)/.exec(line);
  if (flow && line.lastIndexOf('{', at) >= 0) return unquoteTyping(flow[1]);
  const shape = cursor.lines.shape(cursor.position.line);
  const mapping = mappingAt(cursor.lines, cursor.position.line, shape.keyColumn);
  return mapping?.keys.get('id');
}
