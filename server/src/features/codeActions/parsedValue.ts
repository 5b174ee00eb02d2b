/** Reads the parse's plain value, to see what a mapping already holds before an edit adds to it. */
import type { Path } from '../../core/types';

/** The plain value at a path, if the path exists. */
export function valueAt(root: unknown, path: Path): unknown {
  let node = root;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

/** Whether a plain value is a mapping. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Whether a plain value is a mapping that has `key` (its own, not a prototype's). */
export function hasKey(value: unknown, key: string): boolean {
  return isObject(value) && Object.prototype.hasOwnProperty.call(value, key);
}
