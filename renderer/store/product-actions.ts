import type { ChildPlacement } from '../../shared/editing/child-nodes';
import { type ProductUpdate, withProductAdded, withProductUpdated } from '../../shared/editing/products';
import { addAndSelect } from './apply-edit';
import { type ChangeOptions, changeMesh } from './document-store';

/** Adds a product to a domain, selects it and returns its id. */
export function addProduct(placement: ChildPlacement): string | undefined {
  return addAndSelect((mesh) => withProductAdded(mesh, placement));
}

/** Changes a product's own fields; ports that links use have their own actions (port-actions). */
export function updateProduct(id: string, update: ProductUpdate, options?: ChangeOptions): void {
  changeMesh((mesh) => withProductUpdated(mesh, id, update), options);
}
