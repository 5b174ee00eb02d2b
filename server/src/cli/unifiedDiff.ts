/** A unified diff of a file before and after `check --fix-dry-run`'s fixes, as `git diff` prints one. */

import { appendAll } from '../core/arrays';

const CONTEXT = 3;

/**
 * The unified diff of two texts of `file` ('' when equal). Fixes replace text within lines, so lines are
 * compared one to one; when the line count changes, the changed middle becomes one hunk.
 */
export function unifiedDiff(file: string, before: string, after: string): string {
  if (before === after) return '';
  const a = before.split(/\r?\n/);
  const b = after.split(/\r?\n/);
  let changed: number[];
  if (a.length === b.length) {
    changed = a.flatMap((line, index) => (line === b[index] ? [] : [index]));
  } else {
    let start = 0;
    while (start < Math.min(a.length, b.length) && a[start] === b[start]) start++;
    changed = [start];
  }
  const hunks: string[] = [];
  let index = 0;
  while (index < changed.length) {
    // Changes closer than twice the context share a hunk.
    let last = index;
    while (last + 1 < changed.length && changed[last + 1] - changed[last] <= 2 * CONTEXT) last++;
    hunks.push(
      a.length === b.length ? sameLengthHunk(a, b, changed[index], changed[last], new Set(changed.slice(index, last + 1))) : wholeHunk(a, b, changed[0]),
    );
    index = last + 1;
  }
  return `--- a/${file}\n+++ b/${file}\n${hunks.join('')}`;
}

function sameLengthHunk(a: readonly string[], b: readonly string[], first: number, last: number, changed: ReadonlySet<number>): string {
  const from = Math.max(0, first - CONTEXT);
  const to = Math.min(a.length - 1, last + CONTEXT);
  const removed: string[] = [];
  const out: string[] = [];
  for (let line = from; line <= to; line++) {
    if (changed.has(line)) {
      out.push(`-${a[line]}`);
      removed.push(`+${b[line]}`);
      // Consecutive changed lines show all removals, then all additions.
      if (!changed.has(line + 1) || line === to) appendAll(out, removed.splice(0));
    } else out.push(` ${a[line]}`);
  }
  const count = to - from + 1;
  return `@@ -${from + 1},${count} +${from + 1},${count} @@\n${out.join('\n')}\n`;
}

function wholeHunk(a: readonly string[], b: readonly string[], start: number): string {
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const from = Math.max(0, start - CONTEXT);
  const toA = Math.min(a.length, endA + CONTEXT);
  const toB = Math.min(b.length, endB + CONTEXT);
  const out = [
    ...a.slice(from, start).map((line) => ` ${line}`),
    ...a.slice(start, endA).map((line) => `-${line}`),
    ...b.slice(start, endB).map((line) => `+${line}`),
    ...a.slice(endA, toA).map((line) => ` ${line}`),
  ];
  return `@@ -${from + 1},${toA - from} +${from + 1},${toB - from} @@\n${out.join('\n')}\n`;
}
