/**
 * Where a goals file's chunks are, before anything is parsed: each top-level section, and each item of a
 * block-sequence section such as `goals:` (see incremental.ts). `planChunks` cuts a whole text;
 * `replanChunks` cuts again only the items an edit touched, and gives the plan `planChunks` would give.
 */
import { textChange, type TextChange } from './textChange';
import type { Span } from './yaml';

const TOP_KEY = /^([A-Za-z_][A-Za-z0-9_-]*):(?:[ \t]+(.*))?$/;
const BLANK_OR_COMMENT = /^[ \t]*(?:#.*)?$/;

/** Where the chunks of a text are, before anything is parsed. */
export interface PlannedSection {
  readonly key: string;
  readonly keySpan: Span;
  /** A block sequence: the head (key line and the comments before it), then the items. */
  readonly head?: PlannedChunk;
  readonly items?: PlannedChunk[];
  readonly whole?: PlannedChunk;
}

/** A chunk: its text and where it starts in the file. */
export interface PlannedChunk {
  readonly start: number;
  readonly source: string;
}

/** The sections of a file, in order. */
export type Plan = readonly PlannedSection[];

/** Every chunk text of a plan, in order. */
export function chunkTexts(plan: Plan): string[] {
  return plan.flatMap((section) =>
    section.whole ? [section.whole.source] : [section.head as PlannedChunk, ...(section.items ?? [])].map((chunk) => chunk.source),
  );
}

/** Cuts a text into sections and chunks, or returns undefined when the text needs a whole parse. */
export function planChunks(text: string): Plan | undefined {
  if (text.includes('\t') || text.includes('\r') || text.charCodeAt(0) === 0xfeff || text.includes('\u0000')) return undefined;
  const lineStarts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) lineStarts.push(index + 1);
  const lineAt = (line: number) => text.slice(lineStarts[line], line + 1 < lineStarts.length ? lineStarts[line + 1] - 1 : text.length);

  // Top-level keys at column 0; any other non-blank, non-comment line at column 0 (other than a sequence
  // item of a compact `key:\n- item` list) means an unusual layout.
  const tops: { line: number; key: string; inline: boolean }[] = [];
  for (let line = 0; line < lineStarts.length; line++) {
    const first = text.charCodeAt(lineStarts[line]);
    if (first === 32 /* space */ || first === 35 /* # */ || first === 10 || Number.isNaN(first)) continue;
    const content = lineAt(line);
    const match = TOP_KEY.exec(content);
    if (match) {
      tops.push({ line, key: match[1], inline: match[2] !== undefined && !match[2].startsWith('#') });
      continue;
    }
    if (content.startsWith('- ') || content === '-') continue;
    return undefined;
  }
  if (tops.length === 0) return undefined;
  if (new Set(tops.map((top) => top.key)).size !== tops.length) return undefined;
  // Leading lines before the first key must be blank or comments; they join the first section's chunk.
  for (let line = 0; line < tops[0].line; line++) if (!BLANK_OR_COMMENT.test(lineAt(line))) return undefined;

  const plan: PlannedSection[] = [];
  for (let index = 0; index < tops.length; index++) {
    const top = tops[index];
    const fromLine = index === 0 ? 0 : top.line;
    const toLine = index + 1 < tops.length ? tops[index + 1].line : lineStarts.length;
    const start = lineStarts[fromLine];
    const end = toLine < lineStarts.length ? lineStarts[toLine] : text.length;
    const keySpan = { start: lineStarts[top.line], end: lineStarts[top.line] + top.key.length };
    const items = top.inline ? undefined : sequenceItems(lineStarts, lineAt, top.line + 1, toLine);
    if (items === null) return undefined;
    if (!items) {
      plan.push({ key: top.key, keySpan, whole: { start, source: text.slice(start, end) } });
      continue;
    }
    plan.push({
      key: top.key,
      keySpan,
      head: { start, source: text.slice(start, items[0].start) },
      items: items.map((item, position) => {
        const itemEnd = position + 1 < items.length ? items[position + 1].start : end;
        return { start: item.start, source: text.slice(item.start, itemEnd) };
      }),
    });
  }
  return plan;
}

/**
 * The item starts of a block sequence between two lines, or undefined when the section is not a block
 * sequence, or null when its layout is unusual (a whole parse is needed).
 */
function sequenceItems(
  lineStarts: readonly number[],
  lineAt: (line: number) => string,
  fromLine: number,
  toLine: number,
): { start: number }[] | undefined | null {
  let indent = -1;
  const items: { start: number }[] = [];
  for (let line = fromLine; line < toLine; line++) {
    const content = lineAt(line);
    if (BLANK_OR_COMMENT.test(content)) continue;
    const spaces = content.length - content.trimStart().length;
    const isItem = content.startsWith('- ', spaces) || (content.length === spaces + 1 && content.endsWith('-'));
    if (indent === -1) {
      if (!isItem) return undefined;
      indent = spaces;
    }
    if (isItem && spaces === indent) items.push({ start: lineStarts[line] });
    else if (spaces <= indent) return null;
  }
  // An item's leading comment lines belong to the chunk before it; the first item starts at its own line.
  return items.length > 0 ? items : undefined;
}

/**
 * The plan of `text`, made from the plan of the previous text by cutting again only the items of one
 * block sequence that the edit touched (every other chunk keeps its text, shifted). The same plan as
 * `planChunks(text)`; undefined when that cannot be shown locally (the edit reaches a section's head or
 * another section, changes the first item's indentation, adds a line at or left of the items' indentation,
 * or brings a character that makes the whole text need a whole parse): then the caller plans the whole text.
 * `change` is how `text` differs from the previous text, when the caller knows it.
 */
export function replanChunks(previous: { readonly text: string; readonly plan: Plan }, text: string, change?: TextChange): Plan | undefined {
  const before = previous.text;
  if (before === text) return previous.plan;
  const { prefix, suffix } = change ?? textChange(before, text);
  const oldEnd = before.length - suffix;
  const delta = text.length - before.length;
  const inserted = text.slice(prefix, text.length - suffix);
  if (inserted.includes('\t') || inserted.includes('\r') || inserted.includes('\u0000')) return undefined;

  // The section holding the line before the edit; the edit must end inside the same section's items.
  const index = previous.plan.findIndex(
    (section) => section.items !== undefined && section.items[0].start < prefix && prefix <= endOf(section.items[section.items.length - 1]),
  );
  if (index === -1) return undefined;
  const section = previous.plan[index];
  const items = section.items as PlannedChunk[];
  const isLast = index === previous.plan.length - 1;
  const first = items.findIndex((item) => prefix - 1 < endOf(item));
  const last = items.findIndex((item) => oldEnd < endOf(item));
  const lastItem = last === -1 ? (isLast && oldEnd === endOf(items[items.length - 1]) ? items.length - 1 : -1) : last;
  if (first === -1 || lastItem === -1 || lastItem < first) return undefined;
  // The region starts before the edit and ends after it (or at the end of the file), so its first line
  // starts where it did, and its end is still a line start, the next item's.
  const start = items[first].start;
  const end = endOf(items[lastItem]) + delta;

  const indent = indentOf(items[0].source);
  const region = text.slice(start, end);
  const starts: number[] = [];
  let at = 0;
  while (at < region.length) {
    const newline = region.indexOf('\n', at);
    const lineEnd = newline === -1 ? region.length : newline;
    const content = region.slice(at, lineEnd);
    if (!BLANK_OR_COMMENT.test(content)) {
      const spaces = content.length - content.trimStart().length;
      const isItem = content.startsWith('- ', spaces) || (content.length === spaces + 1 && content.endsWith('-'));
      if (isItem && spaces === indent) starts.push(at);
      else if (spaces <= indent) return undefined;
    }
    if (newline === -1) break;
    at = newline + 1;
  }
  // The first line must still start an item: its leading lines would otherwise join the item before.
  if (starts[0] !== 0) return undefined;
  const cut = starts.map((from, position) => ({
    start: start + from,
    source: region.slice(from, position + 1 < starts.length ? starts[position + 1] : region.length),
  }));
  const moved = (chunk: PlannedChunk): PlannedChunk => ({ start: chunk.start + delta, source: chunk.source });
  const replanned: PlannedSection = { ...section, items: [...items.slice(0, first), ...cut, ...items.slice(lastItem + 1).map(moved)] };
  const after = previous.plan.slice(index + 1).map((later) => ({
    key: later.key,
    keySpan: { start: later.keySpan.start + delta, end: later.keySpan.end + delta },
    ...(later.head && { head: moved(later.head) }),
    ...(later.items && { items: later.items.map(moved) }),
    ...(later.whole && { whole: moved(later.whole) }),
  }));
  return [...previous.plan.slice(0, index), replanned, ...after];
}

function endOf(chunk: PlannedChunk): number {
  return chunk.start + chunk.source.length;
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}
