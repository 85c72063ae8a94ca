import type { Point, Rect } from '../../shared/editing/geometry';
import { LANE_GAP } from './link-route';
import { isMoveClearOf } from './obstacle-route';
import { runsAlongOutlines } from './outline-clearance';
import { keepsItsTurns, MIN_STUB, type Stretch, shiftRun, stretchOf } from './route-runs';

/**
 * A link's route as drawn, with the ports it joins, the nodes near it that it must keep clear of,
 * and the domains near it whose outlines it must not run along.
 */
export interface RoutedLink {
  linkId: string;
  points: readonly Point[];
  sourcePort: string;
  targetPort: string;
  bodies: readonly Rect[];
  outlines: readonly Rect[];
}

/** Two runs overlapping by no more than this read as touching, not as one line. */
const MAX_TOUCH = 4;

/** Parallel runs closer than half a lane read as one line (3 px apart after a grouping), so are moved apart too. */
const NEAR_LINES = LANE_GAP / 2;

/** A straight run of a route, the link's corner `index` to the next. */
interface Run extends Stretch {
  link: RoutedLink;
  index: number;
}

/**
 * The routes of links that would share a stretch of line, moved apart so each reads as itself:
 * two links on one line look like one link joining the ports of both. Where two runs of different
 * links lie on one line (or less than half a lane apart), overlapping by more than a few pixels, the one whose run can move (a
 * run between two turns) moves a lane aside; where both are a port's straight run in or out,
 * which must stay level with their ports, the turns beside them move so the runs end apart, or,
 * where that would take one through a node, one runs a lane aside and steps onto its port's line
 * past the other's run. A move
 * that would take a link through a node it does not join is not made. Links that share a port
 * share their run from it: that line is true. Returns the routes that changed, by link id.
 */
export function spreadSharedRuns(links: readonly RoutedLink[]): ReadonlyMap<string, Point[]> {
  const moved = new Map<string, Point[]>();
  const pointsOf = (link: RoutedLink) => moved.get(link.linkId) ?? link.points;
  for (const runs of runsOnNearLines(links.flatMap(runsOf))) {
    if (runs.length < 2) continue;
    const sorted = [...runs].sort((a, b) => a.low - b.low || byLinkId(a.link, b.link));
    for (const [index, first] of sorted.entries()) {
      for (const second of sorted.slice(index + 1)) {
        if (second.low >= first.high - MAX_TOUCH) break;
        if (!areSeparate(first.link, second.link) || overlapOf(first, second) <= MAX_TOUCH) continue;
        if (Math.abs(first.at - second.at) >= NEAR_LINES) continue;
        const ways = waysApart(first, second, pointsOf(first.link), pointsOf(second.link));
        const way = ways.find((routes) => routes.every(([link, points]) => isFit(pointsOf(link), points, link)));
        for (const [link, points] of way ?? []) moved.set(link.linkId, points);
      }
    }
  }
  return moved;
}

/**
 * Runs grouped by the line they lie on, runs in one direction less than `NEAR_LINES` apart counted
 * on one line (and a line of such runs taking in the next run near its last).
 */
function runsOnNearLines(runs: readonly Run[]): Run[][] {
  const groups: Run[][] = [];
  for (const isHorizontal of [true, false]) {
    const across = runs.filter((run) => run.isHorizontal === isHorizontal).sort((a, b) => a.at - b.at);
    for (const [index, run] of across.entries()) {
      const previous = across[index - 1];
      if (previous && run.at - previous.at < NEAR_LINES) groups.at(-1)?.push(run);
      else groups.push([run]);
    }
  }
  return groups;
}

function runsOf(link: RoutedLink): Run[] {
  return link.points.slice(1).flatMap((_, index) => {
    const stretch = stretchOf(link.points, index);
    return stretch ? [{ ...stretch, link, index }] : [];
  });
}

function areSeparate(a: RoutedLink, b: RoutedLink): boolean {
  return a.linkId !== b.linkId && a.sourcePort !== b.sourcePort && a.targetPort !== b.targetPort;
}

function overlapOf(a: Run, b: Run): number {
  return Math.min(a.high, b.high) - Math.max(a.low, b.low);
}

function byLinkId(a: RoutedLink, b: RoutedLink): number {
  return a.linkId < b.linkId ? -1 : a.linkId > b.linkId ? 1 : 0;
}

function isPortRun(run: Run): boolean {
  return run.index === 0 || run.index === run.link.points.length - 2;
}

type Reroute = Array<[RoutedLink, Point[]]>;

/** Ways to take the shared stretch away, best first: new routes for one or both links. */
function waysApart(a: Run, b: Run, aPoints: readonly Point[], bPoints: readonly Point[]): Reroute[] {
  const movable = [b, a].filter((run) => !isPortRun(run));
  const lanesAside = movable.flatMap((run) =>
    [LANE_GAP, -LANE_GAP].map((side): Reroute => {
      const [points, other] = run === a ? [aPoints, b] : [bPoints, a];
      // A lane from the other run's line, not from its own, which may lie a few pixels off it.
      const by = other.at + side - run.at;
      return [[run.link, shiftRun(points, run.index, run.isHorizontal, by)]];
    }),
  );
  if (movable.length > 0) return lanesAside;
  return [endPortRunsApart(a, b, aPoints, bPoints), stepPast(b, a, bPoints), stepPast(a, b, aPoints)].filter(
    (way) => way.length > 0,
  );
}

/**
 * Whether a moved route clears the nodes near it where it moved, runs along no more domain outlines than it
 * did, and turns as it did. A step past another run (`stepPast`) adds turns, which it places itself.
 */
function isFit(before: readonly Point[], after: readonly Point[], link: RoutedLink): boolean {
  return (
    (after.length !== before.length || keepsItsTurns(before, after)) &&
    isMoveClearOf(before, after, link.bodies) &&
    runsAlongOutlines(after, link.outlines, LANE_GAP) <= runsAlongOutlines(before, link.outlines, LANE_GAP)
  );
}

/**
 * Two port runs on one line, one leaving its port towards the other's: the turns that end them
 * go to a third and two thirds of the way between the two ports, so the runs end apart.
 */
function endPortRunsApart(a: Run, b: Run, aPoints: readonly Point[], bPoints: readonly Point[]): Reroute {
  // A route of fewer than four corners has no run between its port runs to move.
  if (aPoints.length < 4 || bPoints.length < 4) return [];
  const [aPort, aTurn] = portAndTurnOf(a, aPoints);
  const [bPort, bTurn] = portAndTurnOf(b, bPoints);
  const isFacing = aTurn > aPort === bPort > aPort && bTurn > bPort === aPort > bPort;
  if (!isFacing || Math.abs(bPort - aPort) < 3 * MIN_STUB) return [];
  const third = (bPort - aPort) / 3;
  return [
    [a.link, turnAt(aPoints, a, aPort + third)],
    [b.link, turnAt(bPoints, b, aPort + 2 * third)],
  ];
}

/** Where a port run starts (at its port) and ends (at its turn), along its line. */
function portAndTurnOf(run: Run, points: readonly Point[]): [number, number] {
  const along = (point: Point) => (run.isHorizontal ? point.x : point.y);
  const [port, turn] =
    run.index === 0 ? [points[0], points[1]] : [points[points.length - 1], points[points.length - 2]];
  return [along(port as Point), along(turn as Point)];
}

/** The route with the turn that ends its port run `run` moved to `to` along the run's line. */
function turnAt(points: readonly Point[], run: Run, to: number): Point[] {
  const turn = run.index === 0 ? 1 : points.length - 2;
  const current = points[turn] as Point;
  const by = to - (run.isHorizontal ? current.x : current.y);
  const beside = run.index === 0 ? turn : turn - 1;
  return shiftRun(points, beside, !run.isHorizontal, by);
}

/**
 * A port run sharing its line with `other`'s, where their turns cannot move apart (each would go
 * through a node): the link runs a lane aside instead, on the side it turns to anyway, and steps
 * onto its port's line halfway between the other run's end and its port. Empty without room.
 */
function stepPast(run: Run, other: Run, points: readonly Point[]): Reroute {
  if (points.length < 4 || !run.isHorizontal) return [];
  const isInto = run.index !== 0;
  const [port, turn, beyond] = (isInto ? points.slice(-3).reverse() : points.slice(0, 3)) as [Point, Point, Point];
  const otherEnd = port.x > turn.x ? Math.min(other.high, port.x) : Math.max(other.low, port.x);
  const isOtherEndBetween = Math.min(turn.x, port.x) < otherEnd && otherEnd < Math.max(turn.x, port.x);
  const toBeyond = beyond.y - turn.y;
  if (!isOtherEndBetween || Math.abs(port.x - otherEnd) < 2 * MIN_STUB || Math.abs(toBeyond) < LANE_GAP + MIN_STUB)
    return [];
  const stepX = (otherEnd + port.x) / 2;
  const asideY = turn.y + Math.sign(toBeyond) * LANE_GAP;
  const step = [
    { x: turn.x, y: asideY },
    { x: stepX, y: asideY },
    { x: stepX, y: port.y },
  ];
  return [[run.link, isInto ? [...points.slice(0, -2), ...step, port] : [port, ...step.reverse(), ...points.slice(2)]]];
}
