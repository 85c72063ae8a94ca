import { type DomainFields, withDomainAdded, withDomainUpdated } from '../../shared/editing/domains';
import type { Point } from '../../shared/editing/geometry';
import { addAndSelect } from './apply-edit';
import { type ChangeOptions, changeMesh } from './document-store';

/** Adds a domain at a canvas point (or below the others), selects it and returns its id. */
export function addDomain(position?: Point): string | undefined {
  return addAndSelect((mesh) => withDomainAdded(mesh, position));
}

export function updateDomain(id: string, fields: Partial<DomainFields>, options?: ChangeOptions): void {
  changeMesh((mesh) => withDomainUpdated(mesh, id, fields), options);
}
