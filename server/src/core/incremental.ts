/**
 * Incremental parsing for the editor: a goals file is cut into chunks (each top-level section, and each
 * item of a block-sequence section such as `goals:`), every chunk is parsed on its own and cached by its
 * text, so a keystroke re-parses one item instead of the whole file. The result is the same as
 * `parseYaml` of the whole text; whenever that cannot be guaranteed (YAML errors, anchors across items,
 * document markers, unusual layout) it falls back to parsing the whole text.
 */
import { parseYaml, type NodeAt, type ParsedYaml, type PathSpans, type Span, type YamlComment, type YamlProblem } from './yaml';
import type { Path } from './types';
import { appendAll } from './arrays';
import { chunkTexts, planChunks, replanChunks, type Plan, type PlannedChunk } from './chunkPlan';
import type { TextChange } from './textChange';

interface Chunk {
  /** Offset of the chunk's first character in the file. */
  readonly start: number;
  readonly parsed: ParsedYaml;
}

interface Section {
  readonly key: string;
  readonly keySpan: Span;
  /** A block sequence: the key line (with any comments before it) as `head`, then one chunk per item. */
  readonly head?: Chunk;
  readonly items?: Chunk[];
  /** Any other section: one chunk holding `key: value`. */
  readonly whole?: Chunk;
}

/** Parses successive versions of one file, reusing the parse of every chunk whose text did not change. */
export class IncrementalParser {
  private cache = new Map<string, ParsedYaml>();

  /** The last text planned, and its plan: the next edit re-cuts only the items it touches. */
  private previous: { readonly text: string; readonly plan: Plan } | undefined;
  /** How the last text was planned, for tests: from the previous plan, from scratch, or not at all (a whole parse). */
  lastPlanning: 'replanned' | 'planned' | 'whole' = 'whole';

  /**
   * Parses a text; same result as `parseYaml(text)`. `change` is how the text differs from the one parsed
   * before, when the caller knows it (else it is found by comparing the two).
   */
  parse(text: string, change?: TextChange): ParsedYaml {
    const replanned = this.previous && replanChunks(this.previous, text, change);
    const plan = replanned ?? planChunks(text);
    this.previous = plan && { text, plan };
    this.lastPlanning = replanned ? 'replanned' : plan ? 'planned' : 'whole';
    if (!plan) return parseYaml(text);
    // Only the chunks of this version stay cached: a new text is parsed once, a known one reused.
    const next = new Map<string, ParsedYaml>();
    for (const source of chunkTexts(plan)) {
      if (!next.has(source)) next.set(source, this.cache.get(source) ?? parseYaml(source));
    }
    this.cache = next;
    const sections = build(plan, (source) => next.get(source) as ParsedYaml);
    return sections ? new Composed(text, sections) : parseYaml(text);
  }
}

/** Sections from a plan and the parse of each chunk; undefined when a chunk shows a whole parse is needed. */
function build(plan: Plan, parsedOf: (source: string) => ParsedYaml): Section[] | undefined {
  const sections: Section[] = [];
  for (const section of plan) {
    if (section.whole) {
      const whole = { start: section.whole.start, parsed: parsedOf(section.whole.source) };
      const value = whole.parsed.value as Record<string, unknown> | undefined;
      if (whole.parsed.problems.length > 0 || value === undefined || value === null || typeof value !== 'object' || !(section.key in value)) return undefined;
      sections.push({ key: section.key, keySpan: section.keySpan, whole });
      continue;
    }
    // The key line and its leading comments must parse as `key:` alone, and the items as one-item lists.
    const planned = section.head as PlannedChunk;
    const head = { start: planned.start, parsed: parsedOf(planned.source) };
    if (head.parsed.problems.length > 0) return undefined;
    const chunks: Chunk[] = [];
    for (const item of section.items ?? []) {
      const parsed = parsedOf(item.source);
      if (parsed.problems.length > 0 || !Array.isArray(parsed.value) || parsed.value.length !== 1) return undefined;
      chunks.push({ start: item.start, parsed });
    }
    sections.push({ key: section.key, keySpan: section.keySpan, head, items: chunks });
  }
  return sections;
}

/** A parse assembled from chunk parses, with every offset shifted back into the whole text. */
class Composed implements ParsedYaml {
  readonly value: Record<string, unknown>;
  readonly problems: readonly YamlProblem[] = [];
  readonly comments: readonly YamlComment[];

  constructor(
    readonly text: string,
    private readonly sections: readonly Section[],
  ) {
    this.value = {};
    const comments: YamlComment[] = [];
    for (const section of sections) {
      if (section.whole) {
        this.value[section.key] = (section.whole.parsed.value as Record<string, unknown>)[section.key];
        appendAll(comments, shiftComments(section.whole));
      } else if (section.head && section.items) {
        appendAll(comments, shiftComments(section.head));
        this.value[section.key] = section.items.map((chunk) => (chunk.parsed.value as unknown[])[0]);
        for (const chunk of section.items) appendAll(comments, shiftComments(chunk));
      }
    }
    this.comments = comments;
  }

  locate(path: Path): PathSpans {
    if (path.length === 0) return { key: undefined, value: this.rootValue(), head: this.rootHead(), exact: true };
    const section = this.sections.find((candidate) => candidate.key === String(path[0]));
    if (!section) return { ...this.locate([]), exact: false };
    if (section.whole) return shift(section.whole, section.whole.parsed.locate(path));
    const items = section.items ?? [];
    const value = this.sectionValue(section);
    const sectionSpans: PathSpans = { key: section.keySpan, value, head: { start: value.start, end: lineEnd(this.text, value.start, value.end) }, exact: true };
    if (path.length === 1) return sectionSpans;
    const index = path[1];
    const chunk = typeof index === 'number' ? items[index] : undefined;
    if (!chunk) return { ...sectionSpans, exact: false };
    const spans = shift(chunk, chunk.parsed.locate([0, ...path.slice(2)]));
    // Inside a chunk the item has no key; in the whole document, neither does a sequence item.
    return path.length === 2 ? { ...spans, key: undefined } : spans;
  }

  /**
   * As a whole parse walks the root mapping: the first section whose key or value holds the offset decides,
   * and within a list the first item that holds it (an offset where one section's value ends and the next
   * key starts is the value's, and finds nothing there).
   */
  scalarAt(offset: number): NodeAt | undefined {
    const root = this.rootValue();
    if (offset < root.start || offset > root.end) return undefined;
    for (const section of this.sections) {
      if (offset >= section.keySpan.start && offset <= section.keySpan.end) return { path: [section.key], part: 'key', span: section.keySpan };
      const value = this.sectionValue(section);
      if (offset < value.start || offset > value.end) continue;
      if (section.whole) {
        const found = section.whole.parsed.scalarAt(offset - section.whole.start);
        return found && { path: found.path, part: found.part, span: shiftSpan(section.whole.start, found.span) };
      }
      const items = section.items ?? [];
      for (let index = 0; index < items.length; index++) {
        const chunk = items[index];
        const item = shift(chunk, chunk.parsed.locate([0])).value;
        if (offset < item.start || offset > item.end) continue;
        // Inside an item chunk the item is `[0, …]`; in the file it is `[section, index, …]`.
        const found = chunk.parsed.scalarAt(offset - chunk.start);
        return found && { path: [section.key, index, ...found.path.slice(1)], part: found.part, span: shiftSpan(chunk.start, found.span) };
      }
      return undefined;
    }
    return undefined;
  }

  /** The root mapping's span: from the first key to where the last section's chunk ends (its trailing line break included). */
  private rootValue(): Span {
    const first = this.sections[0].keySpan;
    const last = this.sections[this.sections.length - 1];
    const chunk = last.whole ?? last.items?.[last.items.length - 1];
    return { start: first.start, end: chunk ? shift(chunk, chunk.parsed.locate([])).value.end : first.end };
  }

  /**
   * The root mapping's head, as a whole parse gives it: its `id` when that is a scalar written out (a mapping
   * names itself by its id), else its first key.
   */
  private rootHead(): Span {
    const id = this.sections.find((section) => section.key === 'id')?.whole;
    const value = id && (id.parsed.value as Record<string, unknown>).id;
    if (id && (value === null || typeof value !== 'object')) {
      const spans = shift(id, id.parsed.locate(['id']));
      // An empty value is located at its key: then there is no id to show.
      const empty = spans.key !== undefined && spans.value.start === spans.key.start && spans.value.end === spans.key.end;
      if (!empty && spans.value.end > spans.value.start) return spans.value;
    }
    return this.sections[0].keySpan;
  }

  private sectionValue(section: Section): Span {
    if (section.whole) return shift(section.whole, section.whole.parsed.locate([section.key])).value;
    const items = section.items ?? [];
    const first = shift(items[0], items[0].parsed.locate([0])).value;
    // The sequence ends where the last item's one-item sequence ends (its trailing line break included).
    const last = shift(items[items.length - 1], items[items.length - 1].parsed.locate([])).value;
    // A sequence starts at its first item's dash.
    return { start: items[0].start + this.text.slice(items[0].start, first.start).indexOf('-'), end: last.end };
  }
}

function shiftComments(chunk: Chunk): YamlComment[] {
  return chunk.parsed.comments.map((comment) => ({ span: shiftSpan(chunk.start, comment.span), text: comment.text }));
}

function shift(chunk: Chunk, spans: PathSpans): PathSpans {
  return {
    key: spans.key && shiftSpan(chunk.start, spans.key),
    value: shiftSpan(chunk.start, spans.value),
    head: shiftSpan(chunk.start, spans.head),
    exact: spans.exact,
  };
}

function shiftSpan(offset: number, span: Span): Span {
  return { start: span.start + offset, end: span.end + offset };
}

function lineEnd(text: string, from: number, limit: number): number {
  const newline = text.indexOf('\n', from);
  return Math.min(limit, newline === -1 ? text.length : newline);
}
