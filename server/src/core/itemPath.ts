/** Which parts of a document path are items: an entry of a section list, or a target of a goal. */
import type { Path } from './types';

/** The lists whose entries are items: the sections, and a goal's targets. */
const ITEM_LISTS = new Set(['objectives', 'departments', 'audiences', 'kpis', 'goals', 'targets']);

/** The paths of the items a path lies in, outermost first: `goals/3`, then `goals/3/targets/0`. */
export function enclosingItems(path: Path): Path[] {
  const items: Path[] = [];
  for (let index = 1; index < path.length; index++) {
    if (typeof path[index] === 'number' && ITEM_LISTS.has(String(path[index - 1]))) items.push(path.slice(0, index + 1));
  }
  return items;
}
