/** Reads the parse's plain value, to see what a mapping already holds before an edit adds to it. */
import { hasKey, valueAt } from '../../core/fixAll';

/** The core's readers of plain values, shared with `check --fix`. */
export { hasKey, valueAt };

/** Whether a plain value is a mapping. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
