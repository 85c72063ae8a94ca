import {
  type ConnectionCheck,
  checkConnection,
  type Endpoint,
  type Link,
  type Mesh,
  uniqueId,
} from '../../shared/model';
import { changeMesh, currentMesh } from './document-store';
import { withSection } from './list-edits';
import { selectOnly } from './selection-store';

/** The document without the links that start or end at a removed endpoint. */
export function withoutLinksAt(mesh: Mesh, isRemoved: (endpoint: Endpoint) => boolean): Mesh {
  const kept = mesh.links.filter((link) => !isRemoved(link.from) && !isRemoved(link.to));
  return kept.length === mesh.links.length ? mesh : withSection(mesh, 'links', kept);
}

function newLinkId(mesh: Mesh, from: Endpoint, to: Endpoint): string {
  return uniqueId(`${from.nodeId}-to-${to.nodeId}`, new Set(mesh.links.map((link) => link.id)));
}

/**
 * Links two endpoints, in whichever order they were dragged, when the connection rules allow it;
 * returns the verdict so the canvas can show why a link was refused.
 */
export function connect(first: Endpoint, second: Endpoint): ConnectionCheck {
  const mesh = currentMesh();
  if (!mesh) return { ok: false, reason: 'No design is open.' };
  const check = checkConnection(mesh, first, second);
  if (!check.ok) return check;
  const link: Link = { id: newLinkId(mesh, check.from, check.to), from: check.from, to: check.to };
  changeMesh((current) => withSection(current, 'links', [...current.links, link]));
  selectOnly([], [link.id]);
  return check;
}

/** Moves an existing link to new endpoints (dragging one of its ends elsewhere), under the same rules. */
export function reconnect(linkId: string, first: Endpoint, second: Endpoint): ConnectionCheck {
  const mesh = currentMesh();
  if (!mesh) return { ok: false, reason: 'No design is open.' };
  const check = checkConnection(mesh, first, second, { replacingLinkId: linkId });
  if (!check.ok) return check;
  changeMesh((current) =>
    withSection(
      current,
      'links',
      current.links.map((link) => (link.id === linkId ? { ...link, from: check.from, to: check.to } : link)),
    ),
  );
  return check;
}
