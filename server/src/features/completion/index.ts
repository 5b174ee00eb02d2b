/**
 * Completion: the keys a mapping may still take (from the schema, with its descriptions), enum and known
 * values after `key: `, and ids of the right kind for every reference field, in `key: |`, in flow lists
 * `supports: [a, |]` and in block lists `- |` under the key.
 *
 * The document is usually mid-edit and often not valid YAML, so where the cursor stands is read from the
 * text around it (its line, and the indentation of the lines above and below), never from the parse.
 */
import type { CompletionItem, Position } from 'vscode-languageserver';
import type { DocumentContext } from '../support/context';
import { isListKey, keysAt } from '../support/schemaKeys';
import { afterKey, cursorAt, inFlowList, keyStart, replaceRange } from './cursorContext';
import { ownIdOf } from './ids';
import { keyItems } from './keys';
import { blockListEntries, mappingAt } from './mapping';
import { valueItems } from './values';

/** The completions at a position. Never throws on odd input: unknown places simply get none. */
export function completion(context: DocumentContext, position: Position): CompletionItem[] {
  const cursor = cursorAt(context, position);
  if (!cursor) return [];
  const { workspace, lines } = cursor;

  const flow = inFlowList(cursor);
  if (flow) return valueItems(workspace, flow.key, replaceRange(cursor, flow.partial), { listed: flow.listed });

  const value = afterKey(cursor);
  if (value) {
    const list = isListKey(value.key);
    // `key:|` with no space: a value must be separated from its colon, so the edit adds the space. Right
    // after the colon of a list key the next line usually opens a block list, so nothing is offered there.
    if (!value.spaced && (value.partial !== '' || list)) return [];
    const exclude = value.key === 'parent' ? ownIdOf(cursor, value.column) : undefined;
    return valueItems(workspace, value.key, replaceRange(cursor, value.partial), { wrap: list, space: !value.spaced, exclude });
  }

  const start = keyStart(cursor);
  if (!start) return [];
  const mapping = mappingAt(lines, position.line, start.column);
  if (!mapping) return [];
  const keys = keysAt(mapping.path);
  if (keys.length > 0) return keyItems(keys, mapping.keys, start.column, start.colonFollows, replaceRange(cursor, start.partial));
  // A `- |` entry of a list of ids or platforms.
  const owner = mapping.path[mapping.path.length - 2];
  if (start.dashes === '' || typeof owner !== 'string' || !isListKey(owner)) return [];
  const dash = start.indent.length + start.dashes.lastIndexOf('-');
  return valueItems(workspace, owner, replaceRange(cursor, start.partial), { listed: blockListEntries(lines, position.line, dash) });
}
