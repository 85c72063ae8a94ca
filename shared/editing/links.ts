import { type ConnectionCheck, checkConnection, type Endpoint, type Link, type Mesh, uniqueId } from '../model';
import { withSection } from './list-edits';

/** The document without the links that start or end at a removed endpoint. */
export function withoutLinksAt(mesh: Mesh, isRemoved: (endpoint: Endpoint) => boolean): Mesh {
  const kept = mesh.links.filter((link) => !isRemoved(link.from) && !isRemoved(link.to));
  return kept.length === mesh.links.length ? mesh : withSection(mesh, 'links', kept);
}

function newLinkId(mesh: Mesh, from: Endpoint, to: Endpoint): string {
  return uniqueId(`${from.nodeId}-to-${to.nodeId}`, new Set(mesh.links.map((link) => link.id)));
}

export type LinkEdit = { ok: true; mesh: Mesh; link: Link } | Extract<ConnectionCheck, { ok: false }>;

/**
 * The document with two endpoints linked, in whichever order they were dragged, when the
 * connection rules allow it; otherwise the rules' reason.
 */
export function withLinkAdded(mesh: Mesh, first: Endpoint, second: Endpoint): LinkEdit {
  const check = checkConnection(mesh, first, second);
  if (!check.ok) return check;
  const link: Link = { id: newLinkId(mesh, check.from, check.to), from: check.from, to: check.to };
  return { ok: true, mesh: withSection(mesh, 'links', [...mesh.links, link]), link };
}

/** The document with an existing link moved to new endpoints, under the same rules. */
export function withLinkReconnected(mesh: Mesh, linkId: string, first: Endpoint, second: Endpoint): LinkEdit {
  const check = checkConnection(mesh, first, second, { replacingLinkId: linkId });
  if (!check.ok) return check;
  const links = mesh.links.map((link) => (link.id === linkId ? { ...link, from: check.from, to: check.to } : link));
  const link = links.find((candidate) => candidate.id === linkId) as Link;
  return { ok: true, mesh: withSection(mesh, 'links', links), link };
}
