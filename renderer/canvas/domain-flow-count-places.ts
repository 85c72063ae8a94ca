import { inflate, type Point, type Rect, type Size } from '../../shared/editing/geometry';
import { type FlowCurve, pointOnCurve } from './domain-flow-curve';

/** A flow's count to place on its curve, with the count's size in flow units at the zoom shown. */
export interface FlowCount {
  flowId: string;
  curve: FlowCurve;
  size: Size;
}

/** The points tried along a curve, end to end. */
const STEPS = 48;
/** How far apart two counts stay at least, as a part of a count's height, so they never read as one. */
const SPACING = 0.25;

/**
 * Where each flow's count goes on its curve so that it covers no domain block (its name, owner
 * and counts) and no other flow's count: the clear place nearest the curve's middle; where no
 * place is clear (far out, a count is wider than the gap between two blocks), the one covering
 * least of the other counts, then of the blocks. Counts are placed in the order of their flow
 * ids, so the same design gets the same places whatever order its flows come in.
 */
export function placeFlowCounts(counts: readonly FlowCount[], blocks: readonly Rect[]): ReadonlyMap<string, Point> {
  const placed: Rect[] = [];
  const places = new Map<string, Point>();
  for (const { flowId, curve, size } of [...counts].sort(byFlowId)) {
    let best: { point: Point; cost: readonly number[] } | undefined;
    for (const t of stepsFromTheMiddle()) {
      const point = pointOnCurve(curve, t);
      const box = countBoxAt(point, size);
      const cost = [coveredArea(box, placed), coveredArea(box, blocks)];
      if (!best || isCheaper(cost, best.cost)) best = { point, cost };
      if (cost.every((area) => area === 0)) break;
    }
    const place = best?.point ?? pointOnCurve(curve, 0.5);
    placed.push(inflate(countBoxAt(place, size), size.height * SPACING));
    places.set(flowId, place);
  }
  return places;
}

/** The box of a count of `size` centred on `point`, as the canvas draws it. */
export function countBoxAt(point: Point, size: Size): Rect {
  return { x: point.x - size.width / 2, y: point.y - size.height / 2, ...size };
}

/** The fractions along a curve from its middle outwards, alternating sides (its ends left out: they touch the blocks). */
function stepsFromTheMiddle(): number[] {
  const steps: number[] = [0.5];
  for (let away = 1; away < STEPS / 2; away++) steps.push(0.5 - away / STEPS, 0.5 + away / STEPS);
  return steps;
}

/** How much of `others` the box covers, summed. */
export function coveredArea(box: Rect, others: readonly Rect[]): number {
  let area = 0;
  for (const other of others) {
    const width = Math.min(box.x + box.width, other.x + other.width) - Math.max(box.x, other.x);
    const height = Math.min(box.y + box.height, other.y + other.height) - Math.max(box.y, other.y);
    if (width > 0 && height > 0) area += width * height;
  }
  return area;
}

function isCheaper(cost: readonly number[], than: readonly number[]): boolean {
  for (let index = 0; index < cost.length; index++) {
    if ((cost[index] ?? 0) !== (than[index] ?? 0)) return (cost[index] ?? 0) < (than[index] ?? 0);
  }
  return false;
}

function byFlowId(a: FlowCount, b: FlowCount): number {
  return a.flowId < b.flowId ? -1 : a.flowId > b.flowId ? 1 : 0;
}
