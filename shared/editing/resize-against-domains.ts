import type { Mesh } from '../model';
import { type Axis, overlaps, type Rect, roomAlong } from './geometry';
import { domainRect, placedDomainRectsExcept } from './node-placement';

const LENGTH = { x: 'width', y: 'height' } as const;

/**
 * `requested`, the box a domain is resized to by hand, with each edge that grows stopped at the
 * border of a neighbour domain it would run into (touching is still apart), as the arrow keys stop
 * a nudged domain, since domains never overlap. Sideways first, then up or down across the new
 * width, so a corner dragged diagonally towards a neighbour stops too. A neighbour the domain
 * already overlaps (a file laid out so) does not stop it, so it is free to shrink out of it.
 */
export function reshapeStoppedAtDomains(mesh: Mesh, domainId: string, requested: Rect): Rect {
  const before = domainRect(mesh, domainId);
  const neighbours = placedDomainRectsExcept(mesh, new Set([domainId])).filter((other) => !overlaps(before, other));
  const widened = spanStopped('x', before, requested, neighbours);
  return spanStopped('y', widened, requested, neighbours);
}

/** `rect` with its extent along `axis` taken from `requested`, each growing edge stopped at the first of `neighbours` in its way. */
function spanStopped(axis: Axis, rect: Rect, requested: Rect, neighbours: readonly Rect[]): Rect {
  const length = LENGTH[axis];
  const start = rect[axis];
  const end = start + rect[length];
  const requestedStart = requested[axis];
  const requestedEnd = requestedStart + requested[length];
  const roomFrom = (edge: number, offset: number) =>
    neighbours.reduce((room, other) => roomAlong(axis, { ...rect, [axis]: edge, [length]: 0 }, other, room), offset);
  const newStart = requestedStart < start ? start + roomFrom(start, requestedStart - start) : requestedStart;
  const newEnd = requestedEnd > end ? end + roomFrom(end, requestedEnd - end) : requestedEnd;
  return { ...rect, [axis]: newStart, [length]: newEnd - newStart };
}
