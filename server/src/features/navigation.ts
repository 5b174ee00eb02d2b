/** Go to definition and find references for ids, across the files of the document's workspace. */
import type { Location, Position } from 'vscode-languageserver';
import type { DocumentContext } from './support/context';
import { definitionsOf, idAt, referencesTo, toLocation } from './support/ids';

/**
 * From a reference or an item's own id: the `id` value of every item defining it (all of them when the id
 * is duplicated, whatever their kind). Null when the cursor is on no id or the id is defined nowhere.
 */
export function definition(context: DocumentContext, position: Position): Location[] | null {
  const at = idAt(context, position);
  if (!at) return null;
  const definitions = definitionsOf(context, at.id);
  return definitions.length > 0 ? definitions.map(toLocation) : null;
}

/** Every reference to the id under the cursor across the workspace, after its definitions when `includeDeclaration`. */
export function references(context: DocumentContext, position: Position, includeDeclaration: boolean): Location[] {
  const at = idAt(context, position);
  if (!at) return [];
  const found = referencesTo(context, at.id);
  return (includeDeclaration ? [...definitionsOf(context, at.id), ...found] : found).map(toLocation);
}
