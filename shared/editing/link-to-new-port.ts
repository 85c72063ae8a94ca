import type { Endpoint, Mesh } from '../model';
import { type LinkEdit, withLinkAdded } from './links';
import { withPortAdded } from './ports';

/**
 * The document with an input port added to a product and linked from `from`, as draw.io adds a
 * connection point where a link is dropped: the way to give a product whose inputs are all fed a
 * second source. Where the rules refuse the link, the port is not added either.
 */
export function withLinkToNewInputPort(mesh: Mesh, from: Endpoint, productId: string): LinkEdit {
  const added = withPortAdded(mesh, productId, 'input');
  if (!added) return { ok: false, reason: 'One end of the link no longer exists.' };
  return withLinkAdded(added.mesh, from, { nodeId: productId, portId: added.id });
}
