import { centerOf, type Rect } from './geometry';

export type Direction = 'left' | 'right' | 'up' | 'down';

const UNIT: Record<Direction, { x: number; y: number }> = {
  left: { x: -1, y: 0 },
  right: { x: 1, y: 0 },
  up: { x: 0, y: -1 },
  down: { x: 0, y: 1 },
};

/**
 * The box the arrow key leads to from `from`: among those whose centre lies in that direction
 * (within 45° of it), the nearest, counting sideways distance double so the path stays straight.
 */
export function nearestInDirection(
  from: Rect,
  candidates: ReadonlyArray<{ id: string; box: Rect }>,
  direction: Direction,
): string | undefined {
  const start = centerOf(from);
  const unit = UNIT[direction];
  let best: { id: string; score: number } | undefined;
  for (const { id, box } of candidates) {
    const center = centerOf(box);
    const ahead = (center.x - start.x) * unit.x + (center.y - start.y) * unit.y;
    const sideways = Math.abs((center.x - start.x) * unit.y - (center.y - start.y) * unit.x);
    if (ahead <= 0 || sideways > ahead) continue;
    const score = ahead + 2 * sideways;
    if (!best || score < best.score) best = { id, score };
  }
  return best?.id;
}
