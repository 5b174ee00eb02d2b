/** Whether two paths name the same place: what features match requests against the model with. */
import type { Path } from '../../core/types';

/** Whether two document paths have the same keys and indexes. */
export function samePath(a: Path, b: Path): boolean {
  return a.length === b.length && a.every((segment, index) => segment === b[index]);
}
