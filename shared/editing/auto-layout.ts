import type { Mesh, NodeLayout } from '../model';
import { GRID_GAP } from './box-grid';
import { withDomainFitted, withDomainsApart, withNotesPushedAside } from './containment';
import { domainFlows } from './domain-overview';
import { inFlowOrder } from './flow-order';
import type { Point, Size } from './geometry';
import { layeredDomainPositions } from './layered-domain-grid';
import { withLayoutApplied } from './layout-edits';
import { defaultSizeOf, domainRect, type SizeOf } from './node-placement';
import { notesOnDomains, withNotesCarried } from './notes-on-domains';

/** One domain laid out on its own (by ELK): its size and its children's places inside it. */
export interface DomainArrangement {
  domainId: string;
  size: Size;
  children: Readonly<Record<string, Point>>;
}

const GAP_PER_DOMAIN_WIDTH = 0.08;

/**
 * Domains in the order data flows between them: a domain comes after the domains that feed it,
 * ties (and cycles) in document order.
 */
export function domainsInFlowOrder(mesh: Mesh): string[] {
  return inFlowOrder(
    mesh.domains.map((domain) => domain.id),
    domainFlows(mesh),
  );
}

/**
 * The layout auto-layout moves to: each domain as ELK arranged it, the domains in layers by data
 * flow (a domain right of those feeding it, unlinked domains after), near the viewport's aspect ratio. Locked elements stay where they are; domains
 * then grow to hold their children and push aside any they would overlap, and a sticky note they
 * come to cover. A note on a domain moves with it, keeping its place on the domain. Given
 * `shownAtSmallestZoom` (the extent the view shows at its smallest zoom), domains too wide for that
 * wrap into more bands than the fewest.
 */
export function arrangedLayout(
  mesh: Mesh,
  arrangements: readonly DomainArrangement[],
  aspectRatio: number,
  sizeOf: SizeOf = defaultSizeOf,
  shownAtSmallestZoom?: Size,
): Record<string, NodeLayout> {
  const byDomain = new Map(arrangements.map((arrangement) => [arrangement.domainId, arrangement]));
  const order = domainsInFlowOrder(mesh).filter((id) => byDomain.has(id));
  const isLocked = (id: string) => mesh.layout.nodes[id]?.locked === true;
  const boxes = order.map((id) => ({ id, ...(byDomain.get(id) as DomainArrangement).size }));
  const widest = Math.max(0, ...boxes.map((box) => box.width));
  const gap = Math.max(GRID_GAP, Math.round(widest * GAP_PER_DOMAIN_WIDTH));
  const positions = layeredDomainPositions(boxes, domainFlows(mesh), aspectRatio, gap, shownAtSmallestZoom);
  const target: Record<string, NodeLayout> = {};
  for (const id of order) {
    const arrangement = byDomain.get(id) as DomainArrangement;
    if (!isLocked(id)) target[id] = { ...(positions.get(id) as Point), ...arrangement.size };
    for (const [childId, point] of Object.entries(arrangement.children)) {
      if (!isLocked(childId)) target[childId] = { ...mesh.layout.nodes[childId], ...point };
    }
  }
  let arranged = withLayoutApplied(mesh, target);
  const lockedDomains = order.filter(isLocked);
  for (const id of order) arranged = withDomainFitted(arranged, id, sizeOf);
  if (lockedDomains.length > 0) arranged = withDomainsApart(arranged, lockedDomains);
  const notesOn = notesOnDomains(mesh, order);
  arranged = withNotesPushedAside(
    withNotesCarried(mesh, arranged, notesOn),
    order.map((domainId) => ({ domainId, before: domainRect(mesh, domainId) })),
    new Set(notesOn.keys()),
  );
  const movedNotes = (mesh.notes ?? [])
    .map((note) => note.id)
    .filter((id) => arranged.layout.nodes[id] !== mesh.layout.nodes[id]);
  return Object.fromEntries(
    [
      ...order,
      ...order.flatMap((id) => Object.keys((byDomain.get(id) as DomainArrangement).children)),
      ...movedNotes,
    ].flatMap((id) => (arranged.layout.nodes[id] ? [[id, arranged.layout.nodes[id]]] : [])),
  );
}
