/**
 * The one place that makes ranges. Rules report a path (or the parser a span); this module turns either
 * into a 0-based LSP range, falling back to the closest existing ancestor when a path does not exist.
 */
import type { TextChange } from './textChange';
import type { ParsedYaml, Span } from './yaml';
import type { Path, Position, Range } from './types';

/** Which part of the node at a path a finding is about. */
export type Part = 'key' | 'value' | 'head';

/**
 * Where a finding points, as a rule says it: a path in the file's document, or a raw span from the parser.
 * (Not a goal's KPI target, which is the model's `Target`.)
 */
export type Place = { path: Path; part?: Part } | { span: Span };

/**
 * Line starts of a text, for offset → position conversion. Line breaks are \n, \r\n and \r, as in LSP.
 * Every UTF-16 unit of the text is a column, a leading byte-order mark too: the text is what the client
 * holds (VS Code sends none; a client that keeps one counts it). Readers of files on disk strip the mark
 * first, as editors hide it.
 */
export class LineIndex {
  /** Where each line starts; a typed array, so that an edit copies and shifts it in one go. */
  private readonly starts: Int32Array;

  /** Indexes `text`; `starts`, when given, are its line starts already (see `edited`). */
  constructor(
    private readonly text: string,
    starts?: Int32Array,
  ) {
    this.starts = starts ?? Int32Array.from(lineStarts(text));
  }

  /**
   * The index of `text`, a later version of this index's text that differs from it as `change` says: the
   * line starts before the change are kept, those after it shifted, and only the changed part is scanned
   * (a keystroke in a 5 MB file would otherwise find every line again). The same index as `new LineIndex(text)`.
   */
  edited(text: string, change: TextChange): LineIndex {
    const oldEnd = this.text.length - change.suffix;
    const newEnd = text.length - change.suffix;
    const delta = newEnd - oldEnd;
    // Whether `at` starts a line depends on the characters at `at - 1` and `at` (a \r followed by \n is one break).
    const startsLine = (at: number) => {
      const before = text.charCodeAt(at - 1);
      return before === 10 || (before === 13 && text.charCodeAt(at) !== 10);
    };
    // Kept: starts decided by characters before the change (the first line starts at 0 whatever it is).
    const kept = Math.max(1, this.firstStartFrom(change.prefix));
    // Scanned: starts whose two deciding characters touch the changed part.
    const scanned: number[] = [];
    const scanTo = Math.min(newEnd + 2, text.length + 1);
    for (let at = Math.max(change.prefix, 1); at < scanTo; at++) if (startsLine(at)) scanned.push(at);
    // Shifted: starts decided by characters after the change.
    const shiftedFrom = Math.max(kept, this.firstStartFrom(oldEnd + 2));
    const old = this.starts;
    const starts = new Int32Array(kept + scanned.length + old.length - shiftedFrom);
    starts.set(old.subarray(0, kept));
    starts.set(scanned, kept);
    const shift = kept + scanned.length - shiftedFrom;
    for (let from = shiftedFrom; from < old.length; from++) starts[from + shift] = old[from] + delta;
    return new LineIndex(text, starts);
  }

  /** The index of the first line start at or after `offset` (the line count when there is none). */
  private firstStartFrom(offset: number): number {
    let low = 0;
    let high = this.starts.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.starts[middle] < offset) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /**
   * The 0-based position of a 0-based UTF-16 offset, clamped to the text and to its line's content: an
   * offset inside a line break (between \r and \n, say) is the end of that line, as LSP requires.
   */
  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle] <= clamped) low = middle;
      else high = middle - 1;
    }
    return { line: low, character: Math.min(clamped, this.lineEnd(low)) - this.starts[low] };
  }

  /** The 0-based offset of a 0-based position, clamped to the line's text (its line break excluded, as in LSP). */
  offset(position: Position): number {
    const line = Math.max(0, Math.min(position.line, this.starts.length - 1));
    return Math.min(this.starts[line] + Math.max(0, position.character), this.lineEnd(line));
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Moves an offset that falls between the two halves of a surrogate pair off it, before or after the pair. */
  snap(offset: number, toward: 'before' | 'after'): number {
    const high = this.text.charCodeAt(offset - 1);
    const low = this.text.charCodeAt(offset);
    const inside = high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
    return inside ? (toward === 'before' ? offset - 1 : offset + 1) : offset;
  }

  /** The offset of a line's break (or the text's end on the last line). */
  private lineEnd(line: number): number {
    if (line + 1 >= this.starts.length) return this.text.length;
    const next = this.starts[line + 1];
    return this.text.charCodeAt(next - 1) === 10 && this.text.charCodeAt(next - 2) === 13 ? next - 2 : next - 1;
  }
}

/**
 * The empty range at the start of a file: where a finding about the whole file, or about a file that could
 * not be read, points. Frozen, since every such finding shares it.
 */
export const EMPTY_RANGE: Range = Object.freeze({ start: Object.freeze({ line: 0, character: 0 }), end: Object.freeze({ line: 0, character: 0 }) });

/** A 0-based position as people and CI tools read it: 1-based line and column. */
export function oneBased(position: Position): { line: number; column: number } {
  return { line: position.line + 1, column: position.character + 1 };
}

/** Turns the place a rule points at into a range of the parsed file. */
export function locate(parsed: ParsedYaml, lines: LineIndex, place: Place): Range {
  return spanToRange(lines, spanOf(parsed, place));
}

/** The span a place stands for; the `value` part falls back to the key when the value is missing. */
export function spanOf(parsed: ParsedYaml, place: Place): Span {
  if ('span' in place) return place.span;
  const spans = parsed.locate(place.path);
  if (!spans.exact) return spans.head;
  switch (place.part ?? 'value') {
    case 'key':
      return spans.key ?? spans.head;
    case 'head':
      return spans.head;
    case 'value':
      return spans.value;
  }
}

/** Converts a span to a range, never empty where the text allows one character. */
export function spanToRange(lines: LineIndex, span: Span): Range {
  // A span never splits a character: a surrogate pair is one emoji to the user.
  const start = lines.snap(span.start, 'before');
  const end = lines.snap(Math.max(span.end, start), 'after');
  return { start: lines.position(start), end: lines.position(end) };
}

/** The line starts of a text: 0, and after every \n, \r\n and lone \r. */
function lineStarts(text: string): number[] {
  const starts = [0];
  // Most files use \n only: indexOf finds those far faster than a loop over every character.
  if (!text.includes('\r')) {
    for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (code === 10 /* \n */) {
      starts.push(i + 1);
    }
  }
  return starts;
}
