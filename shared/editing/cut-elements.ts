import { checkConnection, type Link, type Mesh, uniqueId } from '../model';
import { withSection } from './list-edits';
import type { MeshFragment } from './mesh-fragment';
import { nodeIds } from './mesh-index';

/** The links between a cut's products and systems and the rest of the design, which the cut takes away. */
export function linksToRest(mesh: Mesh, cut: MeshFragment): Link[] {
  const cutIds = new Set([...cut.products, ...cut.systems].map((node) => node.id));
  return mesh.links.filter((link) => cutIds.has(link.from.nodeId) !== cutIds.has(link.to.nodeId));
}

/**
 * `after`, a cut pasted back into the design it was cut from (as it was `before` the paste), with
 * the cut's `links` to the rest restored: each whose cut end came back under its own id, whose
 * other end is still there, and which the connection rules still allow (an input port fed since
 * takes no second source). Returns the restored links' ids too.
 */
export function withCutLinksRestored(
  before: Mesh,
  after: Mesh,
  links: readonly Link[],
): { mesh: Mesh; linkIds: string[] } {
  const present = nodeIds(before);
  const pastedBack = new Set([...nodeIds(after)].filter((id) => !present.has(id)));
  let mesh = after;
  const linkIds: string[] = [];
  for (const link of links) {
    const ends = [link.from.nodeId, link.to.nodeId];
    const isRestorable =
      ends.some((id) => pastedBack.has(id)) && ends.every((id) => pastedBack.has(id) || present.has(id));
    if (!isRestorable) continue;
    const check = checkConnection(mesh, link.from, link.to);
    if (!check.ok) continue;
    const id = uniqueId(link.id, new Set(mesh.links.map((existing) => existing.id)));
    mesh = withSection(mesh, 'links', [...mesh.links, { id, from: check.from, to: check.to }]);
    linkIds.push(id);
  }
  return { mesh, linkIds };
}
