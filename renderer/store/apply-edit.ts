import type { Added } from '../../shared/editing/child-nodes';
import type { Mesh } from '../../shared/model';
import { changeMesh, currentMesh } from './document-store';
import { selectOnly } from './selection-store';

/**
 * Applies an edit that adds one element, as one undo step; returns the new element's id, or none
 * where the design refused it (read-only while simulating).
 */
export function applyAdded(add: (mesh: Mesh) => Added | undefined): string | undefined {
  const mesh = currentMesh();
  const added = mesh ? add(mesh) : undefined;
  if (!added) return undefined;
  changeMesh(() => added.mesh);
  return currentMesh() === mesh ? undefined : added.id;
}

/** Adds one element as one undo step and selects it; returns its id. */
export function addAndSelect(add: (mesh: Mesh) => Added | undefined): string | undefined {
  const id = applyAdded(add);
  if (id) selectOnly([id]);
  return id;
}
