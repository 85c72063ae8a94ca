import { withIdFromFirstName, withPortIdFromFirstName } from '../../shared/editing/first-name-ids';
import { type ChangeOptions, changeMesh, currentMesh } from './document-store';
import { selectOnly } from './selection-store';

/** Gives a just-named element the id its name implies, when nothing refers to it yet; it stays selected. */
export function takeIdFromFirstName(id: string, options?: ChangeOptions): void {
  const mesh = currentMesh();
  const adopted = mesh && withIdFromFirstName(mesh, id);
  if (!adopted) return;
  changeMesh(() => adopted.mesh, options);
  selectOnly([adopted.id]);
}

/** Gives a just-named port the id its name implies (so its raw table is named after it), when nothing refers to it yet. */
export function takePortIdFromFirstName(productId: string, portId: string, options?: ChangeOptions): void {
  const mesh = currentMesh();
  const adopted = mesh && withPortIdFromFirstName(mesh, productId, portId);
  if (adopted) changeMesh(() => adopted.mesh, options);
}
