import type { Point, Rect } from '../../shared/editing/geometry';
import { isMoveClearOf } from './obstacle-route';
import { keepsItsTurns, type Stretch, shiftRun, stretchOf } from './route-runs';

/** A side of an outline, with the way out of it (-1 up or left, 1 down or right). */
interface Side extends Stretch {
  outward: -1 | 1;
}

/**
 * The route with each stretch between two turns that runs beside a domain outline, nearer it than
 * `clearance`, moved off to `clearance` from it: outside the domain where that keeps the route's
 * turns and clear of `bodies` and of every other outline, else inside. A link on a domain's
 * border would read as part of the box. Crossing an outline is fine; the runs out of and into
 * ports stay level with their ports.
 */
export function keepOffOutlines(
  points: readonly Point[],
  outlines: readonly Rect[],
  bodies: readonly Rect[],
  clearance: number,
): readonly Point[] {
  const sides = outlines.flatMap(sidesOf);
  let route = points;
  for (let index = 1; index < points.length - 2; index++) {
    const stretch = stretchOf(route, index);
    const [side] = stretch ? sidesBeside(stretch, sides, clearance) : [];
    if (!stretch || !side) continue;
    const moves = [side.outward, -side.outward].map((way) =>
      shiftRun(route, index, stretch.isHorizontal, side.at + way * clearance - stretch.at),
    );
    route =
      moves.find(
        (moved) =>
          keepsItsTurns(route, moved) &&
          isMoveClearOf(route, moved, bodies) &&
          sidesBeside(stretchOf(moved, index) as Stretch, sides, clearance).length === 0,
      ) ?? route;
  }
  return route;
}

/** How many of a route's stretches run beside a domain outline, nearer it than `clearance`. */
export function runsAlongOutlines(points: readonly Point[], outlines: readonly Rect[], clearance: number): number {
  if (outlines.length === 0) return 0;
  const sides = outlines.flatMap(sidesOf);
  return points.slice(1).filter((_, index) => {
    const stretch = stretchOf(points, index);
    return !!stretch && sidesBeside(stretch, sides, clearance).length > 0;
  }).length;
}

function sidesOf(rect: Rect): Side[] {
  const [left, right, top, bottom] = [rect.x, rect.x + rect.width, rect.y, rect.y + rect.height];
  return [
    { isHorizontal: true, at: top, low: left, high: right, outward: -1 },
    { isHorizontal: true, at: bottom, low: left, high: right, outward: 1 },
    { isHorizontal: false, at: left, low: top, high: bottom, outward: -1 },
    { isHorizontal: false, at: right, low: top, high: bottom, outward: 1 },
  ];
}

/** The sides parallel to `stretch`, beside it for some of its length and nearer it than `clearance`. */
function sidesBeside(stretch: Stretch, sides: readonly Side[], clearance: number): Side[] {
  return sides.filter(
    (side) =>
      side.isHorizontal === stretch.isHorizontal &&
      Math.abs(side.at - stretch.at) < clearance &&
      Math.min(side.high, stretch.high) > Math.max(side.low, stretch.low),
  );
}
