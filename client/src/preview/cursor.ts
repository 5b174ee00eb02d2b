/** Which diagram node the cursor is in: pure, over the extents the server sends with the diagram. */
import type { DiagramExtent } from '../../../server/src/protocol';

/** A 0-based position (LSP- and VS Code-shaped). */
export interface Place {
  readonly line: number;
  readonly character: number;
}

/** The key of the innermost extent holding `place`, or null when the cursor is in none. */
export function nodeAt(extents: readonly DiagramExtent[], place: Place): string | null {
  let best: DiagramExtent | undefined;
  for (const extent of extents) {
    if (!contains(extent, place)) continue;
    if (!best || contains(best, extent.range.start)) best = extent;
  }
  return best?.key ?? null;
}

function contains({ range }: DiagramExtent, place: Place): boolean {
  const afterStart = place.line > range.start.line || (place.line === range.start.line && place.character >= range.start.character);
  const beforeEnd = place.line < range.end.line || (place.line === range.end.line && place.character <= range.end.character);
  return afterStart && beforeEnd;
}
