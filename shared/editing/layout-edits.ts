import type { Mesh, NodeLayout } from '../model';
import { centerOf, type Point, type Rect, type Size } from './geometry';
import { withSection } from './list-edits';
import { domainById, owningDomainId, productById, systemById } from './mesh-index';
import { domainAt, domainRect, growDomainToFit, nextChildPosition, placeChild, setLayout } from './node-placement';

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

/** Sets a domain's size, keeping its position (a resize from the top or left moves it too, separately). */
export function withDomainResized(mesh: Mesh, domainId: string, size: Size): Mesh {
  const current = mesh.layout.nodes[domainId] ?? { x: 0, y: 0 };
  if (current.width === size.width && current.height === size.height) return mesh;
  return setLayout(mesh, domainId, { ...current, width: size.width, height: size.height });
}

/** Moves nodes by a small step. A child whose domain moves too is left alone, since it moves with its domain. */
export function withNodesNudged(mesh: Mesh, nodeIds: ReadonlySet<string>, offset: Point): Mesh {
  const positions = new Map<string, Point>();
  for (const id of nodeIds) {
    const domainId = owningDomainId(mesh, id);
    if (domainId !== id && domainId !== undefined && nodeIds.has(domainId)) continue;
    const layout = mesh.layout.nodes[id] ?? { x: 0, y: 0 };
    positions.set(id, { x: layout.x + offset.x, y: layout.y + offset.y });
  }
  return withPositions(mesh, positions);
}

/** A dragged node's box on the canvas (absolute coordinates), as drawn. */
export interface DroppedNode extends Rect {
  id: string;
}

/**
 * After a drag: a product or system dropped over another domain moves into it (keeping where
 * it is on screen), and the domain that holds it grows to contain it.
 */
export function withDroppedNodes(mesh: Mesh, dropped: readonly DroppedNode[]): Mesh {
  let next = mesh;
  for (const box of dropped) {
    const node = productById(next, box.id) ?? systemById(next, box.id);
    if (!node) continue;
    const domainId = domainAt(next, centerOf(box)) ?? node.domainId;
    const domain = domainRect(next, domainId);
    const relative = { x: box.x - domain.x, y: box.y - domain.y };
    if (domainId !== node.domainId) next = withDomainOf(next, box.id, domainId);
    next = withPositions(next, new Map([[box.id, relative]]));
    next = growDomainToFit(next, domainId, { ...relative, width: box.width, height: box.height });
  }
  return next;
}

function withDomainOf(mesh: Mesh, nodeId: string, domainId: string): Mesh {
  const moveTo = <T extends { id: string; domainId: string }>(node: T): T =>
    node.id === nodeId ? { ...node, domainId } : node;
  return withSection(withSection(mesh, 'products', mesh.products.map(moveTo)), 'systems', mesh.systems.map(moveTo));
}

/** Moves a product or system into another domain, at the next free place there. */
export function withNodeMovedToDomain(mesh: Mesh, nodeId: string, domainId: string): Mesh {
  const node = productById(mesh, nodeId) ?? systemById(mesh, nodeId);
  if (!node || node.domainId === domainId || !domainById(mesh, domainId)) return mesh;
  return placeChild(withDomainOf(mesh, nodeId, domainId), domainId, nodeId, nextChildPosition(mesh, domainId));
}

/** Replaces the layout of the given nodes (auto-layout's result, or a frame of its animation). */
export function withLayoutApplied(mesh: Mesh, nodes: Readonly<Record<string, NodeLayout>>): Mesh {
  const changed = Object.entries(nodes).filter(([id, layout]) => !sameLayout(mesh.layout.nodes[id], layout));
  if (changed.length === 0) return mesh;
  return { ...mesh, layout: { ...mesh.layout, nodes: { ...mesh.layout.nodes, ...Object.fromEntries(changed) } } };
}

function sameLayout(a: NodeLayout | undefined, b: NodeLayout): boolean {
  return a?.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
}
