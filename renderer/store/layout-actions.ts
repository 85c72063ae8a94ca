import { type Alignment, type Axis, overlapAlong, withAligned, withDistributed } from '../../shared/editing/alignment';
import {
  alignedParts,
  describeAlignment,
  describeChange,
  describeDistribution,
  describeLayout,
} from '../../shared/editing/change-summary';
import { withDomainReshaped } from '../../shared/editing/containment';
import { type NodeIdList, withNodesMovedToDomain } from '../../shared/editing/domain-grouping';
import { withDraggedDomainsClear } from '../../shared/editing/dropped-domains';
import type { Point, Rect } from '../../shared/editing/geometry';
import {
  type DroppedNode,
  withDroppedNodes,
  withLayoutApplied,
  withNodesNudged,
  withPositions,
} from '../../shared/editing/layout-edits';
import { isLocked, withLockToggled } from '../../shared/editing/locks';
import { nodeKindOf } from '../../shared/editing/mesh-index';
import { notesCarriedWith, withNotesCarried } from '../../shared/editing/notes-on-domains';
import type { Mesh, NodeLayout } from '../../shared/model';
import { describeDomainMove, nodesMovedToOtherDomain } from '../../shared/validation/domain-move-summary';
import { newErrors } from '../../shared/validation/new-findings';
import { validateMesh } from '../../shared/validation/validate-mesh';
import { type ChangeOptions, changeMesh, currentMesh, useDocumentStore } from './document-store';
import { measuredSizeOf } from './node-sizes';
import { announceEdit, useNoticeStore, withEditAnnounced } from './notice-store';

/** The notes a drag carries with the domains it moves, and the document as the drag began, which they keep their place from. */
export interface CarriedNotes {
  before: Mesh;
  notesOn: ReadonlyMap<string, string>;
}

/**
 * The notes lying wholly on the dragged domains, as a drag starts: they go where their domain goes.
 * A note dragged itself moves on its own.
 */
export function notesCarriedBy(draggedIds: readonly string[]): CarriedNotes | undefined {
  const mesh = currentMesh();
  if (!mesh) return undefined;
  const notesOn = notesCarriedWith(mesh, new Set(draggedIds));
  return notesOn.size > 0 ? { before: mesh, notesOn } : undefined;
}

export function moveNodes(positions: ReadonlyMap<string, Point>, carried?: CarriedNotes): void {
  changeMesh((mesh) => {
    const moved = withPositions(mesh, positions);
    return carried ? withNotesCarried(carried.before, moved, carried.notesOn) : moved;
  });
}

/** Resizes a domain to a box on the canvas; it stops at its children rather than cut them off. */
export function resizeDomain(domainId: string, box: Rect): void {
  changeMesh((mesh) => withDomainReshaped(mesh, domainId, box, measuredSizeOf));
}

/** Moves nodes by a small step (arrow keys); repeated nudges of one selection make one undo step. */
export function nudgeNodes(nodeIds: readonly string[], offset: Point): void {
  const moving = new Set(nodeIds);
  changeMesh((mesh) => withNodesNudged(mesh, moving, offset, measuredSizeOf), {
    coalesceKey: `nudge:${[...moving].sort().join(',')}`,
  });
}

/** Moves products and systems into another domain (from the inspector), keeping their arrangement: one undo step. */
export function moveToDomain(nodeIds: NodeIdList, domainId: string, options?: ChangeOptions): void {
  const before = currentMesh();
  changeMesh((mesh) => withNodesMovedToDomain(mesh, nodeIds, domainId, measuredSizeOf), options);
  if (before) announceDomainMove(before);
}

/**
 * Says which products and systems changed domain since `before`, and what followed unasked: the
 * contracts naming their domain, the errors the move brought. Silent where none changed domain.
 */
function announceDomainMove(before: Mesh): void {
  const after = currentMesh();
  // Most drags stay in their domain: the design is validated only for a move that changed one.
  if (!after || after === before || nodesMovedToOtherDomain(before, after).length === 0) return;
  const { baseline } = useDocumentStore.getState();
  const options = baseline ? { baseline } : {};
  const brought = newErrors(validateMesh(before, options), validateMesh(after, options));
  const text = describeDomainMove(before, after, brought);
  if (text) announceEdit(text);
}

/**
 * Ends a drag released at `pointer` (one undo step): dragged domains dropped over another slide
 * clear of it; products and systems go into the domain under the pointer, and the status bar says
 * so when that is another domain; released outside every domain they go back, and the status bar says why.
 */
export function settleDroppedNodes(
  dropped: readonly DroppedNode[],
  pointer: Point,
  draggedIds: readonly string[] = [],
): void {
  const before = useDocumentStore.getState().gestureStart ?? currentMesh();
  if (!before) return;
  let refused: string[] = [];
  changeMesh((mesh) => {
    const cleared = withDraggedDomainsClear(before, mesh, draggedIds);
    const result = withDroppedNodes(cleared, dropped, pointer, before, measuredSizeOf);
    refused = result.refused;
    return result.mesh;
  });
  // Recorded first, so the notice's Undo takes back the drag, and stays while the design is as the drag left it.
  useDocumentStore.getState().endGesture();
  announceDomainMove(before);
  if (refused.length > 0) {
    useNoticeStore.getState().show({
      tone: 'error',
      text: `${namesOf(before, refused)} went back: every product and system belongs to a domain. Drop it inside a domain's box.`,
      isMomentary: true,
    });
  }
}

function namesOf(mesh: Mesh, ids: readonly string[]): string {
  return ids.map((id) => [...mesh.products, ...mesh.systems].find((node) => node.id === id)?.name ?? id).join(', ');
}

/** Replaces the layout of the given nodes (auto-layout's result, or a frame of its animation). */
export function applyLayout(nodes: Readonly<Record<string, NodeLayout>>): void {
  changeMesh((mesh) => withLayoutApplied(mesh, nodes));
}

/** Says what Auto-layout did to the design it started from, with Undo; or that it moved nothing, and why. */
export function announceLayout(before: Mesh): void {
  const after = currentMesh();
  if (!after) return;
  if (after !== before) {
    announceEdit(describeLayout(before, after));
    return;
  }
  // Simulate, entered while the layout ran or before, refused its moves: the design may well overlap.
  const isRefused = useDocumentStore.getState().isReadOnly;
  const why = isRefused
    ? 'the design is read-only while simulating. Go back to Design to lay it out.'
    : 'the design is laid out already.';
  // Back in Design the refusal is past: the notice goes with the mode.
  useNoticeStore.getState().show({ tone: 'info', text: `Auto-layout moved nothing: ${why}`, isMomentary: isRefused });
}

/** Lines the nodes up and says so, with Undo; or that they were lined up already. */
export function alignNodes(nodeIds: Iterable<string>, alignment: Alignment): void {
  const ids = [...new Set(nodeIds)];
  arrangeAndAnnounce(
    (mesh) => withAligned(mesh, ids, alignment, measuredSizeOf),
    describeAlignment(ids.length, alignment),
    `The ${alignedParts(ids.length, alignment)} are aligned already.`,
  );
}

/** Spaces the nodes evenly and says so, with Undo; or that they were evenly spaced already. */
export function distributeNodes(nodeIds: Iterable<string>, axis: Axis): void {
  const ids = [...new Set(nodeIds)];
  const mesh = currentMesh();
  const lockedCount = mesh ? ids.filter((id) => isLocked(mesh, id)).length : 0;
  // A locked node between the others may leave nothing to move though they are not evenly spaced.
  const asFarAs = lockedCount === 1 ? 'as far as the locked one allows' : 'as far as the locked ones allow';
  const whyNothingMoved =
    mesh && overlapAlong(mesh, ids, axis, measuredSizeOf)
      ? `Nothing was distributed: the ${ids.length} overlap ${axis}ly, so they cannot be spaced evenly.`
      : `The ${ids.length} are spaced evenly ${axis}ly ${lockedCount > 0 ? asFarAs : 'already'}.`;
  arrangeAndAnnounce(
    (current) => withDistributed(current, ids, axis, measuredSizeOf),
    describeDistribution(ids.length, axis),
    whyNothingMoved,
  );
}

/** An arranging edit told of in the status line: what it did with Undo, or, where it moved nothing, why. */
function arrangeAndAnnounce(edit: (mesh: Mesh) => Mesh, done: string, nothingToDo: string): void {
  const before = currentMesh();
  changeMesh(edit);
  if (currentMesh() !== before) announceEdit(done);
  else useNoticeStore.getState().show({ tone: 'info', text: nothingToDo, isMomentary: true });
}

/** Locks the nodes against moves, or unlocks them when all already are, and says which it did. */
export function toggleLock(nodeIds: readonly string[]): void {
  withEditAnnounced(
    () =>
      changeMesh((mesh) =>
        withLockToggled(
          mesh,
          nodeIds.filter((id) => nodeKindOf(mesh, id) !== undefined),
        ),
      ),
    describeChange,
  );
}
