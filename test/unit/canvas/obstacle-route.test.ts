import { describe, expect, it } from 'vitest';
import { linkRoute, STUB } from '../../../renderer/canvas/link-route';
import { CLEARANCE, isClearOf, segmentCrosses } from '../../../renderer/canvas/obstacle-route';
import type { Point, Rect } from '../../../shared/editing/geometry';

/** Whether each segment of the way is horizontal or vertical. */
const isRightAngled = (points: readonly Point[]) =>
  points.every((point, index) => {
    const next = points[index + 1];
    return !next || next.x === point.x || next.y === point.y;
  });

const crossesAny = (points: readonly Point[], bodies: readonly Rect[]) =>
  points.some((point, index) => {
    const next = points[index + 1];
    return next !== undefined && bodies.some((body) => segmentCrosses(point, next, body));
  });

describe('a right-angled segment through a box', () => {
  const box = { x: 100, y: 100, width: 50, height: 50 };

  it.each([
    [{ x: 120, y: 0 }, { x: 120, y: 300 }, true],
    [{ x: 0, y: 120 }, { x: 300, y: 120 }, true],
    [{ x: 100, y: 0 }, { x: 100, y: 300 }, false],
    [{ x: 0, y: 150 }, { x: 300, y: 150 }, false],
    [{ x: 0, y: 120 }, { x: 100, y: 120 }, false],
    [{ x: 160, y: 0 }, { x: 160, y: 300 }, false],
  ])('from %j to %j crosses it: %s', (a, b, crosses) => {
    expect(segmentCrosses(a, b, box)).toBe(crosses);
  });
});

describe('a link with a node in its way', () => {
  // As in the e-commerce sample: orders → sales-dashboard, with customer-360 between them.
  const source = { x: 520, y: 230 };
  const target = { x: 845, y: 440 };
  const between = { x: 635, y: 320, width: 130, height: 45 };

  it('turns where its one vertical run clears the node, as near the middle as it can', () => {
    const { points } = linkRoute(source, target, undefined, 0, [between]);
    expect(points).toHaveLength(4);
    expect(isClearOf(points, [between])).toBe(true);
    expect(points[1]?.x).toBe(between.x - 24);
  });

  it('keeps its plain route when nothing is in the way', () => {
    const clear = linkRoute(source, target, undefined, 0, [{ x: 900, y: 0, width: 100, height: 40 }]);
    expect(clear).toEqual(linkRoute(source, target));
  });

  it('goes round a node that blocks every vertical run, above or below it, in right angles', () => {
    const wall = { x: 560, y: 150, width: 260, height: 360 };
    const { points } = linkRoute({ x: 500, y: 300 }, { x: 900, y: 320 }, undefined, 0, [wall]);
    expect(isRightAngled(points)).toBe(true);
    expect(crossesAny(points, [wall])).toBe(false);
    const passes = points.filter((point) => point.x > wall.x && point.x < wall.x + wall.width);
    expect(passes.every((point) => point.y <= wall.y - CLEARANCE || point.y >= wall.y + wall.height + CLEARANCE)).toBe(
      true,
    );
    // It enters the target from the left, straight for at least a stub.
    expect(points.at(-2)?.y).toBe(320);
    expect(points.at(-2)?.x).toBeLessThanOrEqual(900 - STUB);
    expect(points.at(-1)).toEqual({ x: 900, y: 320 });
  });

  it('threads between nodes, and leaves and enters its own nodes through their sides', () => {
    const sourceNode = { x: 360, y: 200, width: 140, height: 80 };
    const targetNode = { x: 900, y: 380, width: 140, height: 80 };
    const column = [
      { x: 600, y: 100, width: 140, height: 150 },
      { x: 600, y: 290, width: 140, height: 300 },
    ];
    const bodies = [sourceNode, targetNode, ...column];
    const { points } = linkRoute({ x: 500, y: 240 }, { x: 900, y: 420 }, undefined, 0, bodies);
    expect(isRightAngled(points)).toBe(true);
    expect(isClearOf(points, bodies)).toBe(true);
    expect(points.some((point) => point.y > 250 && point.y < 290)).toBe(true);
  });

  it('goes round a node less than two stubs from its source, which its straight run out would reach', () => {
    // Meter Readings → Daily Consumption with AMI Head-End between them, 46 px from each.
    const sourceNode = { x: 0, y: 0, width: 200, height: 70 };
    const system = { x: 246, y: -4, width: 190, height: 100 };
    const targetNode = { x: 482, y: 0, width: 200, height: 70 };
    const below = { x: 0, y: 110, width: 200, height: 70 };
    const bodies = [sourceNode, system, targetNode, below];
    const { points } = linkRoute({ x: 200, y: 50 }, { x: 482, y: 50 }, undefined, 0, bodies);
    expect(isRightAngled(points)).toBe(true);
    expect(crossesAny(points, [system])).toBe(false);
  });

  it('goes round a node that a badge widened to less than a clearance from its target, not through it', () => {
    // The one-row metering design with AMI Head-End warned: its badge leaves it 20 px from Daily Consumption.
    const meterReadings = { x: 56, y: 80, width: 260, height: 74 };
    const amiHeadEnd = { x: 376, y: 80, width: 300, height: 160 };
    const dailyConsumption = { x: 696, y: 80, width: 260, height: 74 };
    const leakAlerts = { x: 56, y: 224, width: 260, height: 74 };
    const bodies = [meterReadings, amiHeadEnd, dailyConsumption, leakAlerts];
    const { points } = linkRoute({ x: 320, y: 136 }, { x: 692, y: 136 }, undefined, 0, bodies);
    expect(isRightAngled(points)).toBe(true);
    expect(crossesAny(points, [amiHeadEnd, leakAlerts])).toBe(false);
    expect(points.at(-1)).toEqual({ x: 692, y: 136 });
  });

  it('turns in right angles where the one clear vertical run is its straight run into the target', () => {
    // The newspaper design after grouping Churn Risk Scores beside Reader 360, up and right of
    // Subscriber Accounts: Reader 360 stands in the way of every turn but the one at the stub's end.
    const subscriberAccounts = { x: 372, y: 253, width: 260, height: 79 };
    const reader360 = { x: 712, y: -151, width: 260, height: 79 };
    const churnRiskScores = { x: 1012, y: -151, width: 260, height: 79 };
    const { points } = linkRoute(
      { x: 636, y: 313.5 },
      { x: 1008, y: -90.5 },
      { x: 372, y: -151, width: 900, height: 483 },
      0,
      [subscriberAccounts, reader360, churnRiskScores],
    );
    expect(isRightAngled(points)).toBe(true);
    expect(crossesAny(points, [reader360])).toBe(false);
    expect(points.at(-1)).toEqual({ x: 1008, y: -90.5 });
  });

  it('finds its way through a domain of a hundred products laid out in rows', () => {
    const products = Array.from({ length: 100 }, (_, index) => ({
      x: 100 + (index % 10) * 200,
      y: 100 + Math.floor(index / 10) * 120,
      width: 150,
      height: 70,
    }));
    const { points } = linkRoute({ x: 0, y: 60 }, { x: 2200, y: 1300 }, undefined, 0, products);
    expect(isRightAngled(points)).toBe(true);
    expect(isClearOf(points, products)).toBe(true);
  });

  it('goes round a node in its way when it runs backwards', () => {
    const below = { x: 300, y: 240, width: 120, height: 60 };
    const { points } = linkRoute(
      { x: 500, y: 100 },
      { x: 200, y: 120 },
      { x: 200, y: 60, width: 300, height: 172 },
      0,
      [below],
    );
    expect(isRightAngled(points)).toBe(true);
    expect(isClearOf(points, [below])).toBe(true);
  });
});
