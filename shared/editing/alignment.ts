import type { Mesh } from '../model';
import {
  DOMAIN_SPACING,
  type PushAxis,
  SIBLING_SPACING,
  withDomainFitted,
  withDomainsApart,
  withNotesClearOfDomainsMovedSince,
} from './containment';
import { type Point, type Rect, slideClear, translate } from './geometry';
import { withPositions } from './layout-edits';
import { isLocked } from './locks';
import { childrenOf, nodeKindOf, owningDomainId } from './mesh-index';
import { defaultSizeOf, domainRect, type SizeOf } from './node-placement';

export type Alignment = 'left' | 'center' | 'right' | 'top' | 'middle' | 'bottom';
export type Axis = 'horizontal' | 'vertical';

/** A node's box on the canvas: domains and notes carry their size, products and systems are measured. */
export function canvasBox(mesh: Mesh, nodeId: string, sizeOf: SizeOf = defaultSizeOf): Rect {
  const layout = mesh.layout.nodes[nodeId] ?? { x: 0, y: 0 };
  const domainId = owningDomainId(mesh, nodeId);
  const origin = domainId && domainId !== nodeId ? domainRect(mesh, domainId) : { x: 0, y: 0 };
  const size =
    layout.width !== undefined && layout.height !== undefined
      ? { width: layout.width, height: layout.height }
      : sizeOf(nodeId);
  return { x: origin.x + layout.x, y: origin.y + layout.y, ...size };
}

/** The nodes an arrangement moves: unlocked ones, and no child whose domain moves with it. */
function movable(mesh: Mesh, nodeIds: Iterable<string>): string[] {
  const ids = new Set(nodeIds);
  return [...ids].filter((id) => {
    if (isLocked(mesh, id)) return false;
    const domainId = owningDomainId(mesh, id);
    return !(domainId && domainId !== id && ids.has(domainId));
  });
}

/**
 * Sets canvas positions; children's stored positions stay relative, and their domains grow to hold
 * them. Domains that then overlap (grown or moved) move apart along `pushAxis`, the axis the
 * nodes did not move on, so what was lined up stays lined up; sticky notes they come to cover move aside.
 */
function withCanvasPositions(
  mesh: Mesh,
  positions: ReadonlyMap<string, Point>,
  pushAxis: PushAxis,
  sizeOf: SizeOf,
): Mesh {
  const relative = new Map<string, Point>();
  const domainsToFit = new Set<string>();
  const movedDomains: string[] = [];
  for (const [id, point] of positions) {
    const domainId = owningDomainId(mesh, id);
    const origin = domainId && domainId !== id ? domainRect(mesh, domainId) : { x: 0, y: 0 };
    const stored = { x: point.x - origin.x, y: point.y - origin.y };
    relative.set(id, stored);
    const before = mesh.layout.nodes[id];
    if (before?.x === stored.x && before.y === stored.y) continue;
    if (domainId === id) movedDomains.push(id);
    else if (domainId) domainsToFit.add(domainId);
  }
  let next = withPositions(mesh, relative);
  for (const domainId of domainsToFit) next = withDomainFitted(next, domainId, sizeOf);
  const settled = [...domainsToFit, ...movedDomains];
  if (settled.length === 0) return next;
  return withNotesClearOfDomainsMovedSince(mesh, withDomainsApart(next, settled, pushAxis));
}

/**
 * The arranged positions, each moved further along `axis` (the one the arrangement left free) just
 * past any node of its own container it would land on: never two nodes on one spot. Nodes go in
 * their order along `axis` and, side by side, across it, so a row lined up on one edge becomes a
 * column, in the same order. A node the arrangement leaves where it is lands on nothing new, so it
 * stays, and the others clear it.
 */
function clearOfNeighbours(
  mesh: Mesh,
  positions: ReadonlyMap<string, Point>,
  axis: 'x' | 'y',
  sizeOf: SizeOf,
): Map<string, Point> {
  const isStaying = (id: string, point: Point) => {
    const box = canvasBox(mesh, id, sizeOf);
    return box.x === point.x && box.y === point.y;
  };
  const cleared = new Map([...positions].filter(([id, point]) => isStaying(id, point)));
  const boxOf = (id: string) => {
    const box = canvasBox(mesh, id, sizeOf);
    const moved = cleared.get(id);
    return moved ? { ...box, ...moved } : box;
  };
  const moving = [...positions.keys()].filter((id) => !cleared.has(id));
  const inOrder = inBandsAlong(
    moving.map((id) => ({ id, box: canvasBox(mesh, id, sizeOf) })),
    axis,
  ).map((id) => [id, positions.get(id) as Point] as const);
  for (const [id, point] of inOrder) {
    const neighbours = neighboursOf(mesh, id).filter((other) => cleared.has(other) || !positions.has(other));
    const spacing = nodeKindOf(mesh, id) === 'domain' ? DOMAIN_SPACING : SIBLING_SPACING;
    const box = { ...canvasBox(mesh, id, sizeOf), ...point };
    cleared.set(id, translate(point, slideClear([box], neighbours.map(boxOf), { x: 0, y: 0 }, spacing, axis)));
  }
  return cleared;
}

/**
 * The ids in order along `axis`, where boxes side by side (their spans on `axis` overlapping, as in
 * a row for `y`) form one band, ordered across `axis`: their small offsets along it (tops of nodes
 * of different heights) or the order they were selected in say nothing of the order they stand in.
 */
function inBandsAlong(boxes: ReadonlyArray<{ id: string; box: Rect }>, axis: 'x' | 'y'): string[] {
  const length = axis === 'x' ? 'width' : 'height';
  const across = axis === 'x' ? 'y' : 'x';
  const bands: Array<{ end: number; members: Array<{ id: string; box: Rect }> }> = [];
  for (const entry of [...boxes].sort((a, b) => a.box[axis] - b.box[axis])) {
    const band = bands.at(-1);
    if (band && entry.box[axis] < band.end) {
      band.members.push(entry);
      band.end = Math.max(band.end, entry.box[axis] + entry.box[length]);
    } else bands.push({ end: entry.box[axis] + entry.box[length], members: [entry] });
  }
  return bands.flatMap((band) => band.members.sort((a, b) => a.box[across] - b.box[across]).map(({ id }) => id));
}

/** The nodes that share a container with `nodeId`: its domain's other children, or the other domains; notes may sit anywhere. */
function neighboursOf(mesh: Mesh, nodeId: string): string[] {
  const kind = nodeKindOf(mesh, nodeId);
  if (kind === 'domain') return mesh.domains.flatMap((domain) => (domain.id === nodeId ? [] : [domain.id]));
  if (kind !== 'product' && kind !== 'system') return [];
  const domainId = owningDomainId(mesh, nodeId) as string;
  return childrenOf(mesh, domainId).flatMap((child) => (child.id === nodeId ? [] : [child.id]));
}

/** The document with the nodes lined up on one edge or centre line of the box around them all. */
export function withAligned(mesh: Mesh, nodeIds: Iterable<string>, alignment: Alignment, sizeOf = defaultSizeOf): Mesh {
  const ids = movable(mesh, nodeIds);
  const lockedIds = lockedAmong(mesh, nodeIds);
  if (ids.length === 0 || ids.length + lockedIds.length < 2) return mesh;
  const boxes = ids.map((id) => ({ id, box: canvasBox(mesh, id, sizeOf) }));
  // A locked node cannot move to the others' line, so the line is its own (Illustrator's key object).
  const lineBoxes =
    lockedIds.length > 0 ? lockedIds.map((id) => canvasBox(mesh, id, sizeOf)) : boxes.map(({ box }) => box);
  const left = Math.min(...lineBoxes.map((box) => box.x));
  const right = Math.max(...lineBoxes.map((box) => box.x + box.width));
  const top = Math.min(...lineBoxes.map((box) => box.y));
  const bottom = Math.max(...lineBoxes.map((box) => box.y + box.height));
  const place = (box: Rect): Point => {
    switch (alignment) {
      case 'left':
        return { x: left, y: box.y };
      case 'center':
        return { x: Math.round((left + right - box.width) / 2), y: box.y };
      case 'right':
        return { x: right - box.width, y: box.y };
      case 'top':
        return { x: box.x, y: top };
      case 'middle':
        return { x: box.x, y: Math.round((top + bottom - box.height) / 2) };
      case 'bottom':
        return { x: box.x, y: bottom - box.height };
    }
  };
  const pushAxis = alignment === 'left' || alignment === 'center' || alignment === 'right' ? 'y' : 'x';
  const positions = new Map(boxes.map(({ id, box }) => [id, place(box)]));
  return withCanvasPositions(mesh, clearOfNeighbours(mesh, positions, pushAxis, sizeOf), pushAxis, sizeOf);
}

type Run = ReadonlyArray<{ id: string; box: Rect }>;
const AXIS_SIDES = { horizontal: ['x', 'width'], vertical: ['y', 'height'] } as const;

/**
 * The document with the nodes spaced evenly between the first and the last along an axis (three or
 * more). Locked nodes stay, as the first and last do: the nodes between two of them are spaced
 * evenly there. Nodes with no order along the axis stay where they are (see `overlapAlong`).
 */
export function withDistributed(mesh: Mesh, nodeIds: Iterable<string>, axis: Axis, sizeOf = defaultSizeOf): Mesh {
  const distribution = distributionOf(mesh, nodeIds, axis, sizeOf);
  if (!distribution || hasUnorderedRun(distribution, axis)) return mesh;
  const positions = new Map<string, Point>();
  for (const run of distribution.runs) {
    for (const [id, point] of evenlySpaced(run, axis)) {
      if (!distribution.lockedIds.includes(id)) positions.set(id, point);
    }
  }
  const pushAxis = axis === 'horizontal' ? 'y' : 'x';
  return withCanvasPositions(mesh, clearOfNeighbours(mesh, positions, pushAxis, sizeOf), pushAxis, sizeOf);
}

/**
 * Whether nodes to distribute all cover one stretch of the axis (a column of different widths,
 * spaced horizontally): they have no order along it, so no spacing of them is even.
 */
export function overlapAlong(mesh: Mesh, nodeIds: Iterable<string>, axis: Axis, sizeOf = defaultSizeOf): boolean {
  const distribution = distributionOf(mesh, nodeIds, axis, sizeOf);
  return !!distribution && hasUnorderedRun(distribution, axis);
}

interface Distribution {
  /** The nodes in order along the axis, cut at the first, the last and each locked node, which stay: each run is spaced evenly. */
  runs: Run[];
  lockedIds: string[];
}

/** What distributing the nodes spaces: none where fewer than three take part or none of them can move. */
function distributionOf(mesh: Mesh, nodeIds: Iterable<string>, axis: Axis, sizeOf: SizeOf): Distribution | undefined {
  const ids = movable(mesh, nodeIds);
  const lockedIds = lockedAmong(mesh, nodeIds);
  if (ids.length === 0 || ids.length + lockedIds.length < 3) return undefined;
  const [start] = AXIS_SIDES[axis];
  const boxes = [...ids, ...lockedIds]
    .map((id) => ({ id, box: canvasBox(mesh, id, sizeOf) }))
    .sort((a, b) => a.box[start] - b.box[start]);
  const anchors = boxes.flatMap(({ id }, index) =>
    index === 0 || index === boxes.length - 1 || lockedIds.includes(id) ? [index] : [],
  );
  return { runs: anchors.slice(1).map((end, index) => boxes.slice(anchors[index], end + 1)), lockedIds };
}

/**
 * Whether a run with nodes between its ends has them all over one stretch of the axis. Boxes that
 * only overlap in a cascade still have an order along it.
 */
function hasUnorderedRun({ runs }: Distribution, axis: Axis): boolean {
  const [start, length] = AXIS_SIDES[axis];
  return runs.some(
    (run) =>
      run.length > 2 &&
      Math.max(...run.map(({ box }) => box[start])) < Math.min(...run.map(({ box }) => box[start] + box[length])),
  );
}

/** Where the boxes go, spaced evenly along the axis between the first and the last, which stay (with equal overlaps in a cascade). */
function evenlySpaced(run: Run, axis: Axis): Map<string, Point> {
  const [start, length] = AXIS_SIDES[axis];
  const first = (run[0] as Run[number]).box;
  const last = (run.at(-1) as Run[number]).box;
  const span = last[start] + last[length] - first[start];
  const gap = (span - run.reduce((sum, { box }) => sum + box[length], 0)) / (run.length - 1);
  const positions = new Map<string, Point>();
  let cursor = first[start];
  for (const { id, box } of run) {
    positions.set(id, { ...{ x: box.x, y: box.y }, [start]: Math.round(cursor) });
    cursor += box[length] + gap;
  }
  return positions;
}

/** The locked nodes among `nodeIds`: an arrangement lines the others up on them, or spaces them up to them. */
function lockedAmong(mesh: Mesh, nodeIds: Iterable<string>): string[] {
  return [...new Set(nodeIds)].filter((id) => isLocked(mesh, id));
}

/** A line drawn while dragging where the dragged box lines up with another: vertical at `x`, or horizontal at `y`. */
export type Guide =
  | { axis: 'x'; at: number; from: number; to: number }
  | { axis: 'y'; at: number; from: number; to: number };

export interface Snap {
  /** How far to move the dragged box so it lines up (zero on an axis with nothing close). */
  offset: Point;
  guides: Guide[];
}

/**
 * Where a dragged box lines up, edge or centre, with one of `others` within `threshold`: the
 * nudge that makes it line up exactly, and the guide lines to draw through both.
 */
export function alignmentSnap(moving: Rect, others: readonly Rect[], threshold: number): Snap {
  const lines = (rect: Rect, axis: 'x' | 'y') =>
    axis === 'x'
      ? [rect.x, rect.x + rect.width / 2, rect.x + rect.width]
      : [rect.y, rect.y + rect.height / 2, rect.y + rect.height];
  const best = (axis: 'x' | 'y') => {
    let found: { delta: number; at: number; other: Rect } | undefined;
    for (const other of others) {
      for (const mine of lines(moving, axis)) {
        for (const theirs of lines(other, axis)) {
          const delta = theirs - mine;
          if (Math.abs(delta) <= threshold && (!found || Math.abs(delta) < Math.abs(found.delta))) {
            found = { delta, at: theirs, other };
          }
        }
      }
    }
    return found;
  };
  const x = best('x');
  const y = best('y');
  const offset = { x: x?.delta ?? 0, y: y?.delta ?? 0 };
  const snapped = { ...moving, x: moving.x + offset.x, y: moving.y + offset.y };
  const guides: Guide[] = [];
  if (x) {
    const from = Math.min(snapped.y, x.other.y);
    guides.push({ axis: 'x', at: x.at, from, to: Math.max(snapped.y + snapped.height, x.other.y + x.other.height) });
  }
  if (y) {
    const from = Math.min(snapped.x, y.other.x);
    guides.push({ axis: 'y', at: y.at, from, to: Math.max(snapped.x + snapped.width, y.other.x + y.other.width) });
  }
  return { offset, guides };
}
