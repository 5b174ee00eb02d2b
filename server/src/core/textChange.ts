/**
 * How a text differs from its previous version, as the lengths of the start and the end they share: what
 * the editor's incremental work (re-cutting chunks, shifting the line index, counting bytes) starts from.
 * Made from the editor's edit ranges (or, where those are unknown, by comparing the two texts once), and
 * composed when several versions come before the next analysis, so that no part of the engine scans the
 * whole text again to find the edit.
 */

/** The parts two versions share: the first `prefix` and the last `suffix` characters (never overlapping). */
export interface TextChange {
  readonly prefix: number;
  readonly suffix: number;
}

/** The change from `before` to `after`: their longest shared start, then their longest shared end after it. */
export function textChange(before: string, after: string): TextChange {
  const prefix = commonPrefix(before, after);
  return unsplit({ prefix, suffix: commonSuffix(before, after, Math.min(before.length, after.length) - prefix) }, after);
}

/**
 * The change made by replacing the units `start`–`end` of a text `lengthBefore` long, giving `after`: what
 * an editor's edit says, so that the texts need not be compared.
 */
export function replacementChange(start: number, end: number, lengthBefore: number, after: string): TextChange {
  return unsplit({ prefix: start, suffix: lengthBefore - end }, after);
}

/**
 * A change whose shared parts are shortened by one unit where they would cut a surrogate pair, so that
 * counts over the parts (UTF-8 bytes) add up. The units at the edges are shared, so one text tells.
 */
function unsplit(change: TextChange, text: string): TextChange {
  let { prefix, suffix } = change;
  if (prefix > 0 && isHighSurrogate(text.charCodeAt(prefix - 1))) prefix--;
  if (suffix > 0 && isLowSurrogate(text.charCodeAt(text.length - suffix))) suffix--;
  return { prefix, suffix };
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/**
 * The change from the first text to the third, given the change from the first to the second and from the
 * second to the third: what the three share at the start and at the end (perhaps less than the longest,
 * never more than they share).
 */
export function composeChanges(first: TextChange, second: TextChange): TextChange {
  return { prefix: Math.min(first.prefix, second.prefix), suffix: Math.min(first.suffix, second.suffix) };
}

/** Compared a block at a time by the engine's own string comparison, then a character at a time. */
const BLOCK = 4096;

/** How many characters two texts share at their start. */
export function commonPrefix(a: string, b: string): number {
  const shortest = Math.min(a.length, b.length);
  let at = 0;
  while (at + BLOCK <= shortest && a.startsWith(b.slice(at, at + BLOCK), at)) at += BLOCK;
  while (at < shortest && a.charCodeAt(at) === b.charCodeAt(at)) at++;
  return at;
}

/** How many characters two texts share at their end, at most `limit`. */
export function commonSuffix(a: string, b: string, limit: number): number {
  let length = 0;
  while (length + BLOCK <= limit && a.endsWith(b.slice(b.length - length - BLOCK, b.length - length), a.length - length)) length += BLOCK;
  while (length < limit && a.charCodeAt(a.length - 1 - length) === b.charCodeAt(b.length - 1 - length)) length++;
  return length;
}
