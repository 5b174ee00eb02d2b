/**
 * The only module that imports `yaml`. It turns a text into a plain value plus what the rest of the core
 * needs to point back into the text: offset spans for paths, the comments, and every parser problem.
 */
import { Composer, Parser, isAlias, isCollection, isMap, isPair, isScalar, isSeq, visit } from 'yaml';
import type { Document, Node as YamlNode, Pair } from 'yaml';
import type { Path } from './types';
import { appendAll } from './arrays';
import { parseFast } from './fastYaml';

/** A stretch of the text as UTF-16 offsets, 0-based, `end` exclusive. */
export interface Span {
  start: number;
  end: number;
}

/** A problem the YAML parser found, at its offsets. */
export interface YamlProblem {
  message: string;
  span: Span;
  /**
   * True when the rest of the document was still read as written (a repeated key, an extra document), so
   * findings built on the value around it stay trustworthy.
   */
  contained?: boolean;
}

/** A `#` comment of the text; `text` excludes the `#`. */
export interface YamlComment {
  span: Span;
  text: string;
}

/** Where a path points: the key (for a mapping entry), the value, and whether the whole path exists. */
export interface PathSpans {
  key?: Span;
  value: Span;
  /** A short span that names the node: a mapping's `id` value or first key, else the value's first line. */
  head: Span;
  /** False when the path does not exist and these are the spans of its closest existing ancestor. */
  exact: boolean;
}

/** A parsed goals or config file. */
export interface ParsedYaml {
  readonly text: string;
  /** The plain value of the (first) document; `undefined` when the file is empty or could not be built. */
  readonly value: unknown;
  readonly problems: readonly YamlProblem[];
  readonly comments: readonly YamlComment[];
  /** Spans of the node at `path`, or of its closest existing ancestor. */
  locate(path: Path): PathSpans;
  /** The scalar at a 0-based offset (a key, or a scalar value): its path, which part it is, and its span. */
  scalarAt(offset: number): NodeAt | undefined;
}

/** A scalar at an offset of the document. */
export interface NodeAt {
  readonly path: Path;
  readonly part: 'key' | 'value';
  readonly span: Span;
}

/** Aliases beyond this count are refused: an alias bomb would otherwise expand exponentially. */
const MAX_ALIAS_COUNT = 100;

/**
 * Collections nested deeper than this are refused before composing: the composer recurses, and near the
 * stack limit V8 can die outright (a fatal out-of-memory while compiling a regexp) instead of throwing.
 */
const MAX_DEPTH = 100;

/**
 * Parses one YAML text. Never throws: every failure becomes a problem at a position. Texts in the plain
 * subset goal files use are read by the fast reader (same result, several times faster); `yaml` reads the rest.
 */
export function parseYaml(text: string): ParsedYaml {
  return parseFast(text) ?? parseYamlWithLibrary(text);
}

/** Parses one YAML text with the `yaml` library alone: the fast reader's oracle in the tests. */
export function parseYamlWithLibrary(text: string): ParsedYaml {
  const problems: YamlProblem[] = [];
  const comments: YamlComment[] = [];
  const whole: Span = { start: 0, end: Math.min(text.length, firstLineEnd(text, 0)) };
  if (text.includes('\u0000')) {
    problems.push({ message: 'The file is not text: it contains NUL bytes.', span: whole });
    return new Parsed(text, undefined, problems, comments, undefined);
  }
  let doc: Document.Parsed | undefined;
  // YAML counts a lone \r as a line break (as LineIndex and LSP do) but the parser does not; replacing it
  // with \n keeps every offset.
  const source = text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
  try {
    const tokens = Array.from(new Parser().parse(source));
    // The walk of the CST is skipped when the text shows it cannot find anything: most chunks the editor
    // and the CLI parse have no comment and few indicators.
    const checkDepth = mayNestTooDeep(source);
    const tooDeep = checkDepth || source.includes('#') ? walkComments(tokens, comments, checkDepth) : undefined;
    if (tooDeep !== undefined) {
      // Brackets nested that deep are the text's own; block mappings that deep are the parser's recovery
      // from a bracket never closed, which is then the one mistake to report.
      const recovery = bracketPeak(text) <= MAX_DEPTH ? unclosedFlows(text, tokens)[0]?.problem : undefined;
      problems.push(
        recovery ?? {
          message: `The YAML is nested more than ${MAX_DEPTH} levels deep, too deep to be read.`,
          span: { start: tooDeep, end: Math.min(text.length, tooDeep + 1) },
        },
      );
      return new Parsed(text, undefined, problems, comments, undefined);
    }
    // Keys are checked for uniqueness here (duplicateKeys), not by the composer, whose check compares each
    // key with every key before it: a mapping of 100,000 keys took minutes.
    const docs = Array.from(new Composer({ prettyErrors: false, uniqueKeys: false, logLevel: 'error', merge: true }).compose(tokens, true, source.length));
    doc = docs[0];
    // The parser's own words for a flow collection it had to end early, and for lines it misread while
    // still inside one: after a bracket never closed, the same mistake.
    const flowEnds = new Set<YamlProblem>();
    const misreadLines = new Set<YamlProblem>();
    for (const [index, extra] of docs.entries()) {
      for (const error of [...inPositionOrder(extra.errors, duplicateKeys(extra)), ...extra.warnings]) {
        const span = { start: error.pos[0], end: Math.max(error.pos[1], error.pos[0]) };
        const problem = explain(error.code, error.message, span, text, tokens);
        problems.push(problem);
        if ((error.code === 'BAD_INDENT' || error.code === 'MISSING_CHAR') && /^flow (sequence|map)/i.test(error.message)) flowEnds.add(problem);
        if (error.code === 'MULTILINE_IMPLICIT_KEY' || error.code === 'BLOCK_AS_IMPLICIT_KEY' || error.code === 'BLOCK_IN_FLOW') misreadLines.add(problem);
      }
      if (index > 0) {
        const start = extra.range[0];
        problems.push({
          contained: true,
          message: `A goals file holds one YAML document; document ${index + 1} is ignored.`,
          span: { start, end: text.startsWith('---', start) ? start + 3 : firstLineEnd(text, start) },
        });
      }
    }
    const unclosed = problems.length > 0 ? unclosedFlows(text, tokens) : [];
    if (unclosed.length > 0) {
      reportUnclosedOnce(problems, unclosed, flowEnds, misreadLines);
      // A root that is an unclosed collection holds the whole file misread: no value, so no rule reads it.
      const root = doc?.contents;
      if (isCollection(root) && unclosed.some(({ problem }) => problem.span.start === root.range?.[0]))
        return new Parsed(text, undefined, problems, comments, undefined);
    }
  } catch (error) {
    problems.push({ message: failureMessage(error), span: whole });
    return new Parsed(text, undefined, problems, comments, undefined);
  }
  let value: unknown;
  try {
    value = doc?.contents == null ? undefined : doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const unresolved = doc && error instanceof ReferenceError && /unresolved alias/i.test(error.message) ? unresolvedAliases(doc) : [];
    appendAll(problems, unresolved.length > 0 ? unresolved : [{ message: failureMessage(error), span: whole }]);
  }
  return new Parsed(text, value, problems, comments, doc);
}

class Parsed implements ParsedYaml {
  constructor(
    readonly text: string,
    readonly value: unknown,
    readonly problems: readonly YamlProblem[],
    readonly comments: readonly YamlComment[],
    private readonly doc: Document.Parsed | undefined,
  ) {}

  scalarAt(offset: number): NodeAt | undefined {
    let node: YamlNode | null | undefined = this.doc?.contents;
    if (!node || !within(node.range, offset)) return undefined;
    const path: (string | number)[] = [];
    // Iterative descent: the document may be deep, and each step narrows to the child holding the offset.
    for (;;) {
      let next: YamlNode | undefined;
      if (isMap(node)) {
        for (const pair of node.items) {
          const key = pair.key as YamlNode | null;
          if (isScalar(key) && key.range && offset >= key.range[0] && offset <= key.range[1]) {
            return { path: [...path, String(key.value)], part: 'key', span: spanOfRange(key.range) };
          }
          const value = pair.value as YamlNode | null;
          if (isScalar(key) && isNode(value) && within(value.range, offset)) {
            path.push(String(key.value));
            next = value;
            break;
          }
        }
      } else if (isSeq(node)) {
        const index = node.items.findIndex((item) => isNode(item) && within((item as YamlNode).range, offset));
        if (index >= 0) {
          path.push(index);
          next = node.items[index] as YamlNode;
        }
      }
      if (!next) return isScalar(node) ? { path: [...path], part: 'value', span: spanOfRange(node.range) } : undefined;
      node = next;
    }
  }

  locate(path: Path): PathSpans {
    const contents = this.doc?.contents;
    if (!contents) {
      const empty = { start: 0, end: firstLineEnd(this.text, 0) };
      return { value: empty, head: empty, exact: path.length === 0 };
    }
    let node: YamlNode = contents;
    let key: Span | undefined;
    for (const segment of path) {
      const next = child(node, segment);
      if (!next) return this.spans(node, key, false);
      key = next.key;
      if (!next.value) return this.spans(node, key, false, true);
      node = next.value;
    }
    return this.spans(node, key, true);
  }

  /** `keyOnly`: the path ends at a key whose value is missing, so the key stands for the value. */
  private spans(node: YamlNode, key: Span | undefined, exact: boolean, keyOnly = false): PathSpans {
    if (keyOnly && key) return { key, value: key, head: key, exact };
    const [start, valueEnd] = node.range ?? [0, 0];
    let value: Span = { start, end: valueEnd };
    if (value.end <= value.start && key) value = key;
    return { key, value, head: this.head(node, value), exact };
  }

  private head(node: YamlNode, value: Span): Span {
    if (isMap(node)) {
      const idPair = node.items.find((pair) => isScalar(pair.key) && pair.key.value === 'id');
      const idValue = idPair && isScalar(idPair.value) ? idPair.value.range : undefined;
      if (idValue && idValue[1] > idValue[0]) return { start: idValue[0], end: idValue[1] };
      const firstKey = node.items[0]?.key;
      if (isScalar(firstKey) && firstKey.range) return { start: firstKey.range[0], end: firstKey.range[1] };
    }
    return { start: value.start, end: Math.min(value.end, firstLineEnd(this.text, value.start)) };
  }
}

function child(node: YamlNode, segment: string | number): { key?: Span; value?: YamlNode } | undefined {
  if (isSeq(node) && typeof segment === 'number') {
    const item = node.items[segment];
    return isNode(item) ? { value: item } : undefined;
  }
  if (isMap(node)) {
    const pair = node.items.find((candidate: Pair) => isScalar(candidate.key) && String(candidate.key.value) === String(segment));
    if (!pair || !isScalar(pair.key) || !pair.key.range) return undefined;
    const key = { start: pair.key.range[0], end: pair.key.range[1] };
    const value = isNode(pair.value) && !isAlias(pair.value) && !isEmptyScalar(pair.value) ? pair.value : undefined;
    return { key, value };
  }
  return undefined;
}

function within(range: readonly number[] | null | undefined, offset: number): boolean {
  return !!range && offset >= range[0] && offset <= range[1];
}

function spanOfRange(range: readonly number[] | null | undefined): Span {
  return { start: range?.[0] ?? 0, end: range?.[1] ?? 0 };
}

function isNode(value: unknown): value is YamlNode {
  return value != null && typeof value === 'object' && 'range' in value && !isPair(value);
}

function isEmptyScalar(node: YamlNode): boolean {
  return isScalar(node) && node.value === null && (node.range?.[1] ?? 0) <= (node.range?.[0] ?? 0);
}

/**
 * Whether a text might nest collections deeper than MAX_DEPTH. Along any chain of nested collections each
 * one owns an indicator of its own (`:` `?` `-` `[` `{`), even in the parser's error recovery, where an
 * unclosed `[` or a line of `a: a: a:` nests a mapping per key; so a text with at most MAX_DEPTH of them
 * cannot be too deep, and the exact walk runs only for the others.
 */
function mayNestTooDeep(text: string): boolean {
  let indicators = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 58 /* : */ || code === 45 /* - */ || code === 63 /* ? */ || code === 91 /* [ */ || code === 123 /* { */) {
      if (++indicators > MAX_DEPTH) return true;
    }
  }
  return false;
}

/**
 * Collects every comment token of the CST into `into`, in text order, in one walk that also finds (when
 * `checkDepth`) the offset of the first collection nested deeper than MAX_DEPTH.
 */
function walkComments(tokens: unknown[], into: YamlComment[], checkDepth: boolean): number | undefined {
  let tooDeep: number | undefined;
  walkCst(tokens, (token, depth) => {
    if (checkDepth && depth > MAX_DEPTH && typeof token.offset === 'number' && (tooDeep === undefined || token.offset < tooDeep)) tooDeep = token.offset;
    if (token.type !== 'comment') return true;
    if (typeof token.offset === 'number' && typeof token.source === 'string') {
      into.push({ span: { start: token.offset, end: token.offset + token.source.length }, text: token.source.slice(1) });
    }
    return false;
  });
  into.sort((a, b) => a.span.start - b.span.start);
  return tooDeep;
}

/**
 * Visits every token of the CST with its collection depth, without recursion (the input may be deeply
 * nested), through only the fields that hold tokens. `visit` returns false to skip a token's children.
 */
function walkCst(tokens: unknown[], visit: (token: CstNode, depth: number) => boolean): void {
  const items: unknown[] = [...tokens];
  const depths: number[] = tokens.map(() => 0);
  while (items.length > 0) {
    const item = items.pop();
    const outer = depths.pop() as number;
    if (item === null || typeof item !== 'object') continue;
    if (Array.isArray(item)) {
      for (const entry of item) {
        items.push(entry);
        depths.push(outer);
      }
      continue;
    }
    const token = item as CstNode;
    const collection = token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection';
    const depth = collection ? outer + 1 : outer;
    if (!visit(token, depth)) continue;
    for (const field of CST_CHILDREN) {
      const child = token[field];
      if (child !== null && typeof child === 'object') {
        items.push(child);
        depths.push(depth);
      }
    }
  }
}

/** The fields of CST tokens and collection items that can hold other tokens. */
const CST_CHILDREN = ['start', 'key', 'sep', 'value', 'items', 'end', 'props'] as const;

type CstNode = { type?: unknown; offset?: unknown; source?: unknown } & Partial<Record<(typeof CST_CHILDREN)[number], unknown>>;

/**
 * A parser error in a strategist's words, at the place the mistake was made. Two errors need both: an
 * unclosed quote is reported where the file ends (the quote swallowed everything after it), and an
 * unquoted `: ` inside a value reads as a nested mapping.
 */
function explain(code: string, message: string, span: Span, text: string, tokens: unknown[]): YamlProblem {
  if (code === 'DUPLICATE_KEY') return duplicateKey(text, span);
  if (code === 'MISSING_CHAR' && /quote/i.test(message)) {
    const opened = unclosedQuote(tokens, span.start);
    if (opened !== undefined) {
      const quote = text.charAt(opened);
      return {
        message: `This value opens a quote (${quote}) that is never closed, so the lines after it are read into the value; add the closing ${quote}.`,
        span: { start: opened, end: Math.max(opened + 1, firstLineEnd(text, opened)) },
      };
    }
  }
  if (code === 'BLOCK_AS_IMPLICIT_KEY') {
    const end = firstLineEnd(text, span.start);
    const value = stripLineComment(text.slice(span.start, end)).trimEnd();
    if (value.includes(': ')) {
      const quoted = value.length > 60 ? `"${value.slice(0, 60).replace(/["\\]/g, '\\$&')}…"` : JSON.stringify(value);
      return {
        message: `A value containing \`: \` must be quoted, or YAML reads it as a new key; write ${quoted}.`,
        span: { start: span.start, end: span.start + value.length },
      };
    }
  }
  return { message: sentence(message), span };
}

/** The deepest nesting of brackets in a text, counted as characters (brackets in strings count too). */
function bracketPeak(text: string): number {
  let open = 0;
  let peak = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 91 /* [ */ || code === 123 /* { */) peak = Math.max(peak, ++open);
    else if ((code === 93 /* ] */ || code === 125) /* } */ && open > 0) open--;
  }
  return peak;
}

/**
 * Every flow collection (`[` or `{`) that is never closed and not inside another one, in text order, as
 * one problem at its bracket, with the offset where the parser's reading of it ends: the parser reads the
 * lines after the bracket into the collection (until indentation lets it recover, or to the end of the
 * file) and reports each one, a cascade from one keystroke.
 */
function unclosedFlows(text: string, tokens: unknown[]): { problem: YamlProblem; readsTo: number }[] {
  const found: { problem: YamlProblem; readsTo: number }[] = [];
  walkCst(tokens, (token) => {
    if (token.type !== 'flow-collection' || typeof token.offset !== 'number') return true;
    const closers = Array.isArray(token.end) ? (token.end as CstNode[]) : [];
    if (closers.some((end) => end.type === 'flow-seq-end' || end.type === 'flow-map-end')) return true;
    const start = token.offset;
    let readsTo = start + 1;
    walkCst([token], (inner) => {
      if (typeof inner.offset === 'number' && typeof inner.source === 'string') readsTo = Math.max(readsTo, inner.offset + inner.source.length);
      return true;
    });
    const bracket = text.charAt(start);
    const closer = bracket === '[' ? ']' : '}';
    const kind = bracket === '[' ? 'sequence' : 'mapping';
    found.push({
      problem: {
        message: `This \`${bracket}\` opens a flow ${kind} that is never closed, so YAML reads the lines after it into it; add the closing \`${closer}\` or remove the \`${bracket}\`.`,
        span: { start, end: start + 1 },
      },
      readsTo,
    });
    // What is inside is misread; an unclosed bracket in it is not a mistake of its own.
    return false;
  });
  return found.sort((x, y) => x.problem.span.start - y.problem.span.start);
}

/**
 * Replaces what the parser reported inside each unclosed flow collection with the one problem at the
 * bracket: problems within the collection as the CST holds it, the parser's words for ending it early
 * (the first of `flowEnds` after the bracket, and any at that same place), and the lines it misread as keys until the next unclosed
 * bracket (`misreadLines`: after a comment inside the collection the parser stays in it, line after line).
 */
function reportUnclosedOnce(
  problems: YamlProblem[],
  unclosed: { problem: YamlProblem; readsTo: number }[],
  flowEnds: Set<YamlProblem>,
  misreadLines: Set<YamlProblem>,
): void {
  const dropped = new Set<YamlProblem>();
  // One sweep, not a pass over every problem per bracket: a file of thousands of unclosed brackets took minutes.
  const byStart = [...problems].sort((x, y) => x.span.start - y.span.start);
  const ends = problems.filter((other) => flowEnds.has(other));
  const endsAt = new Map<number, YamlProblem[]>();
  for (const end of ends) {
    const same = endsAt.get(end.span.start);
    if (same) same.push(end);
    else endsAt.set(end.span.start, [end]);
  }
  let nextEnd = 0;
  for (const [index, { problem, readsTo }] of unclosed.entries()) {
    const from = problem.span.start;
    const until = unclosed[index + 1]?.problem.span.start ?? Infinity;
    for (let at = firstAtOrAfter(byStart, from); at < byStart.length && byStart[at].span.start < Math.max(readsTo, until); at++) {
      const other = byStart[at];
      if (other.span.start < readsTo || misreadLines.has(other)) dropped.add(other);
    }
    // The first of the parser's words for ending a collection early, in its order, after this bracket; the
    // brackets are in text order, so one left behind here is behind every later bracket too.
    while (nextEnd < ends.length && (dropped.has(ends[nextEnd]) || ends[nextEnd].span.start < from)) nextEnd++;
    // Brackets nested inside and never closed either end at the same place: one word for each.
    const end = ends[nextEnd];
    if (end) for (const other of endsAt.get(end.span.start) ?? []) dropped.add(other);
  }
  const kept = problems.filter((problem) => !dropped.has(problem));
  appendAll(
    kept,
    unclosed.map(({ problem }) => problem),
  );
  kept.sort((x, y) => x.span.start - y.span.start);
  problems.length = 0;
  appendAll(problems, kept);
}

/** The index of the first problem of `sorted` (by start) that starts at or after `offset`. */
function firstAtOrAfter(sorted: readonly YamlProblem[], offset: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle].span.start < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The offset of the quote that opens the quoted scalar running up to `end`, from the CST. */
function unclosedQuote(tokens: unknown[], end: number): number | undefined {
  let found: number | undefined;
  walkCst(tokens, (token) => {
    const quoted = token.type === 'double-quoted-scalar' || token.type === 'single-quoted-scalar';
    if (quoted && typeof token.offset === 'number' && typeof token.source === 'string' && token.offset < end && token.offset + token.source.length >= end) {
      if (found === undefined || token.offset > found) found = token.offset;
    }
    return true;
  });
  return found;
}

/** A line's text before its comment (a `#` after white space). */
function stripLineComment(line: string): string {
  const hash = line.search(/\s#/);
  return hash < 0 ? line : line.slice(0, hash);
}

/** The parser says only "Map keys must be unique" at the key's first character; name the key and span it. */
function duplicateKey(text: string, at: Span): YamlProblem {
  const match = /^(?:"(?:[^"\\\r\n]|\\.)*"|'(?:[^'\r\n]|'')*'|[^\r\n:]*[^\s:])(?=\s*:)/.exec(text.slice(at.start, at.start + 1024));
  if (!match) return { message: 'This key is repeated in its mapping; each key may appear only once.', span: at, contained: true };
  const key = match[0].length > 60 ? `${match[0].slice(0, 60)}…` : match[0];
  return {
    message: `The key \`${key}\` is repeated in this mapping; each key may appear only once.`,
    span: { start: at.start, end: at.start + match[0].length },
    contained: true,
  };
}

function firstLineEnd(text: string, from: number): number {
  const match = /[\r\n]/.exec(text.slice(from, from + 10_000));
  return match ? from + match.index : Math.min(text.length, from + 10_000);
}

function sentence(message: string): string {
  // The composer reports its own stack overflow as a document error rather than throwing.
  if (/call stack/i.test(message)) return TOO_DEEP;
  const trimmed = message.trim().replace(/\s+/g, ' ');
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

const TOO_DEEP = 'The YAML is nested too deeply to be read.';

/** A composer-style error: the code, message and position `explain` reads. */
interface RawError {
  readonly code: string;
  readonly message: string;
  readonly pos: readonly [number, number];
}

/**
 * Every key repeated in its mapping, as the composer reports it with `uniqueKeys` (a scalar key equal by
 * value to one before it, at the key's first character), in one pass over each mapping.
 */
function duplicateKeys(doc: Document.Parsed): RawError[] {
  const found: RawError[] = [];
  visit(doc, {
    Map: (_key, map) => {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        const key = pair.key;
        if (!isScalar(key)) continue;
        // The composer compares with ===, so NaN never repeats; a Set would say it does.
        if (Number.isNaN(key.value)) continue;
        if (seen.has(key.value)) {
          const at = key.range?.[0] ?? 0;
          found.push({ code: 'DUPLICATE_KEY', message: 'Map keys must be unique', pos: [at, at + 1] });
        } else seen.add(key.value);
      }
    },
  });
  return found;
}

/** `extra` merged into `errors` (in the composer's order, which follows the text) by position, stably. */
function inPositionOrder<E extends { readonly pos: readonly [number, number] }>(errors: readonly E[], extra: readonly RawError[]): (E | RawError)[] {
  const sorted = [...extra].sort((a, b) => a.pos[0] - b.pos[0]);
  const merged: (E | RawError)[] = [];
  let next = 0;
  for (const error of errors) {
    while (next < sorted.length && sorted[next].pos[0] < error.pos[0]) merged.push(sorted[next++]);
    merged.push(error);
  }
  while (next < sorted.length) merged.push(sorted[next++]);
  return merged;
}

/** Every alias (`*name`) with no anchor (`&name`) before it, at its position. */
function unresolvedAliases(doc: Document.Parsed): YamlProblem[] {
  const problems: YamlProblem[] = [];
  visit(doc, {
    Alias: (_key, node) => {
      if (node.resolve(doc) !== undefined || !node.range) return;
      const name = node.source.length > 60 ? `${node.source.slice(0, 60)}…` : node.source;
      problems.push({ message: `The alias \`*${name}\` refers to no anchor \`&${name}\` set before it.`, span: { start: node.range[0], end: node.range[1] } });
    },
  });
  return problems;
}

function failureMessage(error: unknown): string {
  if (error instanceof RangeError) return TOO_DEEP;
  if (error instanceof ReferenceError && /excessive alias count/i.test(error.message)) {
    return `The YAML uses aliases more than ${MAX_ALIAS_COUNT} times, which looks like an alias bomb; it was not expanded.`;
  }
  return sentence(error instanceof Error ? error.message : String(error));
}
