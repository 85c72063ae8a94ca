import type { Point, Size } from './geometry';

/** Space between boxes in a grid of domains: at least this, more between large domains so links between them show. */
export const GRID_GAP = 80;

type Box = { id: string } & Size;

/**
 * Places boxes row by row, in order, with as many columns as brings the whole closest to
 * `aspectRatio` (width / height, the viewport's): a wide screen gets a wide grid, and a thousand
 * products stay one picture instead of one endless band.
 */
export function gridPositions(boxes: readonly Box[], aspectRatio: number, gap = GRID_GAP): Map<string, Point> {
  let best: { score: number; positions: Map<string, Point> } | undefined;
  for (let columns = 1; columns <= Math.max(1, boxes.length); columns++) {
    const grid = inColumns(boxes, columns, gap);
    const score = Math.abs(Math.log(grid.width / Math.max(1, grid.height) / aspectRatio));
    if (!best || score < best.score) best = { score, positions: grid.positions };
  }
  return best?.positions ?? new Map();
}

/** Places boxes row by row, in order, as many columns as rows (or one more): a roughly square grid. */
export function squareGridPositions(boxes: readonly Box[], gap: number): Map<string, Point> {
  return inColumns(boxes, Math.max(1, Math.ceil(Math.sqrt(boxes.length))), gap).positions;
}

/** Boxes row by row in `columns` columns, each column as wide as its widest box and each row as tall as its tallest. */
function inColumns(
  boxes: readonly Box[],
  columns: number,
  gap: number,
): { positions: Map<string, Point>; width: number; height: number } {
  const widths = new Array<number>(columns).fill(0);
  const heights = new Array<number>(Math.ceil(boxes.length / columns)).fill(0);
  boxes.forEach((box, index) => {
    const column = index % columns;
    const row = Math.floor(index / columns);
    widths[column] = Math.max(widths[column] as number, box.width);
    heights[row] = Math.max(heights[row] as number, box.height);
  });
  const starts = (sizes: number[]) => {
    let next = 0;
    return sizes.map((size) => {
      const start = next;
      next += size + gap;
      return start;
    });
  };
  const lefts = starts(widths);
  const tops = starts(heights);
  const positions = new Map(
    boxes.map((box, index) => [
      box.id,
      { x: lefts[index % columns] as number, y: tops[Math.floor(index / columns)] as number },
    ]),
  );
  const total = (sizes: number[]) => sizes.reduce((sum, size) => sum + size, 0) + gap * Math.max(0, sizes.length - 1);
  return { positions, width: total(widths), height: total(heights) };
}
