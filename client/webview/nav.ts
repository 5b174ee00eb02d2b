/** Keyboard navigation between nodes: the nearest node in the arrow's direction. */

/** A node's box in diagram coordinates. */
export interface NavBox {
  readonly key: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** An arrow key's direction. */
export type Direction = 'left' | 'right' | 'up' | 'down';

/** The direction of an arrow key, if it is one. */
export function directionOf(key: string): Direction | undefined {
  switch (key) {
    case 'ArrowLeft':
      return 'left';
    case 'ArrowRight':
      return 'right';
    case 'ArrowUp':
      return 'up';
    case 'ArrowDown':
      return 'down';
    default:
      return undefined;
  }
}

/**
 * The nearest box whose centre lies in `direction` from `from`'s centre, distance along the direction
 * counting less than distance across it, so Right moves along a row before jumping rows.
 */
export function nearest(from: NavBox, boxes: readonly NavBox[], direction: Direction): NavBox | undefined {
  const cx = from.x + from.width / 2;
  const cy = from.y + from.height / 2;
  let best: NavBox | undefined;
  let bestScore = Infinity;
  for (const box of boxes) {
    if (box.key === from.key) continue;
    const dx = box.x + box.width / 2 - cx;
    const dy = box.y + box.height / 2 - cy;
    const along = direction === 'left' ? -dx : direction === 'right' ? dx : direction === 'up' ? -dy : dy;
    const across = direction === 'left' || direction === 'right' ? Math.abs(dy) : Math.abs(dx);
    if (along <= 1) continue;
    const score = along + 2 * across;
    if (score < bestScore) {
      bestScore = score;
      best = box;
    }
  }
  return best;
}
