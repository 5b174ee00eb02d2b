/**
 * The one place that makes ranges. Rules report a path (or the parser a span); this module turns either
 * into a 0-based LSP range, falling back to the closest existing ancestor when a path does not exist.
 */
import type { ParsedYaml, Span } from './yaml';
import type { Path, Position, Range } from './types';

/** Which part of the node at a path a finding is about. */
export type Part = 'key' | 'value' | 'head';

/** What a rule points at: a path in the file's document, or a raw span from the parser. */
export type Target = { path: Path; part?: Part } | { span: Span };

/**
 * Line starts of a text, for offset → position conversion. Line breaks are \n, \r\n and \r, as in LSP.
 * A leading byte-order mark takes no column: editors hide it, so columns on the first line skip it.
 */
export class LineIndex {
  private readonly starts: number[] = [0];
  private readonly bom: number;

  constructor(private readonly text: string) {
    this.bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    // Most files use \n only: indexOf finds those far faster than a loop over every character.
    if (!text.includes('\r')) {
      for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) this.starts.push(index + 1);
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      } else if (code === 10 /* \n */) {
        this.starts.push(i + 1);
      }
    }
  }

  /** The 0-based position of a 0-based UTF-16 offset (clamped to the text). */
  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle] <= clamped) low = middle;
      else high = middle - 1;
    }
    return { line: low, character: Math.max(0, clamped - this.lineStart(low)) };
  }

  /** The 0-based offset of a 0-based position, clamped to the line's text (its line break excluded, as in LSP). */
  offset(position: Position): number {
    const line = Math.max(0, Math.min(position.line, this.starts.length - 1));
    return Math.min(this.lineStart(line) + Math.max(0, position.character), this.lineEnd(line));
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Where a line's first column is: after the byte-order mark on the first line. */
  private lineStart(line: number): number {
    return line === 0 ? this.bom : this.starts[line];
  }

  /** The offset of a line's break (or the text's end on the last line). */
  private lineEnd(line: number): number {
    if (line + 1 >= this.starts.length) return this.text.length;
    const next = this.starts[line + 1];
    return this.text.charCodeAt(next - 1) === 10 && this.text.charCodeAt(next - 2) === 13 ? next - 2 : next - 1;
  }
}

/** Turns a rule's target into a range of the parsed file. */
export function locate(parsed: ParsedYaml, lines: LineIndex, target: Target): Range {
  return spanToRange(lines, spanOf(parsed, target));
}

/** The span a target stands for; the `value` part falls back to the key when the value is missing. */
export function spanOf(parsed: ParsedYaml, target: Target): Span {
  if ('span' in target) return target.span;
  const spans = parsed.locate(target.path);
  if (!spans.exact) return spans.head;
  switch (target.part ?? 'value') {
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
  const start = lines.position(span.start);
  const end = lines.position(Math.max(span.end, span.start));
  return { start, end };
}
