import { describe, expect, it } from 'vitest';
import { LANE_GAP } from '../../../renderer/canvas/link-route';
import { type RoutedLink, spreadSharedRuns } from '../../../renderer/canvas/shared-runs';
import type { Point } from '../../../shared/editing/geometry';
import { sharedLength } from './shared-length';

const link = (linkId: string, points: Point[], bodies: RoutedLink['bodies'] = []): RoutedLink => ({
  linkId,
  points,
  sourcePort: `${linkId}-out`,
  targetPort: `${linkId}-in`,
  bodies,
  outlines: [],
});

const routeOf = (links: RoutedLink[], linkId: string) =>
  spreadSharedRuns(links).get(linkId) ?? links.find((each) => each.linkId === linkId)?.points ?? [];

describe('links that would share a stretch of line', () => {
  // The car-rental design: Reservations' dataset leaves level with Booking Events' input, and the
  // ReservationBooked link turns round Reservations into that input.
  const reservations = { x: 396, y: 460, width: 260, height: 74 };
  const bookingEvents = { x: 736, y: 460, width: 260, height: 74 };
  const toFleetUtilisation = link('reservations-to-fleet-utilisation', [
    { x: 660, y: 516.5 },
    { x: 696, y: 516.5 },
    { x: 696, y: 332.5 },
    { x: 732, y: 332.5 },
  ]);
  const toBookingEvents = link(
    'reservation-booked-to-booking-events',
    [
      { x: 360, y: 611.5 },
      { x: 680, y: 611.5 },
      { x: 680, y: 516.5 },
      { x: 732, y: 516.5 },
    ],
    [reservations, bookingEvents],
  );

  it('end their runs out of and into ports apart, each turning in its own place', () => {
    const links = [toFleetUtilisation, toBookingEvents];
    const out = routeOf(links, toFleetUtilisation.linkId);
    const into = routeOf(links, toBookingEvents.linkId);
    expect(sharedLength(toFleetUtilisation.points, toBookingEvents.points)).toBe(16);
    expect(sharedLength(out, into)).toBe(0);
    expect(out[1]?.x).toBeLessThan(into[2]?.x as number);
    expect([out[0], out.at(-1), into[0], into.at(-1)]).toEqual([
      toFleetUtilisation.points[0],
      toFleetUtilisation.points.at(-1),
      toBookingEvents.points[0],
      toBookingEvents.points.at(-1),
    ]);
  });

  it('take lanes side by side where they turn on one line between the same two columns', () => {
    const upper = link('a', [
      { x: 0, y: 0 },
      { x: 100, y: 0 },
      { x: 100, y: 200 },
      { x: 200, y: 200 },
    ]);
    const lower = link('b', [
      { x: 0, y: 100 },
      { x: 100, y: 100 },
      { x: 100, y: 300 },
      { x: 200, y: 300 },
    ]);
    const links = [upper, lower];
    expect(sharedLength(routeOf(links, 'a'), routeOf(links, 'b'))).toBe(0);
  });

  it('keep a run they share out of one port: both links leave it there', () => {
    const fanOut = [
      {
        ...link('a', [
          { x: 0, y: 0 },
          { x: 50, y: 0 },
          { x: 50, y: 100 },
          { x: 100, y: 100 },
        ]),
        sourcePort: 'p/out',
      },
      {
        ...link('b', [
          { x: 0, y: 0 },
          { x: 50, y: 0 },
          { x: 50, y: -100 },
          { x: 100, y: -100 },
        ]),
        sourcePort: 'p/out',
      },
    ];
    expect(spreadSharedRuns(fanOut).size).toBe(0);
  });

  it('take lanes apart where they run a few pixels apart, which reads as one line (postal service, after Ctrl+G)', () => {
    // Network Analytics, just grouped: both links come round to its left border, a lane off it, 3 px apart.
    const networkAnalytics = { x: 198, y: 134, width: 474, height: 404 };
    const besideIt = (linkId: string, points: Point[]) => ({ ...link(linkId, points), outlines: [networkAnalytics] });
    const fromPos = besideIt('pos-to-counter-sales', [
      { x: 100, y: 264 },
      { x: 181, y: 264 },
      { x: 181, y: 218 },
      { x: 452, y: 218 },
    ]);
    const fromTracking = besideIt('tracking-to-round-performance', [
      { x: 478, y: 40 },
      { x: 478, y: 168 },
      { x: 184, y: 168 },
      { x: 184, y: 498 },
      { x: 216, y: 498 },
    ]);
    const links = [fromPos, fromTracking];
    const verticalAt = (points: readonly Point[], from: number) => (points[from] as Point).x;

    const pos = verticalAt(routeOf(links, fromPos.linkId), 1);
    const tracking = verticalAt(routeOf(links, fromTracking.linkId), 2);

    expect(Math.abs(pos - tracking)).toBeGreaterThanOrEqual(LANE_GAP);
    expect(Math.max(pos, tracking)).toBeLessThanOrEqual(networkAnalytics.x - LANE_GAP);
  });

  it('stay where they touch for no more than a few pixels', () => {
    const corner = [
      link('a', [
        { x: 0, y: 0 },
        { x: 50, y: 0 },
        { x: 50, y: 100 },
        { x: 100, y: 100 },
      ]),
      link('b', [
        { x: 0, y: 97 },
        { x: 30, y: 97 },
        { x: 30, y: 300 },
        { x: 100, y: 300 },
      ]),
    ];
    expect(spreadSharedRuns(corner).size).toBe(0);
  });
});
