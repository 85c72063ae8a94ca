import { describe, expect, it } from 'vitest';
import { overlaps, type Rect } from '../../../shared/editing/geometry';
import { rectGrid } from '../../../shared/editing/rect-grid';
import { seededRandom } from '../../../shared/simulation/seeded-random';

describe('a grid of rectangles', () => {
  it('finds an overlapping rectangle exactly when one of those added overlaps the box asked about', () => {
    const random = seededRandom(3, 'rect grid');
    const randomRect = (): Rect => ({
      x: random.integer(-1000, 1000),
      y: random.integer(-1000, 1000),
      width: random.integer(0, 400),
      height: random.integer(0, 400),
    });
    const added = Array.from({ length: 200 }, randomRect);
    const grid = rectGrid(128, added);
    for (let ask = 0; ask < 2000; ask++) {
      const box = randomRect();
      const found = grid.firstOverlapping(box);
      expect(found === undefined ? undefined : overlaps(found, box)).toBe(
        added.some((rect) => overlaps(rect, box)) ? true : undefined,
      );
    }
  });

  it('files nothing for a box with no finite place, and finds nothing for one', () => {
    const grid = rectGrid(128, [{ x: 0, y: 0, width: Number.POSITIVE_INFINITY, height: 10 }]);
    expect(grid.firstOverlapping({ x: 5, y: 5, width: 10, height: 10 })).toBeUndefined();
    expect(grid.firstOverlapping({ x: Number.NaN, y: 5, width: 10, height: 10 })).toBeUndefined();
  });
});
