import { overlaps, type Rect } from './geometry';

/**
 * Rectangles filed under the square cells they cover, so asking whether a box overlaps one of
 * them looks only at the few filed near it, however many there are.
 */
export interface RectGrid<Filed extends Rect = Rect> {
  add(rect: Filed): void;
  /** One of the rectangles added that `rect` overlaps (of those `counts`, where given), if any does. */
  firstOverlapping(rect: Rect, counts?: (filed: Filed) => boolean): Filed | undefined;
}

export function rectGrid<Filed extends Rect = Rect>(cellSize: number, rects: readonly Filed[] = []): RectGrid<Filed> {
  const cells = new Map<number, Map<number, Filed[]>>();
  const eachCellOf = (rect: Rect, visit: (column: number, row: number) => boolean | undefined): void => {
    const [left, right] = cellSpan(rect.x, rect.width, cellSize);
    const [top, bottom] = cellSpan(rect.y, rect.height, cellSize);
    // A box with no finite place is on no cell (and looping over its cells would not end).
    if (!Number.isFinite(left + right + top + bottom)) return;
    for (let column = left; column <= right; column++) {
      for (let row = top; row <= bottom; row++) {
        if (visit(column, row)) return;
      }
    }
  };
  const grid: RectGrid<Filed> = {
    add(rect) {
      eachCellOf(rect, (column, row) => {
        let rows = cells.get(column);
        if (!rows) {
          rows = new Map();
          cells.set(column, rows);
        }
        const filed = rows.get(row);
        if (filed) filed.push(rect);
        else rows.set(row, [rect]);
        return false;
      });
    },
    firstOverlapping(rect, counts) {
      let found: Filed | undefined;
      eachCellOf(rect, (column, row) => {
        found = cells
          .get(column)
          ?.get(row)
          ?.find((filed) => overlaps(filed, rect) && (!counts || counts(filed)));
        return found !== undefined;
      });
      return found;
    },
  };
  for (const rect of rects) grid.add(rect);
  return grid;
}

/** The first and last cell a span from `start`, `length` long, touches. */
function cellSpan(start: number, length: number, cellSize: number): [number, number] {
  return [Math.floor(start / cellSize), Math.floor((start + Math.max(0, length)) / cellSize)];
}
