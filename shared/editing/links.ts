import { type ConnectionCheck, checkConnection, type Endpoint, type Link, type Mesh, uniqueId } from '../model';
import { withSection } from './list-edits';

/** The document without the links that start or end at a removed endpoint. */
export function withoutLinksAt(mesh: Mesh, isRemoved: (endpoint: Endpoint) => boolean): Mesh {
  const kept = mesh.links.filter((link) => !isRemoved(link.from) && !isRemoved(link.to));
  return kept.length === mesh.links.length ? mesh : withSection(mesh, 'links', kept);
}

/** A new link's id, from the nodes it joins (`orders-to-revenue`), numbered past those `taken`. */
export function newLinkId(from: Endpoint, to: Endpoint, taken: ReadonlySet<string>): string {
  return uniqueId(`${from.nodeId}-to-${to.nodeId}`, taken);
}

const linkIds = (links: readonly Link[]) => new Set(links.map((link) => link.id));

export type LinkEdit = { ok: true; mesh: Mesh; link: Link } | Extract<ConnectionCheck, { ok: false }>;

/**
 * The document with two endpoints linked, in whichever order they were dragged, when the
 * connection rules allow it; otherwise the rules' reason.
 */
export function withLinkAdded(mesh: Mesh, first: Endpoint, second: Endpoint): LinkEdit {
  const check = checkConnection(mesh, first, second);
  if (!check.ok) return check;
  const link: Link = { id: newLinkId(check.from, check.to, linkIds(mesh.links)), from: check.from, to: check.to };
  return { ok: true, mesh: withSection(mesh, 'links', [...mesh.links, link]), link };
}

/**
 * The document with an existing link moved to new endpoints, under the same rules. Moved to
 * another node, it is named after its new ends as a new link is, so its old name stays free for
 * a link between its old ends.
 */
export function withLinkReconnected(mesh: Mesh, linkId: string, first: Endpoint, second: Endpoint): LinkEdit {
  const moved = mesh.links.find((link) => link.id === linkId);
  if (!moved) return { ok: false, reason: `There is no link '${linkId}' to move.` };
  const check = checkConnection(mesh, first, second, { replacingLinkId: linkId });
  if (!check.ok) return check;
  const keepsItsNodes = moved.from.nodeId === check.from.nodeId && moved.to.nodeId === check.to.nodeId;
  const others = mesh.links.filter((link) => link !== moved);
  const link: Link = {
    id: keepsItsNodes ? moved.id : newLinkId(check.from, check.to, linkIds(others)),
    from: check.from,
    to: check.to,
  };
  const links = mesh.links.map((candidate) => (candidate === moved ? link : candidate));
  return { ok: true, mesh: withSection(mesh, 'links', links), link };
}
