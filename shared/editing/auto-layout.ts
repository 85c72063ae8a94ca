import type { Mesh, NodeLayout } from '../model';
import { withDomainFitted, withDomainsApart, withNotesPushedAside } from './containment';
import { domainFlows } from './domain-overview';
import type { Point, Size } from './geometry';
import { withLayoutApplied } from './layout-edits';
import { defaultSizeOf, domainRect, type SizeOf } from './node-placement';
import { notesOnDomains, withNotesCarried } from './notes-on-domains';

/** One domain laid out on its own (by ELK): its size and its children's places inside it. */
export interface DomainArrangement {
  domainId: string;
  size: Size;
  children: Readonly<Record<string, Point>>;
}

/** Space between domains in the grid: at least this, more between large domains so links between them show. */
export const GRID_GAP = 80;
const GAP_PER_DOMAIN_WIDTH = 0.08;

/**
 * Domains in the order data flows between them: a domain comes after the domains that feed it,
 * ties (and cycles) in document order.
 */
export function domainsInFlowOrder(mesh: Mesh): string[] {
  const feeders = new Map(mesh.domains.map((domain) => [domain.id, new Set<string>()]));
  for (const flow of domainFlows(mesh)) feeders.get(flow.to)?.add(flow.from);
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < mesh.domains.length) {
    const ready = mesh.domains.find(
      (domain) => !placed.has(domain.id) && [...(feeders.get(domain.id) ?? [])].every((from) => placed.has(from)),
    );
    // In a cycle nothing is ready: take the first remaining domain, as written.
    const next = ready ?? mesh.domains.find((domain) => !placed.has(domain.id));
    if (!next) break;
    ordered.push(next.id);
    placed.add(next.id);
  }
  return ordered;
}

/**
 * Places boxes row by row, in order, with as many columns as brings the whole closest to
 * `aspectRatio` (width / height, the viewport's): a wide screen gets a wide grid, and a thousand
 * products stay one picture instead of one endless band.
 */
export function gridPositions(
  boxes: ReadonlyArray<{ id: string } & Size>,
  aspectRatio: number,
  gap = GRID_GAP,
): Map<string, Point> {
  let best: { score: number; positions: Map<string, Point> } | undefined;
  for (let columns = 1; columns <= Math.max(1, boxes.length); columns++) {
    const widths = Array.from({ length: columns }, (_, column) =>
      Math.max(0, ...boxes.filter((_, index) => index % columns === column).map((box) => box.width)),
    );
    const rows = Math.ceil(boxes.length / columns);
    const heights = Array.from({ length: rows }, (_, row) =>
      Math.max(0, ...boxes.slice(row * columns, row * columns + columns).map((box) => box.height)),
    );
    const lefts = widths.map((_, column) => widths.slice(0, column).reduce((sum, width) => sum + width + gap, 0));
    const tops = heights.map((_, row) => heights.slice(0, row).reduce((sum, height) => sum + height + gap, 0));
    const width = widths.reduce((sum, value) => sum + value, 0) + gap * (columns - 1);
    const height = heights.reduce((sum, value) => sum + value, 0) + gap * (rows - 1);
    const score = Math.abs(Math.log(width / Math.max(1, height) / aspectRatio));
    if (!best || score < best.score) {
      const positions = new Map(
        boxes.map((box, index) => [
          box.id,
          { x: lefts[index % columns] as number, y: tops[Math.floor(index / columns)] as number },
        ]),
      );
      best = { score, positions };
    }
  }
  return best?.positions ?? new Map();
}

/**
 * The layout auto-layout moves to: each domain as ELK arranged it, the domains in a grid in
 * data-flow order near the viewport's aspect ratio. Locked elements stay where they are; domains
 * then grow to hold their children and push aside any they would overlap, and a sticky note they
 * come to cover. A note on a domain moves with it, keeping its place on the domain.
 */
export function arrangedLayout(
  mesh: Mesh,
  arrangements: readonly DomainArrangement[],
  aspectRatio: number,
  sizeOf: SizeOf = defaultSizeOf,
): Record<string, NodeLayout> {
  const byDomain = new Map(arrangements.map((arrangement) => [arrangement.domainId, arrangement]));
  const order = domainsInFlowOrder(mesh).filter((id) => byDomain.has(id));
  const isLocked = (id: string) => mesh.layout.nodes[id]?.locked === true;
  const boxes = order.map((id) => ({ id, ...(byDomain.get(id) as DomainArrangement).size }));
  const widest = Math.max(0, ...boxes.map((box) => box.width));
  const positions = gridPositions(boxes, aspectRatio, Math.max(GRID_GAP, Math.round(widest * GAP_PER_DOMAIN_WIDTH)));
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
