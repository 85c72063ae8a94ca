import type { Point, Rect } from '../../shared/editing/geometry';

/** How far a routed link keeps above and below the nodes it goes round. */
export const CLEARANCE = 12;
/** And beside them: clear of where other links leave and enter their ports (a link's stub). */
const SIDE_CLEARANCE = 24;
/** What a turn costs, in pixels of length: a longer way with fewer turns reads better. */
const TURN_COST = 40;
/** Beyond this many nodes near it a link keeps its plain route: routing would cost frames. */
const MAX_OBSTACLES = 150;

type Direction = 0 | 1 | 2 | 3;
const RIGHT: Direction = 0;
const STEPS: readonly Point[] = [
  { x: 1, y: 0 },
  { x: 0, y: 1 },
  { x: -1, y: 0 },
  { x: 0, y: -1 },
];

/** Whether the right-angled segment from `a` to `b` runs through the inside of `rect` (not along its edge). */
export function segmentCrosses(a: Point, b: Point, rect: Rect): boolean {
  return (
    Math.min(a.x, b.x) < rect.x + rect.width &&
    rect.x < Math.max(a.x, b.x) &&
    Math.min(a.y, b.y) < rect.y + rect.height &&
    rect.y < Math.max(a.y, b.y)
  );
}

/**
 * Whether a way through `points` keeps clear of each of `bodies`, but for the nodes it starts and
 * ends at (it leaves and enters them through their sides). Another node standing nearer an end
 * than its clearance (as one a badge widened) must still not be crossed: its bare box counts.
 */
export function isClearOf(points: readonly Point[], bodies: readonly Rect[]): boolean {
  return isWayClear(points, obstaclesOfWay(points, bodies));
}

/**
 * Whether `after`, a move of the way `before` (a run shifted, a step added), keeps clear of each of
 * `bodies` where it differs from `before`, as `isClearOf` judges. What the move kept is left as the
 * router drew it: a run into a port passes a neighbour a slot away nearer than its clearance (the
 * router cuts that clearance back to the run's turn), which must not stop every move elsewhere.
 */
export function isMoveClearOf(before: readonly Point[], after: readonly Point[], bodies: readonly Rect[]): boolean {
  const obstacles = obstaclesOfWay(after, bodies);
  const isKept = (start: Point, end: Point) =>
    before.some((point, index) => {
      const next = before[index + 1];
      return next !== undefined && isSamePoint(point, start) && isSamePoint(next, end);
    });
  return after.every((point, index) => {
    const next = after[index + 1];
    return !next || isKept(point, next) || !obstacles.some((rect) => segmentCrosses(point, next, rect));
  });
}

/** What a way from its first point to its last must keep out of: each body's clearance, its own nodes aside. */
function obstaclesOfWay(points: readonly Point[], bodies: readonly Rect[]): Rect[] {
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return [];
  return bodies.flatMap((body) => {
    const [clearance] = clearances([body]) as [Rect];
    if (!holds(clearance, first) && !holds(clearance, last)) return [clearance];
    return isOwnNode(body, clearance, first, last) ? [] : [body];
  });
}

function isSamePoint(a: Point, b: Point): boolean {
  return a.x === b.x && a.y === b.y;
}

/** Whether `body` is the node a way from `start` to `end` leaves (left of `start`) or enters (right of `end`). */
function isOwnNode(body: Rect, clearance: Rect, start: Point, end: Point): boolean {
  return (holds(clearance, start) && body.x + body.width <= start.x) || (holds(clearance, end) && body.x >= end.x);
}

function clearances(bodies: readonly Rect[]): Rect[] {
  return bodies.map((body) => ({
    x: body.x - SIDE_CLEARANCE,
    y: body.y - CLEARANCE,
    width: body.width + 2 * SIDE_CLEARANCE,
    height: body.height + 2 * CLEARANCE,
  }));
}

/**
 * The corners of a right-angled way from `start` to `end` (the ends of a link's stubs, beside its
 * ports, the way arriving and leaving heading right) that keeps clear of every one of `bodies`,
 * or undefined when there is none (or too many bodies to route round in a frame).
 * Where one vertical run can do it, that run is as near `preferredTurnX` as it can be; else the
 * way is the shortest, counting each turn as `TURN_COST` pixels more.
 */
export function routeAround(
  start: Point,
  end: Point,
  bodies: readonly Rect[],
  preferredTurnX: number,
): Point[] | undefined {
  const obstacles = obstaclesBetween(start, end, bodies);
  if (obstacles.length > MAX_OBSTACLES) return undefined;
  const turnX = singleTurnX(start, end, obstacles, preferredTurnX);
  if (turnX !== undefined) {
    return [start, { x: turnX, y: start.y }, { x: turnX, y: end.y }, end];
  }
  return shortestWay(start, end, obstacles);
}

/**
 * The bodies' clearances a way from `start` to `end` must keep out of. The link's own nodes are
 * left out: their clearance holds the end of the stub out of them (the source left of `start`, the
 * target right of `end`). Another node's clearance may hold a stub's end too, where it stands less
 * than two stubs from the link's node: it is cut back to that end, else the way would be taken
 * to start inside it and go straight through the node.
 */
function obstaclesBetween(start: Point, end: Point, bodies: readonly Rect[]): Rect[] {
  return bodies.flatMap((body) => {
    const [clearance] = clearances([body]) as [Rect];
    if (isOwnNode(body, clearance, start, end)) return [];
    return [
      [start, end].reduce<Rect>((rect, point) => (holds(rect, point) ? cutBackTo(rect, body, point) : rect), clearance),
    ];
  });
}

/** The clearance round `body` without the side of it that reaches past `point`. */
function cutBackTo(clearance: Rect, body: Rect, point: Point): Rect {
  const right = clearance.x + clearance.width;
  const bottom = clearance.y + clearance.height;
  if (point.x <= body.x) return { ...clearance, x: point.x, width: right - point.x };
  if (point.x >= body.x + body.width) return { ...clearance, width: point.x - clearance.x };
  if (point.y <= body.y) return { ...clearance, y: point.y, height: bottom - point.y };
  return { ...clearance, height: point.y - clearance.y };
}

function holds(rect: Rect, point: Point): boolean {
  return point.x > rect.x && point.x < rect.x + rect.width && point.y > rect.y && point.y < rect.y + rect.height;
}

/** The x, nearest `preferred`, where a way right, down or up, then right again is clear. */
function singleTurnX(start: Point, end: Point, obstacles: readonly Rect[], preferred: number): number | undefined {
  if (end.x < start.x) return undefined;
  const isClearAt = (x: number) => isWayClear([start, { x, y: start.y }, { x, y: end.y }, end], obstacles);
  const edges = obstacles.flatMap((rect) => [rect.x, rect.x + rect.width]);
  const candidates = [preferred, start.x, end.x, ...edges]
    .filter((x) => x >= start.x && x <= end.x)
    .sort((a, b) => Math.abs(a - preferred) - Math.abs(b - preferred) || a - b);
  return candidates.find(isClearAt);
}

function isWayClear(points: readonly Point[], obstacles: readonly Rect[]): boolean {
  return points.every((point, index) => {
    const next = points[index + 1];
    return !next || !obstacles.some((rect) => segmentCrosses(point, next, rect));
  });
}

/**
 * A shortest way over the grid the obstacles' edges and the two ends make, each state a grid point and
 * the direction it was reached in, so turns can be charged and a way never doubles back.
 */
function shortestWay(start: Point, end: Point, obstacles: readonly Rect[]): Point[] | undefined {
  const xs = gridLines(
    [start.x, end.x],
    obstacles.flatMap((rect) => [rect.x, rect.x + rect.width]),
  );
  const ys = gridLines(
    [start.y, end.y],
    obstacles.flatMap((rect) => [rect.y, rect.y + rect.height]),
  );
  const pointAt = (column: number, row: number): Point => ({ x: xs[column] as number, y: ys[row] as number });
  const stateOf = (column: number, row: number, direction: Direction) => (row * xs.length + column) * 4 + direction;
  const startColumn = xs.indexOf(start.x);
  const startRow = ys.indexOf(start.y);
  const endColumn = xs.indexOf(end.x);
  const endRow = ys.indexOf(end.y);
  const isBlocked = blockedSteps(xs, ys, obstacles);

  const cost = new Float64Array(xs.length * ys.length * 4).fill(Number.POSITIVE_INFINITY);
  const cameFrom = new Int32Array(cost.length).fill(-1);
  const queue = new MinQueue();
  const first = stateOf(startColumn, startRow, RIGHT);
  cost[first] = 0;
  // A*: the straight distance left never overstates what is left to go.
  const remaining = (column: number, row: number) =>
    Math.abs((xs[column] as number) - end.x) + Math.abs((ys[row] as number) - end.y);
  queue.push(first, remaining(startColumn, startRow));
  let reached = -1;
  while (queue.size > 0) {
    const [state, priority] = queue.pop();
    const direction = (state % 4) as Direction;
    const cell = Math.floor(state / 4);
    const column = cell % xs.length;
    const row = Math.floor(cell / xs.length);
    const stateCost = cost[state] as number;
    if (priority > stateCost + remaining(column, row)) continue;
    if (column === endColumn && row === endRow && direction !== 2) {
      reached = state;
      break;
    }
    for (const next of [0, 1, 2, 3] as Direction[]) {
      if (next === (direction + 2) % 4) continue;
      const nextColumn = column + (STEPS[next] as Point).x;
      const nextRow = row + (STEPS[next] as Point).y;
      if (nextColumn < 0 || nextRow < 0 || nextColumn >= xs.length || nextRow >= ys.length) continue;
      if (isBlocked(column, row, next)) continue;
      const from = pointAt(column, row);
      const to = pointAt(nextColumn, nextRow);
      const arrival = nextColumn === endColumn && nextRow === endRow && next !== RIGHT ? TURN_COST : 0;
      const nextCost =
        stateCost + Math.abs(to.x - from.x) + Math.abs(to.y - from.y) + (next === direction ? 0 : TURN_COST) + arrival;
      const nextState = stateOf(nextColumn, nextRow, next);
      if (nextCost < (cost[nextState] as number)) {
        cost[nextState] = nextCost;
        cameFrom[nextState] = state;
        queue.push(nextState, nextCost + remaining(nextColumn, nextRow));
      }
    }
  }
  if (reached < 0) return undefined;
  const cells: Point[] = [];
  for (let state = reached; state >= 0; state = cameFrom[state] as number) {
    const cell = Math.floor(state / 4);
    cells.push(pointAt(cell % xs.length, Math.floor(cell / xs.length)));
  }
  return corners(cells.reverse());
}

/**
 * Whether the step from grid point (column, row) in `direction` runs through an obstacle,
 * answered from a table filled once: each obstacle's edges are grid lines, so it blocks the
 * steps strictly inside its span of columns and rows.
 */
function blockedSteps(
  xs: readonly number[],
  ys: readonly number[],
  obstacles: readonly Rect[],
): (column: number, row: number, direction: Direction) => boolean {
  const columnOf = new Map(xs.map((x, index) => [x, index]));
  const rowOf = new Map(ys.map((y, index) => [y, index]));
  const across = new Uint8Array(ys.length * xs.length);
  const down = new Uint8Array(xs.length * ys.length);
  for (const rect of obstacles) {
    const [left, right] = [columnOf.get(rect.x) as number, columnOf.get(rect.x + rect.width) as number];
    const [top, bottom] = [rowOf.get(rect.y) as number, rowOf.get(rect.y + rect.height) as number];
    for (let row = top + 1; row < bottom; row++) across.fill(1, row * xs.length + left, row * xs.length + right);
    for (let column = left + 1; column < right; column++)
      down.fill(1, column * ys.length + top, column * ys.length + bottom);
  }
  return (column, row, direction) => {
    if (direction === 0) return across[row * xs.length + column] === 1;
    if (direction === 2) return across[row * xs.length + column - 1] === 1;
    if (direction === 1) return down[column * ys.length + row] === 1;
    return down[column * ys.length + row - 1] === 1;
  };
}

/** Only the points where the way turns, with its two ends. */
export function corners(points: readonly Point[]): Point[] {
  // A point repeated (a turn at the stub's very end) would read as in line with both its neighbours, losing the turn.
  const distinct = points.filter((point, index) => {
    const before = points[index - 1];
    return !before || before.x !== point.x || before.y !== point.y;
  });
  return distinct.filter((point, index) => {
    const before = distinct[index - 1];
    const after = distinct[index + 1];
    if (!before || !after) return true;
    return !((before.x === point.x && point.x === after.x) || (before.y === point.y && point.y === after.y));
  });
}

/** The ends' and the obstacles' lines, and one beyond them all on each side to go round by. */
function gridLines(ends: number[], edges: number[]): number[] {
  const all = [...ends, ...edges];
  const outside = 2 * CLEARANCE;
  return [...new Set([...all, Math.min(...all) - outside, Math.max(...all) + outside])].sort((a, b) => a - b);
}

/** A binary heap of states by cost. */
class MinQueue {
  private readonly states: number[] = [];
  private readonly costs: number[] = [];

  get size(): number {
    return this.states.length;
  }

  push(state: number, cost: number): void {
    this.states.push(state);
    this.costs.push(cost);
    let index = this.states.length - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if ((this.costs[parent] as number) <= cost) break;
      this.swap(index, parent);
      index = parent;
    }
  }

  pop(): [number, number] {
    const top: [number, number] = [this.states[0] as number, this.costs[0] as number];
    const lastState = this.states.pop() as number;
    const lastCost = this.costs.pop() as number;
    if (this.states.length > 0) {
      this.states[0] = lastState;
      this.costs[0] = lastCost;
      let index = 0;
      for (;;) {
        const left = 2 * index + 1;
        const right = left + 1;
        let smallest = index;
        if (left < this.costs.length && (this.costs[left] as number) < (this.costs[smallest] as number))
          smallest = left;
        if (right < this.costs.length && (this.costs[right] as number) < (this.costs[smallest] as number))
          smallest = right;
        if (smallest === index) break;
        this.swap(index, smallest);
        index = smallest;
      }
    }
    return top;
  }

  private swap(a: number, b: number): void {
    [this.states[a], this.states[b]] = [this.states[b] as number, this.states[a] as number];
    [this.costs[a], this.costs[b]] = [this.costs[b] as number, this.costs[a] as number];
  }
}
