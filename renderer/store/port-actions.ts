import { withNewPortContract } from '../../shared/editing/port-contract';
import { describePortRemoval } from '../../shared/editing/port-removal-summary';
import {
  type DataPortDirection,
  type PortFields,
  withoutPort,
  withPortAdded,
  withPortFields,
  withPortMoved,
} from '../../shared/editing/ports';
import { applyAdded } from './apply-edit';
import { type ChangeOptions, changeMesh } from './document-store';
import { withEditAnnounced } from './notice-store';

/** Adds an input or output port named `input`, `input 2`…; returns its id. */
export function addPort(productId: string, direction: DataPortDirection): string | undefined {
  return applyAdded((mesh) => withPortAdded(mesh, productId, direction));
}

/** Changes a port's fields; a field set to undefined (no contract) is removed. */
export function updatePort(productId: string, portId: string, fields: PortFields, options?: ChangeOptions): void {
  changeMesh((mesh) => withPortFields(mesh, productId, portId, fields), options);
}

/** Removes an input or output port and the links attached to it, and says which links went, with Undo. */
export function removePort(productId: string, portId: string): void {
  withEditAnnounced(
    () => changeMesh((mesh) => withoutPort(mesh, productId, portId)),
    (before, after) => describePortRemoval(before, after, productId, portId),
  );
}

/** Reorders a port among its side's ports (−1 up, +1 down). */
export function movePort(productId: string, portId: string, offset: number): void {
  changeMesh((mesh) => withPortMoved(mesh, productId, portId, offset));
}

/** Gives an output port without a contract a new draft contract of what it publishes; returns its id. */
export function addPortContract(productId: string, portId: string): string | undefined {
  return applyAdded((mesh) => withNewPortContract(mesh, productId, portId));
}
