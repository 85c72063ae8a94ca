import { describe, expect, it } from 'vitest';
import { linkRoute } from '../../../renderer/canvas/link-route';
import { segmentCrosses } from '../../../renderer/canvas/obstacle-route';
import { boundsOf, inflate, type Point, type Rect } from '../../../shared/editing/geometry';

/**
 * The film-studio design as QA drew it: Talent Availability (Crew & Talent) feeds Crew Contracts,
 * drawn above it in Production, 40 px right of the StudioBinder Scheduler system. The boxes and
 * ports are those the canvas measured (flow units).
 */
const talentAvailability: Rect = { x: 376, y: 548, width: 260, height: 74 };
const crewContracts: Rect = { x: 396, y: 270, width: 260, height: 74 };
const studioBinder: Rect = { x: 56, y: 270, width: 300, height: 160 };
const others: Rect[] = [
  studioBinder,
  { x: 696, y: 80, width: 260, height: 74 },
  { x: 696, y: 548, width: 260, height: 74 },
  { x: 56, y: 738, width: 269, height: 134 },
  { x: 376, y: -122, width: 260, height: 74 },
];
const datasetPort: Point = { x: 640, y: 604 };
const inputPort: Point = { x: 392, y: 326 };

/** The segments of the way that run into `box`, shrunk by a pixel so running along its edge does not count. */
function segmentsInto(points: readonly Point[], box: Rect): Array<[Point, Point]> {
  const inside = inflate(box, -1);
  return points.flatMap((point, index) => {
    const next = points[index + 1];
    return next && segmentCrosses(point, next, inside) ? [[point, next] as [Point, Point]] : [];
  });
}

describe('a link into a port beside a node nearer than its stub', () => {
  const bothNodes = boundsOf([talentAvailability, crewContracts]) as Rect;
  const bodies = [talentAvailability, crewContracts, ...others];

  it.each([0, 1, 2])('goes round outside the node it does not join (lane %d)', (lane) => {
    const { points } = linkRoute(datasetPort, inputPort, bothNodes, lane, bodies);
    for (const body of others) expect(segmentsInto(points, body), `through ${JSON.stringify(body)}`).toEqual([]);
    expect(points.at(-1)).toEqual(inputPort);
  });

  it.each([0, 1, 2])('reaches the input port by a run from outside every box (lane %d)', (lane) => {
    const { points } = linkRoute(datasetPort, inputPort, bothNodes, lane, bodies);
    const [beforeTurn, turn] = points.slice(-3) as [Point, Point];
    // The last run comes in level from the left, its turn in the gap between the system and the product.
    expect(turn.y).toBe(inputPort.y);
    expect(turn.x).toBeGreaterThan(studioBinder.x + studioBinder.width);
    expect(turn.x).toBeLessThan(inputPort.x);
    for (const body of bodies) expect(segmentsInto([beforeTurn, turn, inputPort], body)).toEqual([]);
  });
});
