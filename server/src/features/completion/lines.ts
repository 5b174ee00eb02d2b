/**
 * The lines of a document as block structure reads them: indentation, sequence dashes, and the key and
 * inline value a line holds. Read from the raw text, since a document mid-edit is often not valid YAML.
 */
import { unquoteTyping } from '../support/quotes';

/** The parts of a line that tell where it stands in a block structure. */
export interface Shape {
  /** A blank or comment-only line, which says nothing about structure. */
  readonly blank: boolean;
  /** Columns of leading spaces. */
  readonly indent: number;
  /** Columns of the `- ` sequence indicators that open the line. */
  readonly dashes: readonly number[];
  /** The column after the indentation and dashes, where a key would start. */
  readonly keyColumn: number;
  /** The key the line holds at `keyColumn`, if it holds one. */
  readonly key?: string;
  /** The inline value after the key's colon: unquoted, comment removed, trimmed; '' when none. */
  readonly value: string;
}

/** `key:` or `key: value` from the key's column on: a quoted or plain key, then its colon. */
const LINE_KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#:{}[\],"'][^:#]*?)[ \t]*:(?:[ \t]+(.*))?$/;

/** The lines of a text, each read into its shape once and only when asked. */
export class Lines {
  private readonly texts: string[];
  private readonly shapes: Shape[] = [];

  constructor(text: string) {
    this.texts = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  }

  /** How many lines the text has. */
  get count(): number {
    return this.texts.length;
  }

  /** A line's text (0-based line); '' past the end. */
  text(line: number): string {
    return this.texts[line] ?? '';
  }

  /** A line's shape (0-based line). */
  shape(line: number): Shape {
    this.shapes[line] ??= readShape(this.text(line));
    return this.shapes[line];
  }
}

/** Text before its comment: a `#` at the start or after white space opens one. */
export function stripComment(text: string): string {
  const hash = text.search(/(?:^|\s)#/);
  return hash < 0 ? text : text.slice(0, hash);
}

function readShape(text: string): Shape {
  let column = 0;
  while (text[column] === ' ') column++;
  const indent = column;
  if (column === text.length || text[column] === '#') return { blank: true, indent, dashes: [], keyColumn: column, value: '' };
  const dashes: number[] = [];
  while (text[column] === '-' && (column + 1 === text.length || text[column + 1] === ' ' || text[column + 1] === '\t')) {
    dashes.push(column);
    column++;
    while (text[column] === ' ' || text[column] === '\t') column++;
  }
  const match = LINE_KEY.exec(text.slice(column));
  if (!match) return { blank: false, indent, dashes, keyColumn: column, value: '' };
  return { blank: false, indent, dashes, keyColumn: column, key: unquoteTyping(match[1]), value: unquoteTyping(stripComment(match[2] ?? '').trim()) };
}
