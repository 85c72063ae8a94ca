import { describe, expect, it } from 'vitest';
import { linkRoute } from '../../../renderer/canvas/link-route';
import { segmentCrosses } from '../../../renderer/canvas/obstacle-route';
import { boundsOf, inflate, overlaps, type Point, type Rect } from '../../../shared/editing/geometry';

const source: Rect = { x: 200, y: 100, width: 160, height: 110 };
/** Where its output port sits: on its right side. */
const sourcePort: Point = { x: source.x + source.width, y: source.y + 70 };

/** The target node, `dx` right and `dy` below the source's top left corner, and its input port on its left side. */
function targetAt(dx: number, dy: number): { body: Rect; port: Point } {
  const body = { x: source.x + dx, y: source.y + dy, width: 140, height: 90 };
  return { body, port: { x: body.x, y: body.y + 40 } };
}

function segmentsThrough(points: readonly Point[], body: Rect): Array<[Point, Point]> {
  return points.flatMap((point, index) => {
    const next = points[index + 1];
    return next && segmentCrosses(point, next, body) ? [[point, next] as [Point, Point]] : [];
  });
}

describe("a link's way past its own two nodes", () => {
  // Every place round the source a target can be drawn without touching it, nearer and farther.
  const offsets = [-520, -300, -170, -150, -140, -60, 0, 100, 150, 161, 165, 174.4, 180, 200, 207, 250, 400];
  const heights = [-300, -120, -100, -60, -20, 0, 20, 60, 100, 115, 130, 300];
  const cases = offsets.flatMap((dx) => heights.map((dy) => [dx, dy] as const));

  it.each(cases)('never runs through either body, with the target at (%d, %d)', (dx, dy) => {
    const target = targetAt(dx, dy);
    if (overlaps(inflate(source, 1), target.body)) return;
    const bothNodes = boundsOf([source, target.body]) as Rect;
    for (const lane of [0, 1, 2]) {
      const { points } = linkRoute(sourcePort, target.port, bothNodes, lane, [source, target.body]);
      expect(segmentsThrough(points, source), `lane ${lane}: through the source`).toEqual([]);
      expect(segmentsThrough(points, target.body), `lane ${lane}: through the target`).toEqual([]);
      expect(points[0]).toEqual(sourcePort);
      expect(points.at(-1)).toEqual(target.port);
    }
  });

  it('bends between the two nodes when the target stands just right of the source (a 14 px gap)', () => {
    const target = targetAt(source.width + 14.4, -60);
    const { points } = linkRoute(sourcePort, target.port, boundsOf([source, target.body]) as Rect);
    expect(points).toHaveLength(4);
    expect(points[1]?.x).toBeCloseTo(sourcePort.x + 7.2);
    expect(points[2]?.x).toBeCloseTo(sourcePort.x + 7.2);
  });
});
