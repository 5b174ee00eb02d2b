/**
 * The safe fix-all: every did-you-mean with exactly one suggestion, written over the misspelt scalar in its
 * own quotes. Pure, so the language server's `source.fixAll` and `goalpost check --fix` apply the same edits.
 */
import type { LineIndex } from './locate';
import type { Finding, Path, Range } from './types';
import type { ParsedYaml } from './yaml';

/** A replacement of one finding's text, with the offsets it covers and, for a key, the key it makes. */
export interface Replacement {
  readonly range: Range;
  readonly newText: string;
  /** 0-based offsets of the replaced text. */
  readonly start: number;
  readonly end: number;
  /** `<path of the mapping>|<new key>` when the replaced text is a key. */
  readonly newKey?: string;
}

/** Whether the text is a scalar in matching quotes (`"…"` or `'…'`). */
export function isQuoted(text: string): boolean {
  return text.length >= 2 && (text[0] === '"' || text[0] === "'") && text[text.length - 1] === text[0];
}

/**
 * Replaces the scalar at `range` with `text`, in the same quotes. None when nothing would change, or when
 * the scalar is a key and its mapping already has the new key (the fix would make a duplicate).
 */
export function replacementAt(parsed: ParsedYaml, lines: LineIndex, range: Range, text: string): Replacement | undefined {
  const start = lines.offset(range.start);
  const end = lines.offset(range.end);
  const current = parsed.text.slice(start, end);
  const newText = isQuoted(current) ? `${current[0]}${text}${current[0]}` : text;
  if (newText === current) return undefined;
  const at = parsed.scalarAt(start);
  let newKey: string | undefined;
  if (at?.part === 'key') {
    const parent = at.path.slice(0, -1);
    if (hasKey(valueAt(parsed.value, parent), text)) return undefined;
    newKey = `${JSON.stringify(parent)}|${text}`;
  }
  return { range, newText, start, end, newKey };
}

/** The fix-all replacements of one file, sorted and not overlapping; overlapping fixes keep the first. */
export function fixAllReplacements(file: string, findings: readonly Finding[], parsed: ParsedYaml, lines: LineIndex): Replacement[] {
  const replacements: Replacement[] = [];
  for (const finding of findings) {
    if (finding.file !== file || finding.suggestions?.length !== 1) continue;
    const found = replacementAt(parsed, lines, finding.range, finding.suggestions[0]);
    if (found) replacements.push(found);
  }
  replacements.sort((a, b) => a.start - b.start || a.end - b.end);
  const kept: Replacement[] = [];
  const newKeys = new Set<string>();
  let end = -1;
  for (const next of replacements) {
    if (next.start < end) continue;
    // Two misspellings of one key in a mapping must not both become that key.
    if (next.newKey !== undefined) {
      if (newKeys.has(next.newKey)) continue;
      newKeys.add(next.newKey);
    }
    kept.push(next);
    end = next.end;
  }
  return kept;
}

/** The text with sorted, non-overlapping replacements applied. */
export function applyReplacements(text: string, replacements: readonly Replacement[]): string {
  let out = '';
  let at = 0;
  for (const { start, end, newText } of replacements) {
    out += text.slice(at, start) + newText;
    at = end;
  }
  return out + text.slice(at);
}

/** The plain value at a path, if the path exists. */
export function valueAt(root: unknown, path: Path): unknown {
  let node = root;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

/** Whether a plain value is a mapping that has `key` (its own, not a prototype's). */
export function hasKey(value: unknown, key: string): boolean {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.prototype.hasOwnProperty.call(value, key);
}
