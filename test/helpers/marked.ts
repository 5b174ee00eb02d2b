/**
 * Fixtures with cursors marked inline as `<|>` (a bare `|` is YAML syntax): the text without the markers
 * and the 0-based LSP position of each, in order.
 */
import type { Position } from 'vscode-languageserver-protocol';

/** The marker of a cursor in a fixture. */
export const CURSOR = '<|>';

/** Strips every cursor marker from `text`; `cursors` are their positions in the stripped text. */
export function marked(text: string): { text: string; cursors: Position[] } {
  const cursors: Position[] = [];
  const parts = text.split(CURSOR);
  let clean = parts[0];
  for (const part of parts.slice(1)) {
    const lines = clean.split(/\r\n|\r|\n/);
    cursors.push({ line: lines.length - 1, character: lines[lines.length - 1].length });
    clean += part;
  }
  return { text: clean, cursors };
}

/** The one cursor of a fixture; throws unless there is exactly one, so a fixture typo fails loudly. */
export function markedOnce(text: string): { text: string; cursor: Position } {
  const { text: clean, cursors } = marked(text);
  if (cursors.length !== 1) throw new Error(`expected one ${CURSOR} marker, found ${cursors.length}`);
  return { text: clean, cursor: cursors[0] };
}
