import type { Mesh, NodeLayout } from '../model';
import {
  placeChild,
  SIBLING_SPACING,
  withDomainFitted,
  withDomainGrownAside,
  withDomainsApart,
  withNotesClearOfDomainsMovedSince,
} from './containment';
import {
  containsPoint,
  inflate,
  nearestClearOffset,
  overlaps,
  type Point,
  type Rect,
  slideClearNearest,
} from './geometry';
import { withSection } from './list-edits';
import { childrenOf, domainById, owningDomainId, productById, systemById } from './mesh-index';
import { childRect, defaultSizeOf, domainRect, nextChildPosition, type SizeOf } from './node-placement';
import { notesCarriedWith, withNotesCarried } from './notes-on-domains';
import { nudgeStoppedAtDomains } from './nudge-against-domains';

/** Sets node positions (products and systems relative to their domain), keeping their sizes. */
export function withPositions(mesh: Mesh, positions: ReadonlyMap<string, Point>): Mesh {
  const nodes = { ...mesh.layout.nodes };
  let changed = false;
  for (const [id, { x, y }] of positions) {
    const current = nodes[id];
    if (current?.x === x && current.y === y) continue;
    nodes[id] = { ...current, x, y };
    changed = true;
  }
  return changed ? { ...mesh, layout: { ...mesh.layout, nodes } } : mesh;
}

/**
 * Moves nodes by a small step; locked ones stay. A child whose domain moves too is left alone,
 * since it moves with its domain, as does a note lying wholly on it (as in a drag); a domain a
 * nudged child leans out of grows to hold it, moving aside the notes it comes to cover. A nudged
 * domain stops at a neighbour's border (the whole selection with it).
 */
export function withNodesNudged(
  mesh: Mesh,
  nodeIds: ReadonlySet<string>,
  offset: Point,
  sizeOf: SizeOf = defaultSizeOf,
): Mesh {
  const positions = new Map<string, Point>();
  const domainsToFit = new Set<string>();
  const movingDomains = new Set(
    [...nodeIds].filter((id) => owningDomainId(mesh, id) === id && !mesh.layout.nodes[id]?.locked),
  );
  const step = movingDomains.size > 0 ? nudgeStoppedAtDomains(mesh, movingDomains, offset) : offset;
  for (const id of nodeIds) {
    const domainId = owningDomainId(mesh, id);
    if (domainId !== id && domainId !== undefined && nodeIds.has(domainId)) continue;
    const layout = mesh.layout.nodes[id] ?? { x: 0, y: 0 };
    if (layout.locked) continue;
    positions.set(id, { x: layout.x + step.x, y: layout.y + step.y });
    if (domainId !== undefined && domainId !== id) domainsToFit.add(domainId);
  }
  let next = withPositions(mesh, positions);
  for (const domainId of domainsToFit) next = withDomainFitted(next, domainId, sizeOf);
  if (domainsToFit.size > 0) {
    const nudgedDomains = new Set([...positions.keys()].filter((id) => owningDomainId(mesh, id) === id));
    next = withNotesClearOfDomainsMovedSince(mesh, withDomainsApart(next, domainsToFit), nudgedDomains);
  }
  return withNotesCarried(mesh, next, notesCarriedWith(mesh, nodeIds));
}

/** A dragged node's box on the canvas (absolute coordinates), as drawn. */
export interface DroppedNode extends Rect {
  id: string;
}

export interface DropResult {
  mesh: Mesh;
  /** Products and systems dropped outside every domain: they went back where the drag started. */
  refused: string[];
}

/**
 * The domain a drag drops products and systems into: the one under the pointer (as draw.io's
 * containers do), not where the dragged box's centre happens to be; a domain dragged along is no target.
 */
export function dropTargetAt(mesh: Mesh, pointer: Point, draggedIds: ReadonlySet<string>): string | undefined {
  return mesh.domains.findLast(
    (domain) => !draggedIds.has(domain.id) && containsPoint(domainRect(mesh, domain.id), pointer),
  )?.id;
}

/**
 * After a drag released at `pointer`: the products and systems dragged move into the domain under
 * the pointer (keeping where they are on screen, unless one would cover another node there: then
 * all of them move together, as arranged, see `offsetClearOfChildren`); the domain that holds them
 * grows to contain them and pushes aside any neighbour (or sticky note) it would overlap. Released
 * outside every domain, they go back to where they were in `before` (the document when the drag
 * started): every product and system belongs to a domain.
 */
export function withDroppedNodes(
  mesh: Mesh,
  dropped: readonly DroppedNode[],
  pointer: Point,
  before: Mesh,
  sizeOf: SizeOf = defaultSizeOf,
): DropResult {
  const boxes = dropped.filter((box) => productById(mesh, box.id) ?? systemById(mesh, box.id));
  const droppedIds = new Set(boxes.map((box) => box.id));
  const domainId = dropTargetAt(mesh, pointer, new Set(dropped.map((box) => box.id)));
  if (!domainId) {
    const originals = boxes.flatMap((box) => {
      const original = before.layout.nodes[box.id];
      return original ? [[box.id, original] as const] : [];
    });
    return { mesh: withLayoutApplied(mesh, Object.fromEntries(originals)), refused: [...droppedIds] };
  }
  let next = mesh;
  for (const box of boxes) {
    if ((productById(next, box.id) ?? systemById(next, box.id))?.domainId !== domainId) {
      next = withDomainOf(next, box.id, domainId);
    }
  }
  const domain = domainRect(next, domainId);
  const rects = boxes.map((box) => ({ ...box, x: box.x - domain.x, y: box.y - domain.y }));
  const measured: SizeOf = (id) => {
    const box = boxes.find((candidate) => candidate.id === id);
    return box ? { width: box.width, height: box.height } : sizeOf(id);
  };
  const shift = offsetClearOfChildren(next, domainId, rects, measured, {
    spacing: SIBLING_SPACING,
    movesWithin: 0,
    except: droppedIds,
    inAnyDirection: true,
  });
  const positions = new Map(rects.map((rect) => [rect.id, { x: rect.x + shift.x, y: rect.y + shift.y }]));
  return { mesh: withDomainGrownAside(withPositions(next, positions), domainId, measured), refused: [] };
}

/**
 * How far children put at `rects` (relative to their domain) move: not at all, or, where one would
 * come within `movesWithin` of another child of the domain (those `except` aside), together to the
 * nearer free spot right or below (or, `inAnyDirection`, the nearest one whichever way), `spacing`
 * clear of them, so a group keeps its arrangement. Dragged nodes move only off a node they cover, and
 * to the nearest spot: in a domain full of products, the free spot right or below can be past its
 * last row, far out of view. A new one keeps its distance as new elements do.
 */
export function offsetClearOfChildren(
  mesh: Mesh,
  domainId: string,
  rects: readonly Rect[],
  sizeOf: SizeOf,
  {
    spacing,
    movesWithin = spacing,
    except = new Set<string>(),
    inAnyDirection = false,
  }: { spacing: number; movesWithin?: number; except?: ReadonlySet<string>; inAnyDirection?: boolean },
): Point {
  const siblings = childrenOf(mesh, domainId).flatMap((child) =>
    except.has(child.id) ? [] : (childRect(mesh, child.id, sizeOf) ?? []),
  );
  const noMove = { x: 0, y: 0 };
  if (!rects.some((rect) => siblings.some((sibling) => overlaps(inflate(sibling, movesWithin), rect)))) return noMove;
  const clearing = inAnyDirection ? nearestClearOffset : slideClearNearest;
  return clearing(rects, siblings, noMove, spacing);
}

/** The document with a product or system belonging to another domain; its layout is left as it is. */
export function withDomainOf(mesh: Mesh, nodeId: string, domainId: string): Mesh {
  const moveTo = <T extends { id: string; domainId: string }>(node: T): T =>
    node.id === nodeId ? { ...node, domainId } : node;
  return withSection(withSection(mesh, 'products', mesh.products.map(moveTo)), 'systems', mesh.systems.map(moveTo));
}

/** Moves a product or system into another domain, at the next free place there. */
export function withNodeMovedToDomain(mesh: Mesh, nodeId: string, domainId: string, sizeOf = defaultSizeOf): Mesh {
  const node = productById(mesh, nodeId) ?? systemById(mesh, nodeId);
  if (!node || node.domainId === domainId || !domainById(mesh, domainId)) return mesh;
  const position = nextChildPosition(mesh, domainId, sizeOf);
  return placeChild(withDomainOf(mesh, nodeId, domainId), domainId, nodeId, position, sizeOf);
}

/** Replaces the layout of the given nodes (auto-layout's result, or a frame of its animation). */
export function withLayoutApplied(mesh: Mesh, nodes: Readonly<Record<string, NodeLayout>>): Mesh {
  const changed = Object.entries(nodes).filter(([id, layout]) => !sameLayout(mesh.layout.nodes[id], layout));
  if (changed.length === 0) return mesh;
  return { ...mesh, layout: { ...mesh.layout, nodes: { ...mesh.layout.nodes, ...Object.fromEntries(changed) } } };
}

export function sameLayout(a: NodeLayout | undefined, b: NodeLayout): boolean {
  return a?.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
}
