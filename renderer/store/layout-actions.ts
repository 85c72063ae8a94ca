import type { Mesh, NodeLayout } from '../../shared/model';
import { type ChangeOptions, changeMesh } from './document-store';
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

export function moveNodes(positions: ReadonlyMap<string, Point>): void {
  changeMesh((mesh) => withPositions(mesh, positions));
}

/** Sets a domain's size, keeping its position (a resize from the top or left moves it too, separately). */
export function resizeDomain(domainId: string, size: Size): void {
  changeMesh((mesh) => {
    const current = mesh.layout.nodes[domainId] ?? { x: 0, y: 0 };
    if (current.width === size.width && current.height === size.height) return mesh;
    return setLayout(mesh, domainId, { ...current, width: size.width, height: size.height });
  });
}

/**
 * Moves nodes by a small step (arrow keys). A child whose domain moves too is left alone,
 * since it moves with its domain. Repeated nudges of one selection make one undo step.
 */
export function nudgeNodes(nodeIds: readonly string[], offset: Point): void {
  const moving = new Set(nodeIds);
  changeMesh(
    (mesh) => {
      const positions = new Map<string, Point>();
      for (const id of moving) {
        const domainId = owningDomainId(mesh, id);
        if (domainId !== id && domainId !== undefined && moving.has(domainId)) continue;
        const layout = mesh.layout.nodes[id] ?? { x: 0, y: 0 };
        positions.set(id, { x: layout.x + offset.x, y: layout.y + offset.y });
      }
      return withPositions(mesh, positions);
    },
    { coalesceKey: `nudge:${[...moving].sort().join(',')}` } satisfies ChangeOptions,
  );
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

/** Moves a product or system into another domain (from the inspector), at the next free place there. */
export function moveToDomain(nodeId: string, domainId: string): void {
  changeMesh((mesh) => {
    const node = productById(mesh, nodeId) ?? systemById(mesh, nodeId);
    if (!node || node.domainId === domainId || !domainById(mesh, domainId)) return mesh;
    return placeChild(withDomainOf(mesh, nodeId, domainId), domainId, nodeId, nextChildPosition(mesh, domainId));
  });
}

export function settleDroppedNodes(dropped: readonly DroppedNode[]): void {
  changeMesh((mesh) => withDroppedNodes(mesh, dropped));
}

/** Replaces the layout of the given nodes (auto-layout's result, or a frame of its animation). */
export function applyLayout(nodes: Readonly<Record<string, NodeLayout>>): void {
  changeMesh((mesh) => {
    const changed = Object.entries(nodes).filter(([id, layout]) => !sameLayout(mesh.layout.nodes[id], layout));
    if (changed.length === 0) return mesh;
    return { ...mesh, layout: { ...mesh.layout, nodes: { ...mesh.layout.nodes, ...Object.fromEntries(changed) } } };
  });
}

function sameLayout(a: NodeLayout | undefined, b: NodeLayout): boolean {
  return a?.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
}
