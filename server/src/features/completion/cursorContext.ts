/**
 * Where the cursor stands, read from the text around it: its line split at the cursor, and which of the
 * places completion knows the text before it makes (a flow list, a value after `key:`, the start of a key).
 * The document is usually mid-edit and often not valid YAML, so the parse is never consulted.
 */
import type { Position, Range } from 'vscode-languageserver';
import type { Workspace } from '../../core/workspace';
import type { DocumentContext } from '../support/context';
import { unquoteTyping } from '../support/quotes';
import { Lines } from './lines';

/** What the completion functions need about the cursor. */
export interface Cursor {
  readonly position: Position;
  /** The cursor's line before and after the cursor. */
  readonly prefix: string;
  readonly suffix: string;
  readonly lines: Lines;
  readonly workspace: Workspace;
}

/** `key: [a, b, partial`: the cursor in a flow list, after the entries before it. */
export interface InFlowList {
  readonly key: string;
  readonly partial: string;
  /** The entries before and after the cursor's, unquoted. */
  readonly listed: string[];
}

/** `key: partial` (also after `- ` or inside `{ … }`). */
export interface AfterKey {
  readonly key: string;
  /** Whether white space separates the colon from the cursor's word. */
  readonly spaced: boolean;
  readonly partial: string;
  /** The column where the `key: partial` text starts: at the space, `{` or `,` before the key, if any. */
  readonly column: number;
}

/** A line that holds only indentation, sequence dashes and the start of a key. */
export interface KeyStart {
  readonly indent: string;
  /** The `- ` indicators before the key, as written. */
  readonly dashes: string;
  readonly partial: string;
  /** The column where the key starts (at its opening quote, if any). */
  readonly column: number;
  /** Whether the key's colon is already written after the cursor's word. */
  readonly colonFollows: boolean;
}

/** Characters of ids, keys and enum values: what a completion replaces around the cursor. */
const WORD = /[A-Za-z0-9_.-]/;

/** A key name (plain, as the goals schema's keys are). */
const KEY = String.raw`[A-Za-z_][A-Za-z0-9_.-]*`;

/** `key: [a, b, partial` at the end of the line's text before the cursor. */
const FLOW_LIST = new RegExp(String.raw`(?:^|[\s{,])(${KEY})\s*:\s*\[([^[\]{}]*)$`);
/** `key: partial` (also after `- ` or inside `{ … }`); group 2 is the space after the colon. */
const VALUE = new RegExp(String.raw`(?:^|[\s{,])(${KEY})\s*:([ \t]*)["']?([A-Za-z0-9_.-]*)$`);
/** A line that holds only indentation, sequence dashes and the start of a word. */
const KEY_START = /^([ ]*)((?:-[ ]+)*)["']?((?:[A-Za-z0-9_.][A-Za-z0-9_.-]*)?)$/;

/** The cursor at a position; undefined inside a comment, where nothing is offered. */
export function cursorAt(context: DocumentContext, position: Position): Cursor | undefined {
  const text = context.file.text;
  const offset = context.lines.offset(position);
  const lineStart = context.lines.offset({ line: position.line, character: 0 });
  const lineEnd = context.lines.offset({ line: position.line, character: Number.MAX_SAFE_INTEGER });
  const prefix = text.slice(lineStart, offset);
  if (/(?:^|\s)#/.test(prefix)) return undefined;
  return { position, prefix, suffix: text.slice(offset, lineEnd), lines: new Lines(text), workspace: context.analysis.workspace };
}

/** The flow list the cursor is in, if it is in one. */
export function inFlowList(cursor: Cursor): InFlowList | undefined {
  const flow = FLOW_LIST.exec(cursor.prefix);
  if (!flow) return undefined;
  const entries = flow[2].split(',');
  const partial = unquoteTyping(entries.pop()?.trim() ?? '');
  const after = /^[^\]]*/.exec(cursor.suffix)?.[0] ?? '';
  const listed = [...entries, ...after.split(',').slice(1)].map((entry) => unquoteTyping(entry.trim()));
  return { key: flow[1], partial, listed };
}

/** The key whose value the cursor is typing, if it is after one. */
export function afterKey(cursor: Cursor): AfterKey | undefined {
  const value = VALUE.exec(cursor.prefix);
  if (!value) return undefined;
  const [, key, space, partial] = value;
  return { key, spaced: space !== '', partial, column: cursor.prefix.length - value[0].length };
}

/** The key the cursor is starting, if its line allows one: the rest of the line is empty, or the key's colon. */
export function keyStart(cursor: Cursor): KeyStart | undefined {
  const { prefix, suffix } = cursor;
  const start = KEY_START.exec(prefix);
  if (!start) return undefined;
  const [, indent, dashes, partial] = start;
  const column = prefix.length - partial.length - (/["']$/.test(prefix.slice(0, prefix.length - partial.length)) ? 1 : 0);
  // A key goes where the rest of the line is empty, or where it replaces the key before a colon.
  const rest = suffix.replace(/^[A-Za-z0-9_.-]*["']?/, '');
  const colonFollows = /^[ \t]*:(?:\s|$)/.test(rest);
  if (!colonFollows && !/^\s*(?:#.*)?$/.test(rest)) return undefined;
  return { indent, dashes, partial, column, colonFollows };
}

/** The range a completion replaces: the word around the cursor (the partial before it and the rest of the word after). */
export function replaceRange(cursor: Cursor, partial: string): Range {
  const { position, suffix } = cursor;
  let after = 0;
  while (after < suffix.length && WORD.test(suffix[after])) after++;
  return {
    start: { line: position.line, character: position.character - partial.length },
    end: { line: position.line, character: position.character + after },
  };
}
