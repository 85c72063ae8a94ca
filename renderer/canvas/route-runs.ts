import type { Point } from '../../shared/editing/geometry';

/** The least a run out of or into a port stays, so its arrowhead and its turn still show. */
export const MIN_STUB = 8;

/** The route with its run `index` moved `by` across itself (down, or right), the runs beside it following. */
export function shiftRun(points: readonly Point[], index: number, isHorizontal: boolean, by: number): Point[] {
  return points.map((point, at) => {
    if (at !== index && at !== index + 1) return point;
    return isHorizontal ? { x: point.x, y: point.y + by } : { x: point.x + by, y: point.y };
  });
}

/** Whether a route moved from `before` to `after` turns as it did, no run reversed nor shrunk to nothing. */
export function keepsItsTurns(before: readonly Point[], after: readonly Point[]): boolean {
  return after.slice(1).every((end, index) => {
    const start = after[index] as Point;
    const [was, wasEnd] = [before[index] as Point, before[index + 1] as Point];
    const length = end.x - start.x + end.y - start.y;
    const wasLength = wasEnd.x - was.x + wasEnd.y - was.y;
    return Math.sign(length) === Math.sign(wasLength) && Math.abs(length) >= Math.min(MIN_STUB, Math.abs(wasLength));
  });
}

/** A straight stretch of a route or of an outline: `at` across it, from `low` to `high` along it. */
export interface Stretch {
  isHorizontal: boolean;
  at: number;
  low: number;
  high: number;
}

/** The route's stretch from its corner `index` to the next, unless that is not straight. */
export function stretchOf(points: readonly Point[], index: number): Stretch | undefined {
  const [start, end] = [points[index] as Point, points[index + 1] as Point];
  const isHorizontal = start.y === end.y;
  if (!isHorizontal && start.x !== end.x) return undefined;
  const [from, to] = isHorizontal ? [start.x, end.x] : [start.y, end.y];
  return { isHorizontal, at: isHorizontal ? start.y : start.x, low: Math.min(from, to), high: Math.max(from, to) };
}
