/** Positions and ranges of marked text in fixtures, so tests assert exact LSP (0-based) places without counting columns. */
import type { Position, Range } from 'vscode-languageserver-protocol';

/** The 0-based position of an offset of `text`. */
export function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length - 1, character: before[before.length - 1].length };
}

/** The range of the `nth` (0-based) occurrence of `needle` in `text`; throws when there is none, so a fixture typo fails loudly. */
export function rangeOf(text: string, needle: string, nth = 0): Range {
  let offset = -1;
  for (let count = 0; count <= nth; count++) {
    offset = text.indexOf(needle, offset + 1);
    if (offset < 0) throw new Error(`rangeOf: occurrence ${nth} of ${JSON.stringify(needle)} is not in the text`);
  }
  return { start: positionAt(text, offset), end: positionAt(text, offset + needle.length) };
}

/** A position `into` characters inside the `nth` occurrence of `needle` (its middle by default): a cursor on it. */
export function cursorOn(text: string, needle: string, nth = 0, into = Math.floor(needle.length / 2)): Position {
  const { start } = rangeOf(text, needle, nth);
  return { line: start.line, character: start.character + into };
}

/** The range of `inner` within the first occurrence of `outer`: `rangeWithin(text, 'kpi: sessions', 'sessions')`. */
export function rangeWithin(text: string, outer: string, inner: string): Range {
  const start = text.indexOf(outer);
  const at = start < 0 ? -1 : text.indexOf(inner, start);
  if (at < 0 || at + inner.length > start + outer.length) throw new Error(`rangeWithin: ${JSON.stringify(inner)} is not inside ${JSON.stringify(outer)}`);
  return { start: positionAt(text, at), end: positionAt(text, at + inner.length) };
}

/** From the start of the first `from` to the end of the first `to` after it: a node spanning several lines. */
export function rangeFromTo(text: string, from: string, to: string): Range {
  const start = text.indexOf(from);
  const end = start < 0 ? -1 : text.indexOf(to, start);
  if (end < 0) throw new Error(`rangeFromTo: ${JSON.stringify(from)} … ${JSON.stringify(to)} is not in the text`);
  return { start: positionAt(text, start), end: positionAt(text, end + to.length) };
}
