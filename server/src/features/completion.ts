/**
 * Completion: the keys a mapping may still take (from the schema, with its descriptions), enum and known
 * values after `key: `, and ids of the right kind for every reference field, in `key: |`, in flow lists
 * `supports: [a, |]` and in block lists `- |` under the key.
 *
 * The document is usually mid-edit and often not valid YAML, so where the cursor stands is read from the
 * text around it (its line, and the indentation of the lines above and below), never from the parse.
 */
import { CompletionItemKind, InsertTextMode, MarkupKind, type CompletionItem, type Position, type Range } from 'vscode-languageserver';
import type { ItemKind } from '../core/model';
import type { Workspace } from '../core/workspace';
import type { DocumentContext } from './context';
import { isListKey, keysAt, resolve, valuesOfKey, type SchemaKey } from './schemaKeys';

/** The kind of item each reference field names (as the model reads them). */
const REFERENCE_KIND: Readonly<Record<string, ItemKind>> = {
  supports: 'objective',
  kpi: 'kpi',
  department: 'department',
  owner: 'department',
  owners: 'department',
  audience: 'audience',
  parent: 'goal',
};

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

/** The completions at a position. Never throws on odd input: unknown places simply get none. */
export function completion(context: DocumentContext, position: Position): CompletionItem[] {
  const text = context.file.text;
  const offset = context.lines.offset(position);
  const lineStart = context.lines.offset({ line: position.line, character: 0 });
  const lineEnd = context.lines.offset({ line: position.line, character: Number.MAX_SAFE_INTEGER });
  const prefix = text.slice(lineStart, offset);
  const suffix = text.slice(offset, lineEnd);
  // Inside a comment nothing is offered.
  if (/(?:^|\s)#/.test(prefix)) return [];
  const lines = new Lines(text);
  const cursor: Cursor = { line: position.line, prefix, suffix, lines, workspace: context.analysis.workspace };

  const flow = FLOW_LIST.exec(prefix);
  if (flow) {
    const entries = flow[2].split(',');
    const partial = unquote(entries.pop()?.trim() ?? '');
    const after = /^[^\]]*/.exec(suffix)?.[0] ?? '';
    const listed = [...entries, ...after.split(',').slice(1)].map((entry) => unquote(entry.trim()));
    return valueItems(cursor, flow[1], range(cursor, position, partial), { listed });
  }

  const value = VALUE.exec(prefix);
  if (value) {
    const [, key, space, partial] = value;
    const list = isListKey(key);
    // `key:|` with no space: a value must be separated from its colon, so the edit adds the space. Right
    // after the colon of a list key the next line usually opens a block list, so nothing is offered there.
    if (space === '' && (partial !== '' || list)) return [];
    const exclude = key === 'parent' ? ownIdOf(cursor, prefix.length - value[0].length) : undefined;
    return valueItems(cursor, key, range(cursor, position, partial), { wrap: list, space: space === '', exclude });
  }

  const start = KEY_START.exec(prefix);
  if (!start) return [];
  const [, indent, dashes, partial] = start;
  const column = prefix.length - partial.length - (/["']$/.test(prefix.slice(0, prefix.length - partial.length)) ? 1 : 0);
  // A key goes where the rest of the line is empty, or where it replaces the key before a colon.
  const rest = suffix.replace(/^[A-Za-z0-9_.-]*["']?/, '');
  const colonFollows = /^[ \t]*:(?:\s|$)/.test(rest);
  if (!colonFollows && !/^\s*(?:#.*)?$/.test(rest)) return [];
  const mapping = mappingAt(lines, position.line, column);
  if (!mapping) return [];
  const keys = keysAt(mapping.path);
  if (keys.length > 0) return keyItems(keys, mapping.keys, column, colonFollows, range(cursor, position, partial));
  // A `- |` entry of a list of ids or platforms.
  const owner = mapping.path[mapping.path.length - 2];
  if (dashes === '' || typeof owner !== 'string' || !isListKey(owner)) return [];
  const dash = indent.length + dashes.lastIndexOf('-');
  return valueItems(cursor, owner, range(cursor, position, partial), { listed: blockListEntries(lines, position.line, dash) });
}

/** What the completion functions need about the cursor. */
interface Cursor {
  readonly line: number;
  readonly prefix: string;
  readonly suffix: string;
  readonly lines: Lines;
  readonly workspace: Workspace;
}

/** The range a completion replaces: the word around the cursor (the partial before it and the rest of the word after). */
function range(cursor: Cursor, position: Position, partial: string): Range {
  let after = 0;
  while (after < cursor.suffix.length && WORD.test(cursor.suffix[after])) after++;
  return {
    start: { line: position.line, character: position.character - partial.length },
    end: { line: position.line, character: position.character + after },
  };
}

/** Keys of the schema for the mapping, minus those it already has. */
function keyItems(keys: readonly SchemaKey[], present: ReadonlyMap<string, string>, column: number, colonFollows: boolean, replace: Range): CompletionItem[] {
  const width = String(keys.length).length;
  return keys.flatMap((key, index) => {
    if (present.has(key.key)) return [];
    const item: CompletionItem = {
      label: key.key,
      kind: CompletionItemKind.Property,
      sortText: String(index).padStart(width, '0'),
      textEdit: { range: replace, newText: key.key + keyTail(key, column, colonFollows) },
    };
    if (key.description) item.documentation = { kind: MarkupKind.Markdown, value: key.description };
    // The tail of a section is already indented for the file; editors must not indent it again.
    if (item.textEdit && 'newText' in item.textEdit && item.textEdit.newText.includes('\n')) item.insertTextMode = InsertTextMode.asIs;
    return [item];
  });
}

/** What follows a completed key: nothing when the colon is already there, a new indented line for sections. */
function keyTail(key: SchemaKey, column: number, colonFollows: boolean): string {
  if (colonFollows) return '';
  const indent = ' '.repeat(column + 2);
  if (key.node.properties) return `:\n${indent}`;
  if (key.node.items && resolve(key.node.items).properties) return `:\n${indent}- `;
  return ': ';
}

interface ValueOptions {
  /** Entries already in the list, not offered again. */
  readonly listed?: readonly string[];
  /** An id not to offer (a goal is not its own parent). */
  readonly exclude?: string;
  /** The key holds a list but the cursor is after `key: `: each entry is inserted as a one-entry flow list. */
  readonly wrap?: boolean;
  /** The cursor is right after the colon: a space goes before the value. */
  readonly space?: boolean;
}

/** Ids of the kind a reference key names, else the enum or known values of the key. */
function valueItems(cursor: Cursor, key: string, replace: Range, options: ValueOptions): CompletionItem[] {
  const skip = new Set(options.listed ?? []);
  if (options.exclude !== undefined) skip.add(options.exclude);
  const edit = (value: string) => `${options.space ? ' ' : ''}${options.wrap ? `[${value}]` : value}`;
  const referenced = Object.hasOwn(REFERENCE_KIND, key) ? REFERENCE_KIND[key] : undefined;
  if (referenced) {
    return cursor.workspace.idsOf(referenced).flatMap((id) => {
      if (skip.has(id)) return [];
      const item: CompletionItem = { label: id, kind: CompletionItemKind.Reference, textEdit: { range: replace, newText: edit(id) }, filterText: id };
      const found = cursor.workspace.find(referenced, id);
      const name = found && (found.kind === 'objective' || found.kind === 'goal' ? found.title : found.name);
      if (name !== undefined) item.detail = name;
      return [item];
    });
  }
  const values = valuesOfKey(key);
  if (!values) return [];
  return values.values.flatMap((value, index) =>
    skip.has(value)
      ? []
      : [
          {
            label: value,
            kind: values.closed ? CompletionItemKind.EnumMember : CompletionItemKind.Value,
            // Schema order (funnel stages, cadences from short to long) says more than the alphabet.
            sortText: String(index).padStart(2, '0'),
            textEdit: { range: replace, newText: edit(value) },
            filterText: value,
          },
        ],
  );
}

/**
 * The id of the item whose `key: value` starts at column `at` of the cursor's line: from `id:` in the same
 * flow mapping on the line, else from the block mapping the key belongs to.
 */
function ownIdOf(cursor: Cursor, at: number): string | undefined {
  const line = cursor.prefix + cursor.suffix;
  const flow = /[{,]\s*id\s*:\s*([^,}\s]+)/.exec(line);
  if (flow && line.lastIndexOf('{', at) >= 0) return unquote(flow[1]);
  const shape = cursor.lines.shape(cursor.line);
  const mapping = mappingAt(cursor.lines, cursor.line, shape.keyColumn);
  return mapping?.keys.get('id');
}

/** The entries of the block list whose `- ` dashes stand at `dash`, other than the cursor's line. */
function blockListEntries(lines: Lines, at: number, dash: number): string[] {
  const entries: string[] = [];
  for (const step of [-1, 1]) {
    for (let index = at + step; index >= 0 && index < lines.count; index += step) {
      const shape = lines.shape(index);
      if (shape.blank || shape.indent > dash) continue;
      if (shape.indent < dash || shape.dashes[0] !== dash) break;
      entries.push(unquote(stripComment(lines.text(index).slice(shape.keyColumn)).trim()));
    }
  }
  return entries;
}

/** The block mapping the cursor's line belongs to: its path from the root (items as index 0), and its other keys. */
interface Mapping {
  readonly path: (string | number)[];
  /** Every other key of the mapping, with its inline value (unquoted, comment removed). */
  readonly keys: Map<string, string>;
}

/** How deep mappings may nest before the search gives up (a guard, far beyond any goals file). */
const MAX_DEPTH = 64;

/**
 * The block mapping whose keys stand at `column` and which holds line `at` (the line itself is not read as
 * one of its keys). Found by indentation: upward for the keys before it and the line that opens it (a
 * parent `key:` or a `- ` that starts a sequence item), downward for the keys after it.
 */
function mappingAt(lines: Lines, at: number, column: number, depth = 0): Mapping | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const keys = new Map<string, string>();
  const here = lines.shape(at);
  let itemStart = here.dashes.length > 0 && here.keyColumn === column ? at : undefined;
  let parent: number | undefined;
  if (itemStart === undefined) {
    for (let index = at - 1; index >= 0; index--) {
      const shape = lines.shape(index);
      if (shape.blank || shape.indent > column) continue;
      if (shape.keyColumn === column && shape.key !== undefined) {
        keys.set(shape.key, shape.value);
        if (shape.dashes.length > 0) {
          itemStart = index;
          break;
        }
        continue;
      }
      // A `- ` at the mapping's own column is a list under one of its keys (`key:` then `- a` unindented).
      if (shape.indent === column) continue;
      parent = index;
      break;
    }
  }
  for (let index = at + 1; index < lines.count; index++) {
    const shape = lines.shape(index);
    if (shape.blank || shape.indent > column) continue;
    if (shape.indent < column) break;
    if (shape.dashes.length === 0 && shape.key !== undefined) keys.set(shape.key, shape.value);
  }

  let path: (string | number)[];
  if (itemStart !== undefined) {
    const owner = sequenceOwner(lines, itemStart);
    if (!owner) return undefined;
    const outer = mappingAt(lines, owner.line, owner.column, depth + 1);
    if (!outer) return undefined;
    path = [...outer.path, owner.key, owner.index];
  } else if (parent !== undefined) {
    const shape = lines.shape(parent);
    // Under a key with an inline value the cursor is in a scalar (a block scalar or a folded line), not a mapping.
    if (shape.key === undefined || shape.keyColumn >= column || shape.value !== '') return undefined;
    const outer = mappingAt(lines, parent, shape.keyColumn, depth + 1);
    if (!outer) return undefined;
    path = [...outer.path, shape.key];
  } else {
    path = [];
  }
  return { path, keys };
}

/** The `key:` that holds the sequence whose item starts on line `item`, and the item's index. */
function sequenceOwner(lines: Lines, item: number): { line: number; column: number; key: string; index: number } | undefined {
  const start = lines.shape(item);
  if (start.dashes.length !== 1) return undefined;
  const dash = start.dashes[0];
  let index = 0;
  for (let line = item - 1; line >= 0; line--) {
    const shape = lines.shape(line);
    if (shape.blank || shape.indent > dash) continue;
    if (shape.indent === dash && shape.dashes[0] === dash) {
      index++;
      continue;
    }
    if (shape.key === undefined || shape.keyColumn > dash || shape.value !== '') return undefined;
    return { line, column: shape.keyColumn, key: shape.key, index };
  }
  return undefined;
}

/** The parts of a line that tell where it stands in a block structure. */
interface Shape {
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

const LINE_KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#:{}[\],"'][^:#]*?)[ \t]*:(?:[ \t]+(.*))?$/;

/** The lines of a text, each read into its shape once and only when asked. */
class Lines {
  private readonly texts: string[];
  private readonly shapes: Shape[] = [];

  constructor(text: string) {
    this.texts = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  }

  get count(): number {
    return this.texts.length;
  }

  text(line: number): string {
    return this.texts[line] ?? '';
  }

  shape(line: number): Shape {
    this.shapes[line] ??= readShape(this.text(line));
    return this.shapes[line];
  }
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
  return { blank: false, indent, dashes, keyColumn: column, key: unquote(match[1]), value: unquote(stripComment(match[2] ?? '').trim()) };
}

function stripComment(text: string): string {
  const hash = text.search(/(?:^|\s)#/);
  return hash < 0 ? text : text.slice(0, hash);
}

function unquote(text: string): string {
  if (text.length >= 2 && ((text.startsWith('"') && text.endsWith('"')) || (text.startsWith("'") && text.endsWith("'")))) return text.slice(1, -1);
  return text.replace(/^["']/, '');
}
