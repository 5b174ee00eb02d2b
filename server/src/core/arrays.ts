/**
 * Array helpers that stay safe at any size. `target.push(...items)` passes every item as an argument, and
 * past about 120,000 arguments V8 throws "Maximum call stack size exceeded": a hostile file with that many
 * references or comments would stop the whole analysis. ESLint forbids the spread form (see its config).
 */

/** Appends every item of `items` to `target`, one by one. */
export function appendAll<T>(target: T[], items: readonly T[]): void {
  for (let index = 0; index < items.length; index++) target.push(items[index]);
}
