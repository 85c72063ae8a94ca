import type { Point, Size } from '../../shared/editing/geometry';
import {
  type DroppedNode,
  withDomainResized,
  withDroppedNodes,
  withLayoutApplied,
  withNodeMovedToDomain,
  withNodesNudged,
  withPositions,
} from '../../shared/editing/layout-edits';
import type { NodeLayout } from '../../shared/model';
import { changeMesh } from './document-store';

export function moveNodes(positions: ReadonlyMap<string, Point>): void {
  changeMesh((mesh) => withPositions(mesh, positions));
}

export function resizeDomain(domainId: string, size: Size): void {
  changeMesh((mesh) => withDomainResized(mesh, domainId, size));
}

/** Moves nodes by a small step (arrow keys); repeated nudges of one selection make one undo step. */
export function nudgeNodes(nodeIds: readonly string[], offset: Point): void {
  const moving = new Set(nodeIds);
  changeMesh((mesh) => withNodesNudged(mesh, moving, offset), { coalesceKey: `nudge:${[...moving].sort().join(',')}` });
}

/** Moves a product or system into another domain (from the inspector), at the next free place there. */
export function moveToDomain(nodeId: string, domainId: string): void {
  changeMesh((mesh) => withNodeMovedToDomain(mesh, nodeId, domainId));
}

export function settleDroppedNodes(dropped: readonly DroppedNode[]): void {
  changeMesh((mesh) => withDroppedNodes(mesh, dropped));
}

/** Replaces the layout of the given nodes (auto-layout's result, or a frame of its animation). */
export function applyLayout(nodes: Readonly<Record<string, NodeLayout>>): void {
  changeMesh((mesh) => withLayoutApplied(mesh, nodes));
}
