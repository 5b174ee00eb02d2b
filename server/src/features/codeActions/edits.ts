/**
 * The text edits fixes are made of: whole lines after a line, an entry in a flow collection, a value after a
 * bare colon. Each writes the file's own line break and refuses places where the edit would change meaning.
 */
import type { TextEdit } from 'vscode-languageserver';
import type { Span } from '../../core/yaml';
import { emptyRange, type EditableDocument } from './document';

/** Inserts whole lines after the line where `end` falls (at `end` itself when it starts a line). */
export function insertLines(document: EditableDocument, end: number, block: readonly string[]): TextEdit {
  const { text, eol } = document;
  const body = block.join(eol);
  const previous = text[end - 1];
  if (end > 0 && (previous === '\n' || previous === '\r')) return { range: emptyRange(document.position(end)), newText: `${body}${eol}` };
  const lineBreak = /\r\n|\r|\n/g;
  lineBreak.lastIndex = end;
  const match = lineBreak.exec(text);
  if (match) return { range: emptyRange(document.position(match.index + match[0].length)), newText: `${body}${eol}` };
  const position = document.position(text.length);
  return { range: emptyRange(position), newText: text.length > 0 ? `${eol}${body}` : `${body}${eol}` };
}

/** Adds an entry before the closing bracket of a flow collection (`{ … }` or `[ … ]`). */
export function insertInFlow(document: EditableDocument, span: Span, entry: string): TextEdit[] | undefined {
  const { text } = document;
  const close = span.end - 1;
  if (text[close] !== '}' && text[close] !== ']') return undefined;
  let last = close - 1;
  while (last > span.start && /\s/.test(text[last])) last--;
  // A comment before the bracket would swallow the entry.
  if (document.context.parsed.comments.some((comment) => comment.span.start <= last && last < comment.span.end)) return undefined;
  const previous = text[last];
  const newText = previous === '{' || previous === '[' ? entry : previous === ',' ? ` ${entry}` : `, ${entry}`;
  return [{ range: emptyRange(document.position(last + 1)), newText }];
}

/** Inserts `text` right after the colon that follows a key with no value; none when something else (an alias) is there. */
export function afterColon(document: EditableDocument, key: Span, text: string): TextEdit[] | undefined {
  const lineEnd = document.offset({ line: document.position(key.end).line, character: Number.MAX_SAFE_INTEGER });
  const colon = /^[ \t]*:/.exec(document.text.slice(key.end, lineEnd));
  if (!colon) return undefined;
  const at = key.end + colon[0].length;
  const rest = document.text.slice(at, lineEnd).trim();
  if (rest !== '' && !rest.startsWith('#')) return undefined;
  return [{ range: emptyRange(document.position(at)), newText: text }];
}
