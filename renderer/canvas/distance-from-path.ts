import type { Point } from '../../shared/editing/geometry';

/** Length along the line between the points of the first, coarse pass. */
const COARSE_STEP = 16;
/** Length along the line between the points measured near the nearest coarse ones. */
const FINE_STEP = 1;

/**
 * How far `point` is from a line `length` long whose point `along` its length `pointAt` gives
 * (as an SVG path's getPointAtLength): a coarse pass, then a fine one only near the coarse points
 * that could lie by the nearest point of the line.
 */
export function distanceFromPath(point: Point, pointAt: (along: number) => Point, length: number): number {
  const distanceAt = (along: number) => {
    const onLine = pointAt(Math.min(Math.max(along, 0), length));
    return Math.hypot(onLine.x - point.x, onLine.y - point.y);
  };
  const coarse = stepsAlong(0, length, COARSE_STEP).map((along) => ({ along, distance: distanceAt(along) }));
  const nearestCoarse = Math.min(...coarse.map(({ distance }) => distance));
  // The line's nearest point is within half a coarse step of a coarse point, so that point is at most that much farther.
  const reach = COARSE_STEP / 2;
  const nearBest = coarse.filter(({ distance }) => distance <= nearestCoarse + reach);
  return Math.min(
    nearestCoarse,
    ...nearBest.flatMap(({ along }) => stepsAlong(along - reach, along + reach, FINE_STEP).map(distanceAt)),
  );
}

/** From `start` to `end` every `step`, ending on `end`. */
function stepsAlong(start: number, end: number, step: number): number[] {
  const steps: number[] = [];
  for (let along = start; along < end; along += step) steps.push(along);
  steps.push(end);
  return steps;
}
