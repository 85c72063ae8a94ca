import { boundsOf, type Point, type Rect } from '../../shared/editing/geometry';
import { corners, isClearOf, routeAround, segmentCrosses } from './obstacle-route';
import { keepOffOutlines } from './outline-clearance';

/** How far a link runs straight out of an output port, or into an input port, before it turns. */
export const STUB = 24;
const CORNER_RADIUS = 8;
/** How far apart the turns of links between the same two nodes are, so they do not run on top of each other. */
export const LANE_GAP = 14;

export interface LinkRoute {
  path: string;
  /** Its corners, source to target. */
  points: readonly Point[];
  /** Where its label goes: the middle of its middle segment. */
  label: Point;
}

/** How far below its two nodes a backward link runs. */
const DETOUR_MARGIN = 28;

/**
 * A link's route: out of the right side of its source and into the left side of its target, in
 * right angles with rounded corners (`plainWay`). Where that way would cross one of `bodies`
 * (the other nodes near it), it goes round them. `bothNodes` is the box round the link's own two
 * nodes, which a backward link goes round (undefined where the nodes are not known). Its stretches
 * between turns keep a lane from the `outlines` of the domains near it that they run beside.
 */
export function linkRoute(
  source: Point,
  target: Point,
  bothNodes?: Rect,
  lane = 0,
  bodies: readonly Rect[] = [],
  outlines: readonly Rect[] = [],
): LinkRoute {
  const plain = plainWay(source, target, bothNodes, lane);
  const shift = lane * LANE_GAP;
  const [out, into] = stubEnds(source, target, bothNodes, shift);
  const around = isClearOf(plain, bodies)
    ? undefined
    : routeAround(
        stubEndOutside(source, out, bodies),
        stubEndOutside(target, into, bodies),
        bodies,
        turnXOf(source, target, shift),
      );
  const way = around ? corners([source, ...around, target]) : plain;
  return routeThrough(keepOffOutlines(way, outlines, bodies, LANE_GAP));
}

/** The route through these corners: its rounded path and its label's place. */
export function routeThrough(points: readonly Point[]): LinkRoute {
  return { path: roundedPath(points), points, label: middleOfLink(points) };
}

/**
 * The way a link takes when nothing is in it: one turn halfway, between its two nodes (however
 * narrow the gap). A link that runs backwards (its target not right of its source, as from a
 * system drawn right of its consumer) goes round below both nodes, outside their box, instead of
 * across their bodies. `lane` is the link's place among the links joining the same two nodes:
 * each turns a little further on, so they stay apart.
 */
export function plainWay(source: Point, target: Point, bothNodes: Rect | undefined, lane = 0): Point[] {
  const shift = lane * LANE_GAP;
  if (!runsBackward(source, target)) {
    const turnX = turnXOf(source, target, shift);
    return [source, { x: turnX, y: source.y }, { x: turnX, y: target.y }, target];
  }
  const [out, into] = stubEnds(source, target, bothNodes, shift);
  const box = boxOf(source, target, bothNodes);
  const belowBoth = box.y + box.height + DETOUR_MARGIN + shift;
  return [source, out, { x: out.x, y: belowBoth }, { x: into.x, y: belowBoth }, into, target];
}

/**
 * Where a link's straight runs out of its source and into its target end. A backward link's
 * runs clear the box of both nodes, so its turns up and down pass neither body; a forward
 * link's share the gap between the nodes when it is narrower than two stubs.
 */
function stubEnds(source: Point, target: Point, bothNodes: Rect | undefined, shift: number): [Point, Point] {
  if (runsBackward(source, target)) {
    const box = boxOf(source, target, bothNodes);
    return [
      { x: Math.max(source.x, box.x + box.width) + STUB + shift, y: source.y },
      { x: Math.min(target.x, box.x) - STUB - shift, y: target.y },
    ];
  }
  const stub = Math.min(STUB + shift, (target.x - source.x) / 2);
  return [
    { x: source.x + stub, y: source.y },
    { x: target.x - stub, y: target.y },
  ];
}

/**
 * The end of the stub from `port` to `end`, short of any of `bodies` it would run into: halfway
 * between the port and the nearest such body, so a node standing nearer a port than a stub is
 * gone round outside, not entered (a way starting inside it could only leave through it).
 */
function stubEndOutside(port: Point, end: Point, bodies: readonly Rect[]): Point {
  const inTheWay = bodies.filter((body) => segmentCrosses(port, end, body));
  if (inTheWay.length === 0) return end;
  const isLeftward = end.x < port.x;
  const nearestEdge = isLeftward
    ? Math.min(port.x, Math.max(...inTheWay.map((body) => body.x + body.width)))
    : Math.max(port.x, Math.min(...inTheWay.map((body) => body.x)));
  return { x: (port.x + nearestEdge) / 2, y: end.y };
}

function boxOf(source: Point, target: Point, bothNodes: Rect | undefined): Rect {
  return bothNodes ?? (boundsOf([source, target].map((point) => ({ ...point, width: 0, height: 0 }))) as Rect);
}

/** Where a forward link turns: halfway, its lane further on, but a stub from each port where the gap allows. */
function turnXOf(source: Point, target: Point, shift: number): number {
  const stub = Math.min(STUB, (target.x - source.x) / 2);
  return Math.min(target.x - stub, Math.max(source.x + stub, (source.x + target.x) / 2 + shift));
}

/** The middle of a link's middle segment, where its badge and label go. */
export function middleOfLink(points: readonly Point[]): Point {
  const middle = middleSegmentOf(points);
  return midpoint(points[middle] as Point, points[middle + 1] as Point);
}

/** The index of a link's middle segment (of the earlier one, for an even count). */
export function middleSegmentOf(points: readonly Point[]): number {
  return Math.floor((points.length - 1) / 2);
}

export function midpoint(from: Point, to: Point): Point {
  return { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 };
}

/** Whether a link between these ends must go round its nodes: its target is not right of its source. */
export function runsBackward(source: Point, target: Point): boolean {
  return target.x <= source.x;
}

/** An SVG path through the points, each corner rounded (less where the segments are short). */
export function roundedPath(points: readonly Point[]): string {
  const distinct = points.filter((point, index) => {
    const before = points[index - 1];
    return !before || before.x !== point.x || before.y !== point.y;
  });
  const [first, ...rest] = distinct;
  if (!first) return '';
  let path = `M ${first.x},${first.y}`;
  rest.forEach((point, index) => {
    const before = distinct[index] as Point;
    const after = distinct[index + 2];
    if (!after) {
      path += ` L ${point.x},${point.y}`;
      return;
    }
    const radius = Math.min(
      CORNER_RADIUS,
      Math.hypot(point.x - before.x, point.y - before.y) / 2,
      Math.hypot(after.x - point.x, after.y - point.y) / 2,
    );
    const enter = towards(point, before, radius);
    const leave = towards(point, after, radius);
    path += ` L ${enter.x},${enter.y} Q ${point.x},${point.y} ${leave.x},${leave.y}`;
  });
  return path;
}

function towards(from: Point, to: Point, distance: number): Point {
  const length = Math.hypot(to.x - from.x, to.y - from.y) || 1;
  return {
    x: round(from.x + ((to.x - from.x) / length) * distance),
    y: round(from.y + ((to.y - from.y) / length) * distance),
  };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
