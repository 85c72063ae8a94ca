import { describeGrouping } from '../../shared/editing/deletion-summary';
import { type NodeIdList, withNodesGroupedIntoNewDomain } from '../../shared/editing/domain-grouping';
import { type DomainFields, withDomainAdded, withDomainUpdated } from '../../shared/editing/domains';
import type { Point } from '../../shared/editing/geometry';
import { owningDomainId } from '../../shared/editing/mesh-index';
import type { Mesh } from '../../shared/model';
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
  const [grouped] = nodeIds;
  // Named, the domain takes the id its name gives: it is found again by a node it holds.
  const describe = (mesh: Mesh) => describeGrouping(mesh, (grouped && owningDomainId(mesh, grouped)) ?? id ?? '');
  if (id && after) announceEdit(describeGrouping(after, id), { describe });
  return id;
}

export function updateDomain(id: string, fields: Partial<DomainFields>, options?: ChangeOptions): void {
  changeMesh((mesh) => withDomainUpdated(mesh, id, fields), options);
}
