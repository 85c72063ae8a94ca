import type { Mesh } from '../model';
import { isBlank } from '../model/blank-text';
import type { Added } from './child-nodes';
import { childBoxes, withDomainFitted, withDomainGrownAside, withDomainsApart } from './containment';
import { withDomainAdded, withDomainUpdated } from './domains';
import { inFlowOrder } from './flow-order';
import { boundsOf, type Rect } from './geometry';
import { withDomainOf, withNodeMovedToDomain, withPositions } from './layout-edits';
import { domainById, owningDomainId, productById, systemById } from './mesh-index';
import {
  absolutePosition,
  DOMAIN_PADDING,
  defaultSizeOf,
  MIN_DOMAIN_SIZE,
  type SizeOf,
  SLOT_GAP,
  setLayout,
} from './node-placement';
import { readingOrder } from './reading-order';

/** Node ids as a list or a set (a selection); not any iterable, since a single id string is one too. */
export type NodeIdList = readonly string[] | ReadonlySet<string>;

/** The products and systems among some selected nodes: the only ones a domain can hold. */
export function groupableNodeIds(mesh: Mesh, nodeIds: NodeIdList): string[] {
  return [...nodeIds].filter((id) => productById(mesh, id) ?? systemById(mesh, id));
}

/**
 * The products and systems among some selected nodes that a move to another domain would take:
 * not those whose domain is selected too (a pasted domain with its nodes), which go with it.
 */
export function movableNodeIds(mesh: Mesh, nodeIds: NodeIdList): string[] {
  const selected = new Set(nodeIds);
  return groupableNodeIds(mesh, selected).filter((id) => !selected.has(owningDomainId(mesh, id) ?? ''));
}

/**
 * The document with a new domain holding the given products and systems, sized to fit them: as
 * they were arranged when they come from one domain, else side by side in a row in the order data
 * flows between them (their old places, in different domains, say nothing of how they belong
 * together). It goes where they were drawn, or (domains never overlap) slides to the nearest free
 * place beside their old domains, with them; an old domain left with nothing shrinks to the empty
 * size. Their links are theirs, so they follow. The domain's owner is its products' owner where
 * they all have the same one. Undefined when none of the nodes is a product or system.
 */
export function withNodesGroupedIntoNewDomain(
  mesh: Mesh,
  nodeIds: NodeIdList,
  sizeOf: SizeOf = defaultSizeOf,
): Added | undefined {
  const ids = groupableNodeIds(mesh, nodeIds);
  const sourceDomains = domainsOf(mesh, ids);
  const boxes = arrangedTogether(mesh, ids, sizeOf);
  const arranged = boundsOf(boxes);
  if (!arranged) return undefined;
  const wanted = rectHolding(arranged);
  const added = withDomainAdded(mesh, wanted);
  let next = withDomainUpdated(setLayout(added.mesh, added.id, wanted), added.id, { owner: sharedOwner(mesh, ids) });
  for (const id of ids) next = withDomainOf(next, id, added.id);
  next = withPositions(next, new Map(boxes.map((box) => [box.id, { x: box.x - wanted.x, y: box.y - wanted.y }])));
  for (const domainId of sourceDomains) {
    const layout = next.layout.nodes[domainId];
    if (layout && childBoxes(next, domainId, sizeOf).length === 0)
      next = setLayout(next, domainId, { ...layout, ...MIN_DOMAIN_SIZE });
  }
  // The old domains, which held them, stay where they are: the new one moves out of their way.
  const oldDomains = mesh.domains.map((domain) => domain.id);
  next = withDomainsApart(withDomainFitted(next, added.id, sizeOf), oldDomains);
  return { mesh: next, id: added.id };
}

/** The owner every one of these nodes' products has, blank where they differ, one has none, or there are none. */
function sharedOwner(mesh: Mesh, nodeIds: readonly string[]): string {
  const owners = new Set(nodeIds.flatMap((id) => productById(mesh, id)?.owner ?? []));
  const [owner] = owners;
  return owners.size === 1 && !isBlank(owner) ? (owner as string) : '';
}

/** A domain's box holding nodes whose extent is `extent`, with the padding round them. */
function rectHolding(extent: Rect): Rect {
  return {
    x: extent.x - DOMAIN_PADDING.side,
    y: extent.y - DOMAIN_PADDING.top,
    width: Math.max(MIN_DOMAIN_SIZE.width, extent.width + 2 * DOMAIN_PADDING.side),
    height: Math.max(MIN_DOMAIN_SIZE.height, extent.height + DOMAIN_PADDING.top + DOMAIN_PADDING.bottom),
  };
}

/** The different domains holding these nodes. */
function domainsOf(mesh: Mesh, nodeIds: readonly string[]): string[] {
  return [...new Set(nodeIds.map((id) => owningDomainId(mesh, id) ?? ''))];
}

/**
 * The nodes' boxes on the canvas as they go together: as drawn when they come from one domain,
 * else side by side in the order data flows (where they lay in different domains says nothing).
 */
function arrangedTogether(mesh: Mesh, nodeIds: readonly string[], sizeOf: SizeOf): (Rect & { id: string })[] {
  const drawn = nodeIds.map((id) => ({ id, ...absolutePosition(mesh, id), ...sizeOf(id) }));
  const extent = boundsOf(drawn);
  if (!extent || domainsOf(mesh, nodeIds).length === 1) return drawn;
  return inARow(mesh, drawn, extent);
}

/** The nodes side by side from the top left of where they were drawn, in the order data flows between them. */
function inARow(mesh: Mesh, drawn: readonly (Rect & { id: string })[], extent: Rect): (Rect & { id: string })[] {
  const byId = new Map(drawn.map((box) => [box.id, box]));
  const flows = mesh.links.map((link) => ({ from: link.from.nodeId, to: link.to.nodeId }));
  let x = extent.x;
  return inFlowOrder(readingOrder(drawn), flows).map((id) => {
    const box = { ...(byId.get(id) as Rect & { id: string }), x, y: extent.y };
    x += box.width + SLOT_GAP;
    return box;
  });
}

/**
 * The document with the given products and systems moved into an existing domain. One goes to
 * the next free place there; several keep their arrangement (see `arrangedTogether`) below what
 * the domain holds, so a system stays left of the product it feeds and their links run as before.
 */
export function withNodesMovedToDomain(
  mesh: Mesh,
  nodeIds: NodeIdList,
  domainId: string,
  sizeOf: SizeOf = defaultSizeOf,
): Mesh {
  const ids = groupableNodeIds(mesh, nodeIds).filter((id) => owningDomainId(mesh, id) !== domainId);
  if (ids.length === 1) return withNodeMovedToDomain(mesh, ids[0] as string, domainId, sizeOf);
  const boxes = arrangedTogether(mesh, ids, sizeOf);
  const arranged = boundsOf(boxes);
  if (!arranged || !domainById(mesh, domainId)) return mesh;
  const at = placeBelowChildren(mesh, domainId, sizeOf);
  let next = mesh;
  for (const id of ids) next = withDomainOf(next, id, domainId);
  const relativePlaces = boxes.map(
    (box) => [box.id, { x: box.x - arranged.x + at.x, y: box.y - arranged.y + at.y }] as const,
  );
  return withDomainGrownAside(withPositions(next, new Map(relativePlaces)), domainId, sizeOf);
}

/** Where a block of nodes goes in a domain (relative to it): at its padding when empty, else a gap below its children. */
function placeBelowChildren(mesh: Mesh, domainId: string, sizeOf: SizeOf): { x: number; y: number } {
  const children = childBoxes(mesh, domainId, sizeOf);
  if (children.length === 0) return { x: DOMAIN_PADDING.side, y: DOMAIN_PADDING.top };
  return { x: DOMAIN_PADDING.side, y: Math.max(...children.map((child) => child.y + child.height)) + SLOT_GAP };
}
