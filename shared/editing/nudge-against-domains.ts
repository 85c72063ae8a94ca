import type { Mesh } from '../model';
import { overlaps, type Point, type Rect } from './geometry';
import { domainRect } from './node-placement';

type Axis = 'x' | 'y';

const ACROSS: Record<Axis, Axis> = { x: 'y', y: 'x' };
const LENGTH = { x: 'width', y: 'height' } as const;

/** Whether two boxes share more than an edge across `axis`: only then can one run into the other along it. */
function isInLine(rect: Rect, other: Rect, axis: Axis): boolean {
  const across = ACROSS[axis];
  const length = LENGTH[across];
  return rect[across] < other[across] + other[length] && other[across] < rect[across] + rect[length];
}

/** How far `rect` may go along `axis` (`offset` > 0 right or down) before it meets `other`; touching is still apart. */
function roomAlong(axis: Axis, rect: Rect, other: Rect, offset: number): number {
  if (!isInLine(rect, other, axis)) return offset;
  const length = LENGTH[axis];
  const gapAhead = other[axis] - (rect[axis] + rect[length]);
  const gapBehind = rect[axis] - (other[axis] + other[length]);
  if (offset > 0 && gapAhead >= 0) return Math.min(offset, gapAhead);
  if (offset < 0 && gapBehind >= 0) return Math.max(offset, -gapBehind);
  return offset;
}

/**
 * A nudge of the domains `movingIds` shortened so none of them runs into a domain that stays:
 * the arrow keys stop a domain at its neighbour's border, as a resize stops at its children,
 * since domains never overlap. One already overlapping a neighbour (a file laid out so) is free
 * to move out of it.
 */
export function nudgeStoppedAtDomains(mesh: Mesh, movingIds: ReadonlySet<string>, offset: Point): Point {
  const moving = [...movingIds].map((id) => domainRect(mesh, id));
  const staying = mesh.domains.flatMap((domain) =>
    movingIds.has(domain.id) || !mesh.layout.nodes[domain.id] ? [] : [domainRect(mesh, domain.id)],
  );
  let { x, y } = offset;
  for (const rect of moving) {
    for (const other of staying) {
      if (overlaps(rect, other)) continue;
      x = roomAlong('x', rect, other, x);
      y = roomAlong('y', rect, other, y);
    }
  }
  return { x, y };
}
