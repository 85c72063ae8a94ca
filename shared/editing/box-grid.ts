import type { Point, Size } from './geometry';

/** Space between boxes in a grid of domains: at least this, more between large domains so links between them show. */
export const GRID_GAP = 80;

/** A box to place; its id is a domain's, or any key the caller places it by. */
type Box<Id = string> = { id: Id } & Size;

/**
 * Places boxes row by row, in order, in the arrangement whose whole comes closest to `aspectRatio`
 * (width / height, the viewport's): a wide screen gets a wide grid, and a thousand products stay
 * one picture instead of one endless band. Columns as wide as their widest box where that fits
 * the view as well; else rows each as long as the first, boxes side by side as wide as they are,
 * so a domain drawn as one wide chain does not widen a column of narrow ones into one column.
 */
export function gridPositions<Id>(boxes: readonly Box<Id>[], aspectRatio: number, gap = GRID_GAP): Map<Id, Point> {
  const counts = Array.from({ length: Math.max(1, boxes.length) }, (_, index) => index + 1);
  const arrangements = [
    ...counts.map((columns) => inColumns(boxes, columns, gap)),
    ...counts.map((firstRow) => inRows(boxes, firstRow, gap)),
  ];
  let best: { score: number; positions: Map<Id, Point> } | undefined;
  for (const arrangement of arrangements) {
    const score = Math.abs(Math.log(arrangement.width / Math.max(1, arrangement.height) / aspectRatio));
    if (!best || score < best.score) best = { score, positions: arrangement.positions };
  }
  return best?.positions ?? new Map();
}

/** Places boxes row by row, in order, as many columns as rows (or one more): a roughly square grid. */
export function squareGridPositions(boxes: readonly Box[], gap: number): Map<string, Point> {
  return inColumns(boxes, Math.max(1, Math.ceil(Math.sqrt(boxes.length))), gap).positions;
}

interface Arrangement<Id> {
  positions: Map<Id, Point>;
  width: number;
  height: number;
}

/**
 * Boxes row by row, each beside the one before it, a row as long as the first `firstRow` boxes
 * make it (or one box, where that is longer); each row as tall as its tallest box.
 */
function inRows<Id>(boxes: readonly Box<Id>[], firstRow: number, gap: number): Arrangement<Id> {
  const rowLength = boxes
    .slice(0, firstRow)
    .reduce((length, box, index) => length + (index > 0 ? gap : 0) + box.width, 0);
  const positions = new Map<Id, Point>();
  let [x, y, rowHeight, width] = [0, 0, 0, 0];
  for (const box of boxes) {
    if (x > 0 && x + box.width > rowLength) [x, y, rowHeight] = [0, y + rowHeight + gap, 0];
    positions.set(box.id, { x, y });
    width = Math.max(width, x + box.width);
    rowHeight = Math.max(rowHeight, box.height);
    x += box.width + gap;
  }
  return { positions, width, height: y + rowHeight };
}

/** Boxes row by row in `columns` columns, each column as wide as its widest box and each row as tall as its tallest. */
function inColumns<Id>(boxes: readonly Box<Id>[], columns: number, gap: number): Arrangement<Id> {
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
