import type { Mesh } from '../model';
import { overlaps, type Point, roomAlong } from './geometry';
import { domainRect, placedDomainRectsExcept } from './node-placement';

/**
 * A nudge of the domains `movingIds` shortened so none of them runs into a domain that stays:
 * the arrow keys stop a domain at its neighbour's border, as a resize stops at its children,
 * since domains never overlap. One already overlapping a neighbour (a file laid out so) is free
 * to move out of it.
 */
export function nudgeStoppedAtDomains(mesh: Mesh, movingIds: ReadonlySet<string>, offset: Point): Point {
  const moving = [...movingIds].map((id) => domainRect(mesh, id));
  const staying = placedDomainRectsExcept(mesh, movingIds);
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
