import { describeGrouping } from '../../shared/editing/deletion-summary';
import { type NodeIdList, withNodesGroupedIntoNewDomain } from '../../shared/editing/domain-grouping';
import { type DomainFields, withDomainAdded, withDomainUpdated } from '../../shared/editing/domains';
import type { Point } from '../../shared/editing/geometry';
import { addAndSelect } from './apply-edit';
import { type ChangeOptions, changeMesh, currentMesh } from './document-store';
import { measuredSizeOf } from './node-sizes';
import { announceEdit } from './notice-store';

/** Adds a domain at a canvas point (or below the others), selects it and returns its id. */
export function addDomain(position?: Point): string | undefined {
  return addAndSelect((mesh) => withDomainAdded(mesh, position));
}

/**
 * Puts products and systems in a new domain that fits them (one undo step), selects it, says so
 * in the status line with Undo at hand, and returns its id.
 */
export function groupIntoNewDomain(nodeIds: NodeIdList): string | undefined {
  const id = addAndSelect((mesh) => withNodesGroupedIntoNewDomain(mesh, nodeIds, measuredSizeOf));
  const after = currentMesh();
  if (id && after) announceEdit(describeGrouping(after, id));
  return id;
}

export function updateDomain(id: string, fields: Partial<DomainFields>, options?: ChangeOptions): void {
  changeMesh((mesh) => withDomainUpdated(mesh, id, fields), options);
}
