import { describeLinking } from '../../shared/editing/link-description';
import { withLinkToNewInputPort } from '../../shared/editing/link-to-new-port';
import { type LinkEdit, withLinkAdded, withLinkReconnected } from '../../shared/editing/links';
import type { ConnectionCheck, Endpoint, Mesh } from '../../shared/model';
import { changeMesh, currentMesh } from './document-store';
import { announceEdit, useNoticeStore } from './notice-store';
import { currentSelection, selectOnly } from './selection-store';

/**
 * Applies a link edit as one undo step and says what it did; returns the rules' verdict so the
 * canvas can show why a link was refused.
 */
function applyLinkEdit(
  verb: 'Linked' | 'Relinked',
  edit: (mesh: Mesh) => LinkEdit,
  afterwards?: (linkId: string) => void,
): ConnectionCheck {
  const mesh = currentMesh();
  if (!mesh) return { ok: false, reason: 'No design is open.' };
  const result = edit(mesh);
  if (!result.ok) return result;
  changeMesh(() => result.mesh);
  afterwards?.(result.link.id);
  announceEdit(describeLinking(verb, result.mesh, result.link.id));
  return { ok: true, from: result.link.from, to: result.link.to };
}

const selectLink = (linkId: string) => selectOnly([], [linkId]);

/** Links two endpoints, in whichever order they were dragged, when the connection rules allow it, and selects the link. */
export function connect(first: Endpoint, second: Endpoint): ConnectionCheck {
  return applyLinkEdit('Linked', (mesh) => withLinkAdded(mesh, first, second), selectLink);
}

/** Links an output port or topic to an input port it adds to a product, both in one undo step, and selects the link. */
export function connectToNewInputPort(from: Endpoint, productId: string): ConnectionCheck {
  return applyLinkEdit('Linked', (mesh) => withLinkToNewInputPort(mesh, from, productId), selectLink);
}

/**
 * Moves an existing link to new endpoints (dragging one of its ends elsewhere), under the same
 * rules; selected, it stays selected under the id its new ends may give it.
 */
export function reconnect(linkId: string, first: Endpoint, second: Endpoint): ConnectionCheck {
  const { nodeIds, linkIds } = currentSelection();
  const wasSelected = linkIds.has(linkId);
  return applyLinkEdit(
    'Relinked',
    (mesh) => withLinkReconnected(mesh, linkId, first, second),
    (movedId) => {
      if (wasSelected) selectOnly(nodeIds, [...[...linkIds].filter((id) => id !== linkId), movedId]);
    },
  );
}

export const linkRefusal = (reason: string) => `Link refused: ${reason}`;

/**
 * Says in the status bar why the connection rules refused a link, however it was asked for; as a
 * refusal of what was just tried, it goes once the user moves on (next edit, undo, selection change).
 */
export function sayLinkRefused(reason: string): void {
  useNoticeStore.getState().show({ tone: 'error', text: linkRefusal(reason), isMomentary: true });
}
