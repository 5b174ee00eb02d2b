/** Sets one key of a goal, where the schema's key order and the goal's own indentation say it belongs. */
import type { TextEdit } from 'vscode-languageserver';
import type { Goal } from '../../core/model';
import { keysAt } from '../support/schemaKeys';
import type { EditableDocument } from './document';
import { afterColon, insertInFlow, insertLines } from './edits';
import { hasKey, isObject, valueAt } from './parsedValue';

/** The keys of a goal in the order of the schema: a key is inserted after the last one present before it. */
const GOAL_KEY_ORDER: readonly string[] = keysAt(['goals', 0]).map((key) => key.key);

/**
 * Sets a key of a goal: replaces its value when the key is there, else inserts `key: inline` after the last
 * key that comes before it in the schema (or at the mapping's end), at the column of the goal's keys.
 * `block` gives the lines for a block mapping when the value needs more than one.
 */
export function setGoalKey(document: EditableDocument, goal: Goal, key: string, inline: string, block?: (indent: number) => string[]): TextEdit[] | undefined {
  const { parsed } = document.context;
  const map = valueAt(parsed.value, goal.path);
  const spans = parsed.locate(goal.path);
  if (!isObject(map) || !spans.exact) return undefined;
  if (hasKey(map, key)) {
    const at = parsed.locate([...goal.path, key]);
    if (at.exact) return [{ range: document.range(at.value), newText: inline }];
    return at.key && afterColon(document, at.key, ` ${inline}`);
  }
  if (document.text[spans.value.start] === '{') return insertInFlow(document, spans.value, `${key}: ${inline}`);
  const indent = document.position(spans.value.start).character;
  const rank = GOAL_KEY_ORDER.indexOf(key);
  const before = Object.keys(map).filter((other) => GOAL_KEY_ORDER.indexOf(other) >= 0 && GOAL_KEY_ORDER.indexOf(other) < rank);
  const anchor = before.length > 0 ? parsed.locate([...goal.path, before[before.length - 1]]) : undefined;
  const after = anchor ? (anchor.exact ? anchor.value.end : (anchor.key?.end ?? spans.value.end)) : spans.value.end;
  return [insertLines(document, after, block ? block(indent) : [`${' '.repeat(indent)}${key}: ${inline}`])];
}
