import { describe, expect, it } from 'vitest';
import { LANE_GAP, linkRoute, plainWay } from '../../../renderer/canvas/link-route';
import { segmentCrosses } from '../../../renderer/canvas/obstacle-route';
import { type RoutedLink, spreadSharedRuns } from '../../../renderer/canvas/shared-runs';
import { boundsOf, type Point, type Rect } from '../../../shared/editing/geometry';

/** A domain round `node`, `padding` from it on every side. */
const domainRound = (node: Rect, padding: number): Rect => ({
  x: node.x - padding,
  y: node.y - padding,
  width: node.width + 2 * padding,
  height: node.height + 2 * padding,
});

/** The stretches of a route running beside a side of one of `outlines`, nearer it than a lane. */
function stretchesAlongOutlines(points: readonly Point[], outlines: readonly Rect[]): string[] {
  return points.slice(1).flatMap((end, index) => {
    const start = points[index] as Point;
    return outlines.flatMap((outline) => {
      const [left, right, top, bottom] = [outline.x, outline.x + outline.width, outline.y, outline.y + outline.height];
      const isBeside = (at: number, sides: number[], low: number, high: number, from: number, to: number) =>
        sides.some((side) => Math.abs(side - at) < LANE_GAP) && Math.min(high, to) > Math.max(low, from);
      const isAlong =
        start.y === end.y
          ? isBeside(start.y, [top, bottom], Math.min(start.x, end.x), Math.max(start.x, end.x), left, right)
          : isBeside(start.x, [left, right], Math.min(start.y, end.y), Math.max(start.y, end.y), top, bottom);
      return isAlong ? [`(${start.x}, ${start.y}) to (${end.x}, ${end.y})`] : [];
    });
  });
}

describe('a link beside a domain outline', () => {
  // As the winery after auto-layout: Bottling Runs' dataset runs back to Tasting Room Sales, each
  // in a domain a stub wide round it, so the plain way runs down Bottling's right side, along
  // Cellar Door's bottom and up its left side.
  const bottlingRuns = { x: 600, y: 100, width: 168, height: 80 };
  const tastingRoomSales = { x: 100, y: 300, width: 168, height: 80 };
  const from = { x: 768, y: 140 };
  const to = { x: 100, y: 340 };
  const outlines = [domainRound(bottlingRuns, 24), domainRound(tastingRoomSales, 24)];
  const bothNodes = boundsOf([bottlingRuns, tastingRoomSales]) as Rect;

  it('would run on the outlines by its plain way', () => {
    expect(stretchesAlongOutlines(plainWay(from, to, bothNodes), outlines)).toHaveLength(3);
  });

  it('keeps a lane from every outline it runs beside, still from port to port and through no node', () => {
    const { points } = linkRoute(from, to, bothNodes, 0, [bottlingRuns, tastingRoomSales], outlines);
    expect(stretchesAlongOutlines(points, outlines)).toEqual([]);
    expect(points[0]).toEqual(from);
    expect(points.at(-1)).toEqual(to);
    const crossed = points
      .slice(1)
      .filter((end, index) =>
        [bottlingRuns, tastingRoomSales].some((body) => segmentCrosses(points[index] as Point, end, body)),
      );
    expect(crossed).toEqual([]);
  });

  it('still crosses an outline at a right angle where its way leads out of a domain', () => {
    const outside = { x: 1000, y: 400 };
    const plain = plainWay(from, outside, undefined);
    expect(linkRoute(from, outside, undefined, 0, [], outlines).points).toEqual(plain);
  });

  it('is not moved apart from another link onto an outline', () => {
    const turnX = 400;
    const link = (linkId: string, fromY: number, toY: number): RoutedLink => ({
      linkId,
      points: [
        { x: 300, y: fromY },
        { x: turnX, y: fromY },
        { x: turnX, y: toY },
        { x: 500, y: toY },
      ],
      sourcePort: `${linkId}-out`,
      targetPort: `${linkId}-in`,
      bodies: [],
      // A domain whose left side is a lane right of the shared turn.
      outlines: [{ x: turnX + LANE_GAP, y: 0, width: 300, height: 400 }],
    });
    const links = [link('a', 100, 300), link('b', 120, 320)];
    const moved = [...spreadSharedRuns(links).values()];
    expect(moved).toHaveLength(1);
    expect(stretchesAlongOutlines(moved[0] as Point[], links[0]?.outlines ?? [])).toEqual([]);
  });
});

describe('a link into a product with a neighbour a slot to its left', () => {
  // The newspaper design: Subscriber Accounts feeds Churn Risk Scores, in Reader Intelligence,
  // whose row holds Reader 360 40 px left of it. Going round Reader 360, the link turned up 8 px
  // inside Audience Analytics, along its left side: its run into Churn Risk Scores passes nearer
  // Reader 360 than a clearance (as every run into the second of a row does), so no move off the
  // outline was ever found clear.
  const subscriberAccounts = { x: 8, y: -52, width: 260, height: 78 };
  const churnRiskScores = { x: 1012, y: -456, width: 260, height: 78 };
  const reader360 = { x: 712, y: -456, width: 260, height: 78 };
  const articleEngagement = { x: 712, y: -189, width: 260, height: 78 };
  const revenuePerReader = { x: 712, y: 78, width: 260, height: 78 };
  const bodies = [subscriberAccounts, churnRiskScores, reader360, articleEngagement, revenuePerReader];
  const outlines = [
    { x: -364, y: -305, width: 1004, height: 421 },
    { x: 680, y: -245, width: 1048, height: 1011 },
    { x: 680, y: -512, width: 624, height: 167 },
  ];
  const from = { x: 272, y: 8.5 };
  const to = { x: 1008, y: -395.5 };

  it('keeps a lane from the outlines it runs beside, through no node', () => {
    const bothNodes = boundsOf([subscriberAccounts, churnRiskScores]) as Rect;
    const { points } = linkRoute(from, to, bothNodes, 0, bodies, outlines);
    expect(stretchesAlongOutlines(points, outlines)).toEqual([]);
    expect([points[0], points.at(-1)]).toEqual([from, to]);
    const crossed = points
      .slice(1)
      .filter((end, index) => bodies.some((body) => segmentCrosses(points[index] as Point, end, body)));
    expect(crossed).toEqual([]);
  });
});
