import type { Point } from '../../../shared/editing/geometry';

/** The stretch two routes share: the length of line, in px, that lies on both. */
export function sharedLength(a: readonly Point[], b: readonly Point[]): number {
  let shared = 0;
  for (const [index, start] of a.slice(0, -1).entries()) {
    const end = a[index + 1] as Point;
    for (const [other, otherStart] of b.slice(0, -1).entries()) {
      const otherEnd = b[other + 1] as Point;
      const isSameRow = start.y === end.y && otherStart.y === otherEnd.y && start.y === otherStart.y;
      const isSameColumn = start.x === end.x && otherStart.x === otherEnd.x && start.x === otherStart.x;
      if (isSameRow) shared += Math.max(0, overlap([start.x, end.x], [otherStart.x, otherEnd.x]));
      if (isSameColumn) shared += Math.max(0, overlap([start.y, end.y], [otherStart.y, otherEnd.y]));
    }
  }
  return shared;
}

function overlap([a, b]: number[], [c, d]: number[]): number {
  return (
    Math.min(Math.max(a as number, b as number), Math.max(c as number, d as number)) -
    Math.max(Math.min(a as number, b as number), Math.min(c as number, d as number))
  );
}
