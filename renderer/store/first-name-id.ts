import { withIdFromFirstName, withPortIdFromFirstName } from '../../shared/editing/first-name-ids';
import { type ChangeOptions, changeMesh, currentMesh } from './document-store';
import { selectOnly } from './selection-store';

/**
 * Told an element's new id just before the document has it, so what shows the element by id
 * (see ElementKeys) treats it as the same element in the render that follows.
 */
export type OnIdChanged = (from: string, to: string) => void;

/** Gives a just-named element the id its name implies, when nothing refers to it yet; it stays selected. */
export function takeIdFromFirstName(id: string, options?: ChangeOptions, onIdChanged?: OnIdChanged): void {
  const mesh = currentMesh();
  const adopted = mesh && withIdFromFirstName(mesh, id);
  if (!adopted) return;
  onIdChanged?.(id, adopted.id);
  changeMesh(() => adopted.mesh, options);
  selectOnly([adopted.id]);
}

/** Gives a just-named port the id its name implies (so its raw table is named after it), when nothing refers to it yet. */
export function takePortIdFromFirstName(
  productId: string,
  portId: string,
  options?: ChangeOptions,
  onIdChanged?: OnIdChanged,
): void {
  const mesh = currentMesh();
  const adopted = mesh && withPortIdFromFirstName(mesh, productId, portId);
  if (!adopted) return;
  onIdChanged?.(portId, adopted.id);
  changeMesh(() => adopted.mesh, options);
}
