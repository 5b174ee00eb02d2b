/** Whether two paths, positions or ranges name the same place: what features match requests against the model with. */
import type { Path, Position, Range } from '../core/types';

/** Whether two document paths have the same keys and indexes. */
export function samePath(a: Path, b: Path): boolean {
  return a.length === b.length && a.every((segment, index) => segment === b[index]);
}

/** Whether two positions are the same line and character. */
export function samePosition(a: Position, b: Position): boolean {
  return a.line === b.line && a.character === b.character;
}

/** Whether two ranges start and end at the same positions. */
export function sameRange(a: Range, b: Range): boolean {
  return samePosition(a.start, b.start) && samePosition(a.end, b.end);
}
