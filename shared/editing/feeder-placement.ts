import type { Mesh } from '../model';
import { inflate, overlaps, type Point } from './geometry';
import { withPositions } from './layout-edits';
import { childrenOf } from './mesh-index';
import { childRect, DEFAULT_NODE_SIZE, DOMAIN_PADDING, type SizeOf, SLOT_GAP } from './node-placement';

/**
 * Where a new node that will feed `consumerId` goes, and the document with room made for it:
 * left of the consumer and level with it, as data flows, so its link runs straight into the
 * consumer's inputs. Where that spot is taken or outside the domain, the consumer and every
 * sibling not left of it move right by a cell; undefined when one of those is locked.
 */
export function withRoomToFeed(
  mesh: Mesh,
  domainId: string,
  consumerId: string,
  sizeOf: SizeOf,
): { mesh: Mesh; position: Point } | undefined {
  const consumer = childRect(mesh, consumerId, sizeOf);
  if (!consumer) return undefined;
  const cellWidth = DEFAULT_NODE_SIZE.width + SLOT_GAP;
  const spot = { ...DEFAULT_NODE_SIZE, x: consumer.x - cellWidth, y: consumer.y };
  const siblings = childrenOf(mesh, domainId).flatMap((child) => {
    const rect = childRect(mesh, child.id, sizeOf);
    return rect ? [{ id: child.id, rect }] : [];
  });
  const isSpotFree =
    spot.x >= DOMAIN_PADDING.side && !siblings.some(({ rect }) => overlaps(inflate(rect, SLOT_GAP), spot));
  if (isSpotFree) return { mesh, position: { x: spot.x, y: spot.y } };
  const movers = siblings.filter(({ rect }) => rect.x >= consumer.x);
  if (movers.some(({ id }) => mesh.layout.nodes[id]?.locked)) return undefined;
  const moved = new Map(movers.map(({ id, rect }) => [id, { x: rect.x + cellWidth, y: rect.y }]));
  return { mesh: withPositions(mesh, moved), position: { x: consumer.x, y: consumer.y } };
}
