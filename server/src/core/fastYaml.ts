/**
 * A one-pass reader for the plain YAML that goal files are written in: block mappings and sequences,
 * one-line flow collections, one-line plain and quoted scalars resolved by the YAML 1.2 core schema, and
 * comments. It yields exactly what `parseYaml` builds with the `yaml` library (value, comments, node spans
 * and their ends, which depend on where trailing comments attach), about ten times faster. It returns
 * undefined on anything it is not certain of (anchors, tags, multi-line or block scalars, tabs, document
 * markers, empty values, unusual indentation or keys, any error), so the caller falls back to `yaml`.
 * This module must not import `yaml`: it is the fast path, and `yaml` is its oracle in the tests.
 */

import type { NodeAt, ParsedYaml, PathSpans, Span, YamlComment, YamlProblem } from './yaml';
import type { Path } from './types';

/** A node of the fast reader's tree; `start`/`end` are the `yaml` node's `range[0]`/`range[1]`. */
export type FastNode = FastScalar | FastMap | FastSeq;

/** A one-line scalar value. */
export interface FastScalar {
  readonly kind: 'scalar';
  readonly start: number;
  readonly end: number;
  readonly value: unknown;
}

/**
 * A block or flow mapping. Its entries are kept in three parallel arrays rather than as objects: keys are
 * plain words (a key ends at its start plus its length), and a 10,000-goal file has 300,000 entries whose
 * objects the garbage collector would copy.
 */
export interface FastMap {
  readonly kind: 'map';
  start: number;
  end: number;
  readonly keys: string[];
  readonly keyStarts: number[];
  readonly values: FastNode[];
}

/** A block or flow sequence. */
export interface FastSeq {
  readonly kind: 'seq';
  start: number;
  end: number;
  readonly items: FastNode[];
}

/** What the fast reader produces: the root node, its plain value and the comments, in text order. */
export interface FastParse {
  readonly root: FastNode;
  readonly value: unknown;
  readonly comments: { span: { start: number; end: number }; text: string }[];
}

/** Thrown inside the reader to give up; caught at the top and turned into `undefined`. */
class GiveUp extends Error {}

const GIVE_UP = new GiveUp('not in the plain subset');

function giveUp(): never {
  throw GIVE_UP;
}

/** Keys the reader accepts: plain words that the core schema resolves to themselves as strings. */
const KEY = /[A-Za-z_][A-Za-z0-9_./-]*/y;
/** Words that the core schema would not resolve to a string; as keys they are left to `yaml`. */
const NON_STRING_KEY = /^(?:[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|__proto__|_)$/;
/** Characters that may not start a plain scalar here (YAML indicators; `-`, `?`, `:` only before a space). */
const INDICATOR = new Set(['-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`']);
/** Block collections nested deeper than this are left to `yaml`. */
const MAX_BLOCK_DEPTH = 40;
/** Flow collections nested deeper than this are left to `yaml`. */
const MAX_FLOW_DEPTH = 16;

/** Reads a text in the plain subset, or returns undefined when `yaml` must read it. */
export function fastParse(text: string): FastParse | undefined {
  // Characters whose handling differs in ways not reproduced here: tabs, CR, BOM, NUL, other controls.
  // eslint-disable-next-line no-control-regex
  if (/[\t\r\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufeff]/.test(text)) return undefined;
  try {
    return new Reader(text).read();
  } catch {
    // Giving up, or a failure of this reader: either way `yaml` reads the text (`parseYaml` never throws).
    return undefined;
  }
}

/** An open block collection: its node and the column its entries start at. */
interface Open {
  readonly node: FastMap | FastSeq;
  readonly col: number;
  /** The plain value being built (an object for a mapping, an array for a sequence). */
  readonly value: Record<string, unknown> | unknown[];
}

/** A blank or comment-only line between the last content line and the next one. */
interface Trailer {
  /** The comment's column; -1 for a blank line. */
  readonly col: number;
  /** Offset after the line's line break (or the end of the text). */
  readonly after: number;
}

class Reader {
  private readonly comments: FastParse['comments'] = [];
  private readonly stack: Open[] = [];
  private trailers: Trailer[] = [];
  /** End of the last content line, its line break included (or the end of the text). */
  private leafLineEnd = 0;
  /** A key waiting for its value on the next lines: the mapping entry whose value is a nested block. */
  private pendingKey: { open: Open; name: string; start: number } | undefined;
  private root: Open | undefined;
  private pos = 0;

  constructor(private readonly text: string) {}

  read(): FastParse {
    const text = this.text;
    while (this.pos < text.length) {
      const lineStart = this.pos;
      let newline = text.indexOf('\n', lineStart);
      if (newline === -1) newline = text.length;
      const after = newline < text.length ? newline + 1 : newline;
      let col = lineStart;
      while (col < newline && text.charCodeAt(col) === 32) col++;
      if (col === newline) {
        this.trailers.push({ col: -1, after });
        this.pos = after;
        continue;
      }
      if (text.charCodeAt(col) === 35 /* # */) {
        this.comment(col, newline);
        this.trailers.push({ col: col - lineStart, after });
        this.pos = after;
        continue;
      }
      this.contentLine(lineStart, col - lineStart, newline);
      this.trailers = [];
      this.leafLineEnd = after;
      this.pos = after;
    }
    if (!this.root || this.pendingKey) giveUp();
    this.close(-1);
    return { root: this.root.node, value: this.root.value, comments: this.comments };
  }

  private comment(at: number, lineEnd: number): void {
    this.comments.push({ span: { start: at, end: lineEnd }, text: this.text.slice(at + 1, lineEnd) });
  }

  /** One line with content, `indent` spaces in. */
  private contentLine(lineStart: number, indent: number, lineEnd: number): void {
    const at = lineStart + indent;
    const text = this.text;
    if (indent === 0 && (text.startsWith('---', at) || text.startsWith('...', at))) giveUp();
    const dash = text.charCodeAt(at) === 45 /* - */ && (at + 1 === lineEnd || text.charCodeAt(at + 1) === 32);
    if (this.pendingKey) {
      // The value of `key:` on a previous line: a block more indented than the key's mapping.
      const { open, name, start } = this.pendingKey;
      if (indent <= open.col) giveUp();
      this.pendingKey = undefined;
      const child = this.openBlock(dash, at, indent);
      addEntry(open.node as FastMap, name, start, child.node);
      (open.value as Record<string, unknown>)[name] = child.value;
    } else if (!this.root) {
      this.root = this.openBlock(dash, at, indent);
    } else {
      this.close(indent, lineStart);
      const top = this.stack[this.stack.length - 1];
      if (!top || top.col !== indent || (top.node.kind === 'seq') !== dash) giveUp();
    }
    if (dash) this.seqItem(at, lineEnd);
    else this.mapEntry(at, lineEnd);
  }

  private openBlock(dash: boolean, at: number, col: number): Open {
    // `yaml` refuses deep nesting with a problem; far below that, deep texts are left to it.
    if (this.stack.length >= MAX_BLOCK_DEPTH) giveUp();
    const open: Open = dash
      ? { node: { kind: 'seq', start: at, end: at, items: [] }, col, value: [] }
      : { node: { kind: 'map', start: at, end: at, keys: [], keyStarts: [], values: [] }, col, value: {} };
    this.stack.push(open);
    return open;
  }

  /** `- ` at `at`: a scalar or flow item, or a compact mapping (`- key: value`). */
  private seqItem(at: number, lineEnd: number): void {
    const seq = this.stack[this.stack.length - 1];
    let content = at + 1;
    while (content < lineEnd && this.text.charCodeAt(content) === 32) content++;
    if (content === lineEnd || this.text.charCodeAt(content) === 35 /* # */) giveUp();
    const items = (seq.node as FastSeq).items;
    const keyEnd = this.keyAt(content, lineEnd);
    if (keyEnd !== undefined) {
      const map = this.openBlock(false, content, content - this.lineStartOf(content));
      items.push(map.node);
      (seq.value as unknown[]).push(map.value);
      this.mapEntry(content, lineEnd, keyEnd);
      return;
    }
    const leaf = this.leaf(content, lineEnd);
    items.push(leaf.node);
    (seq.value as unknown[]).push(leaf.value);
  }

  /**
   * `key: value` or `key:` (a nested block follows) at `at`, in the mapping on top of the stack; `keyEnd`
   * when the caller has found the key already.
   */
  private mapEntry(at: number, lineEnd: number, keyEnd = this.keyAt(at, lineEnd)): void {
    const open = this.stack[this.stack.length - 1];
    if (keyEnd === undefined) giveUp();
    const name = this.text.slice(at, keyEnd);
    // A repeated key is left to `yaml`, which reports it. Keys here are never `__proto__` (NON_STRING_KEY).
    if (Object.hasOwn(open.value, name)) giveUp();
    let content = keyEnd + 1;
    while (content < lineEnd && this.text.charCodeAt(content) === 32) content++;
    if (content === lineEnd || this.text.charCodeAt(content) === 35 /* # */) {
      if (content < lineEnd) this.comment(content, lineEnd);
      this.pendingKey = { open, name, start: at };
      return;
    }
    const leaf = this.leaf(content, lineEnd);
    addEntry(open.node as FastMap, name, at, leaf.node);
    (open.value as Record<string, unknown>)[name] = leaf.value;
  }

  /** The end of a plain key at `at` followed by `:` and a space or the line end, or undefined. */
  private keyAt(at: number, lineEnd: number): number | undefined {
    KEY.lastIndex = at;
    const match = KEY.exec(this.text);
    if (!match) return undefined;
    const end = at + match[0].length;
    if (end >= lineEnd || this.text.charCodeAt(end) !== 58 /* : */) return undefined;
    if (end + 1 < lineEnd && this.text.charCodeAt(end + 1) !== 32) return undefined;
    // Of the words KEY matches, the core schema resolves only these to something other than themselves.
    if (NON_STRING_KEY.test(match[0])) giveUp();
    return end;
  }

  private lineStartOf(offset: number): number {
    return this.text.lastIndexOf('\n', offset - 1) + 1;
  }

  /** A one-line value (scalar or flow collection) and the rest of its line (spaces, a comment). */
  private leaf(at: number, lineEnd: number): { node: FastNode; value: unknown } {
    const text = this.text;
    const first = text.charAt(at);
    let result: { node: FastNode; value: unknown; end: number };
    if (first === '[' || first === '{') result = new FlowReader(text, lineEnd).collection(at, 0);
    else if (first === '"' || first === "'") result = quoted(text, at, lineEnd);
    else result = this.blockPlain(at, lineEnd);
    let rest = result.end;
    while (rest < lineEnd && text.charCodeAt(rest) === 32) rest++;
    if (rest < lineEnd) {
      if (text.charCodeAt(rest) !== 35 /* # */ || rest === result.end) giveUp();
      this.comment(rest, lineEnd);
    }
    return result;
  }

  /** A plain scalar in block context, up to a comment or the line end. */
  private blockPlain(at: number, lineEnd: number): { node: FastScalar; value: unknown; end: number } {
    const text = this.text;
    if (INDICATOR.has(text.charAt(at)) && !(text.charAt(at) === '-' && at + 1 < lineEnd && text.charCodeAt(at + 1) !== 32)) giveUp();
    let end = at;
    while (end < lineEnd && !(text.charCodeAt(end) === 35 /* # */ && text.charCodeAt(end - 1) === 32)) end++;
    while (end > at && text.charCodeAt(end - 1) === 32) end--;
    const source = text.slice(at, end);
    if (source.includes(': ') || source.endsWith(':')) giveUp();
    const value = resolvePlain(source);
    return { node: { kind: 'scalar', start: at, end, value }, value, end };
  }

  /**
   * Closes the open collections more indented than `indent` (the next content line's, which starts at
   * `nextLineStart`; -1 at the end of the text), setting each one's end. A collection ends where its last
   * value ends, and where that is depends on the blank and comment lines after it, as `yaml` attaches them:
   * a first run of comments right of the innermost collection's column joins the last value; the rest
   * stays with the innermost collection, and moves up to its parent as it closes when every comment in it
   * is left of the collection's column (or the collection is at column 0); where it stays, the
   * collection's own end takes it in, up to the next line's indentation.
   */
  private close(indent: number, nextLineStart = this.text.length): void {
    let first = this.stack.length;
    while (first > 0 && this.stack[first - 1].col > indent) first--;
    if (first === this.stack.length) return;
    const depth = this.stack.length;
    const innermost = this.stack[depth - 1].col;
    let end = this.leafLineEnd;
    let rest = 0;
    for (let index = 0; index < this.trailers.length; index++) {
      const trailer = this.trailers[index];
      if (trailer.col === -1) continue;
      if (trailer.col <= innermost) break;
      end = trailer.after;
      rest = index + 1;
    }
    const comments = this.trailers.slice(rest).filter((trailer) => trailer.col !== -1);
    const last = this.trailers[this.trailers.length - 1];
    const runEnd = indent > 0 ? nextLineStart + indent : (last?.after ?? end);
    let staying = comments.length > 0;
    for (let index = depth - 1; index >= first; index--) {
      const open = this.stack[index];
      open.node.end = end;
      if (staying && open.col !== 0 && comments.some((comment) => comment.col >= open.col)) {
        end = Math.max(end, runEnd);
        staying = false;
      }
    }
    this.stack.length = first;
  }
}

function addEntry(map: FastMap, key: string, keyStart: number, value: FastNode): void {
  map.keys.push(key);
  map.keyStarts.push(keyStart);
  map.values.push(value);
}

/** Reads one-line flow collections (`[a, b]`, `{ k: v }`), nested, up to `lineEnd`. */
class FlowReader {
  constructor(
    private readonly text: string,
    private readonly lineEnd: number,
  ) {}

  collection(at: number, depth: number): { node: FastNode; value: unknown; end: number } {
    if (depth > MAX_FLOW_DEPTH) giveUp();
    const text = this.text;
    const isMap = text.charAt(at) === '{';
    const close = isMap ? '}' : ']';
    const map: FastMap = { kind: 'map', start: at, end: at, keys: [], keyStarts: [], values: [] };
    const items: FastNode[] = [];
    const object: Record<string, unknown> = {};
    const array: unknown[] = [];
    let pos = this.spaces(at + 1);
    if (text.charAt(pos) !== close) {
      for (;;) {
        if (isMap) {
          KEY.lastIndex = pos;
          const match = KEY.exec(text);
          if (!match) giveUp();
          const name = match[0];
          const keyEnd = pos + name.length;
          if (text.charAt(keyEnd) !== ':' || text.charAt(keyEnd + 1) !== ' ') giveUp();
          if (NON_STRING_KEY.test(name) || Object.hasOwn(object, name)) giveUp();
          const value = this.value(this.spaces(keyEnd + 1), depth);
          addEntry(map, name, pos, value.node);
          object[name] = value.value;
          pos = value.end;
        } else {
          const value = this.value(pos, depth);
          items.push(value.node);
          array.push(value.value);
          pos = value.end;
        }
        pos = this.spaces(pos);
        const next = text.charAt(pos);
        if (next === close) break;
        if (next !== ',' || pos >= this.lineEnd) giveUp();
        pos = this.spaces(pos + 1);
        // A trailing comma, an empty entry or a comment: left to `yaml`.
        if (pos >= this.lineEnd || ',]}#'.includes(text.charAt(pos))) giveUp();
      }
    }
    const end = pos + 1;
    map.end = end;
    return isMap ? { node: map, value: object, end } : { node: { kind: 'seq', start: at, end, items }, value: array, end };
  }

  private value(at: number, depth: number): { node: FastNode; value: unknown; end: number } {
    if (at >= this.lineEnd) giveUp();
    const first = this.text.charAt(at);
    if (first === '[' || first === '{') return this.collection(at, depth + 1);
    if (first === '"' || first === "'") return quoted(this.text, at, this.lineEnd);
    if (INDICATOR.has(first) && !(first === '-' && /[0-9A-Za-z.]/.test(this.text.charAt(at + 1)))) giveUp();
    let end = at;
    while (end < this.lineEnd && !',[]{}#:'.includes(this.text.charAt(end))) end++;
    // A `:` or `#` inside a flow scalar, or brackets, need rules this reader does not reproduce.
    if (end >= this.lineEnd || !',]}'.includes(this.text.charAt(end))) giveUp();
    while (end > at && this.text.charCodeAt(end - 1) === 32) end--;
    const value = resolvePlain(this.text.slice(at, end));
    return { node: { kind: 'scalar', start: at, end, value }, value, end };
  }

  private spaces(from: number): number {
    let pos = from;
    while (pos < this.lineEnd && this.text.charCodeAt(pos) === 32) pos++;
    return pos;
  }
}

/** A one-line single- or double-quoted scalar at `at`, with only the escapes this reader knows. */
function quoted(text: string, at: number, lineEnd: number): { node: FastScalar; value: unknown; end: number } {
  const quote = text.charAt(at);
  let value = '';
  let pos = at + 1;
  for (;;) {
    if (pos >= lineEnd) giveUp();
    const char = text.charAt(pos);
    if (char === quote) {
      if (quote === "'" && text.charAt(pos + 1) === "'") {
        value += "'";
        pos += 2;
        continue;
      }
      break;
    }
    if (quote === '"' && char === '\\') {
      const escaped = ESCAPES[text.charAt(pos + 1)];
      if (escaped === undefined || pos + 1 >= lineEnd) giveUp();
      value += escaped;
      pos += 2;
      continue;
    }
    value += char;
    pos++;
  }
  const end = pos + 1;
  return { node: { kind: 'scalar', start: at, end, value }, value, end };
}

/** First characters of the core schema's non-string plain scalars: `~`, null, true, false, numbers, .inf, .nan. */
const MAY_NOT_BE_STRING = new Set([...'~nNtTfF0123456789+-.'].map((char) => char.charCodeAt(0)));

/** The double-quote escapes the reader resolves; any other is left to `yaml`. */
const ESCAPES: Record<string, string> = { '\\': '\\', '"': '"', '/': '/', n: '\n', t: '\t' };

/** A plain scalar's value by the YAML 1.2 core schema, in the order `yaml` tries its tags. */
export function resolvePlain(source: string): unknown {
  // Most values are words or sentences: only these first characters can start a null, bool or number.
  if (source.length > 0 && !MAY_NOT_BE_STRING.has(source.charCodeAt(0))) return source;
  if (/^(?:~|[Nn]ull|NULL)?$/.test(source)) return null;
  if (/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(source)) return source[0] === 't' || source[0] === 'T';
  if (/^0o[0-7]+$/.test(source)) return parseInt(source.substring(2), 8);
  if (/^[-+]?[0-9]+$/.test(source)) return parseInt(source, 10);
  if (/^0x[0-9a-fA-F]+$/.test(source)) return parseInt(source.substring(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(source)) {
    return source.slice(-3).toLowerCase() === 'nan' ? NaN : source[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(source)) return parseFloat(source);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(source)) return parseFloat(source);
  return source;
}

/** The fast reader's parse as a `ParsedYaml`, or undefined when `yaml` must read the text. */
export function parseFast(text: string): ParsedYaml | undefined {
  const fast = fastParse(text);
  return fast && new FastParsed(text, fast);
}

/** Answers `locate` and `scalarAt` from the fast tree exactly as `parseYaml` does from `yaml`'s. */
class FastParsed implements ParsedYaml {
  readonly value: unknown;
  readonly problems: readonly YamlProblem[] = [];
  readonly comments: readonly YamlComment[];
  private readonly root: FastNode;

  constructor(
    readonly text: string,
    fast: FastParse,
  ) {
    this.value = fast.value;
    this.comments = fast.comments;
    this.root = fast.root;
  }

  scalarAt(offset: number): NodeAt | undefined {
    let node: FastNode = this.root;
    if (!within(node, offset)) return undefined;
    const path: (string | number)[] = [];
    for (;;) {
      let next: FastNode | undefined;
      if (node.kind === 'map') {
        for (let index = 0; index < node.keys.length; index++) {
          const key = keySpan(node, index);
          if (offset >= key.start && offset <= key.end) return { path: [...path, node.keys[index]], part: 'key', span: key };
          if (within(node.values[index], offset)) {
            path.push(node.keys[index]);
            next = node.values[index];
            break;
          }
        }
      } else if (node.kind === 'seq') {
        const index = node.items.findIndex((item) => within(item, offset));
        if (index >= 0) {
          path.push(index);
          next = node.items[index];
        }
      }
      if (!next) return node.kind === 'scalar' ? { path: [...path], part: 'value', span: { start: node.start, end: node.end } } : undefined;
      node = next;
    }
  }

  locate(path: Path): PathSpans {
    let node: FastNode = this.root;
    let key: Span | undefined;
    for (const segment of path) {
      let next: { key?: Span; value: FastNode } | undefined;
      if (node.kind === 'seq' && typeof segment === 'number') {
        const item = node.items[segment];
        next = item && { value: item };
      } else if (node.kind === 'map') {
        const index = node.keys.indexOf(String(segment));
        next = index === -1 ? undefined : { key: keySpan(node, index), value: node.values[index] };
      }
      if (!next) return this.spans(node, key, false);
      key = next.key;
      node = next.value;
    }
    return this.spans(node, key, true);
  }

  private spans(node: FastNode, key: Span | undefined, exact: boolean): PathSpans {
    let value: Span = { start: node.start, end: node.end };
    if (value.end <= value.start && key) value = key;
    return { key, value, head: this.head(node, value), exact };
  }

  private head(node: FastNode, value: Span): Span {
    if (node.kind === 'map') {
      const idIndex = node.keys.indexOf('id');
      const id = idIndex === -1 ? undefined : node.values[idIndex];
      if (id && id.kind === 'scalar' && id.end > id.start) return { start: id.start, end: id.end };
      if (node.keys.length > 0) return keySpan(node, 0);
    }
    return { start: value.start, end: Math.min(value.end, firstLineEnd(this.text, value.start)) };
  }
}

/** Where a mapping's `index`th key is: a plain word, as long as its text. */
function keySpan(map: FastMap, index: number): Span {
  return { start: map.keyStarts[index], end: map.keyStarts[index] + map.keys[index].length };
}

function within(node: FastNode, offset: number): boolean {
  return offset >= node.start && offset <= node.end;
}

/** Where the line holding `from` ends, looking at most 10,000 characters ahead (as `parseYaml` does). */
function firstLineEnd(text: string, from: number): number {
  const match = /[\r\n]/.exec(text.slice(from, from + 10_000));
  return match ? from + match.index : Math.min(text.length, from + 10_000);
}
