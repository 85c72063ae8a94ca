import { memoizedOn } from '../../shared/editing/memo';
import type { Mesh } from '../../shared/model';
import type { Finding } from '../../shared/validation/finding';
import { findingsOf } from '../governance/mesh-findings';

const NONE: ReadonlyMap<string, number> = new Map();

/**
 * Problems per domain, for the blocks drawn when zoomed far out: the governance findings shown on
 * its products and systems (or on the domain), and on the links into them.
 */
export function problemCountsByDomain(mesh: Mesh | null, savedMesh: Mesh | null): ReadonlyMap<string, number> {
  if (!mesh) return NONE;
  const findings = findingsOf(mesh, savedMesh);
  return countsOf(findings.byNode, findings.byLink, mesh.links, mesh.products, mesh.systems);
}

const countsOf = memoizedOn(
  (
    byNode: ReadonlyMap<string, readonly Finding[]>,
    byLink: ReadonlyMap<string, readonly Finding[]>,
    links: Mesh['links'],
    products: Mesh['products'],
    systems: Mesh['systems'],
  ): ReadonlyMap<string, number> => {
    const domainOf = new Map([...products, ...systems].map((node) => [node.id, node.domainId]));
    const consumerOf = new Map(links.map((link) => [link.id, link.to.nodeId]));
    const tally = new Map<string, number>();
    const add = (domainId: string | undefined, findings: readonly Finding[]) => {
      const counted = findings.filter((finding) => !finding.suppressed).length;
      if (domainId && counted > 0) tally.set(domainId, (tally.get(domainId) ?? 0) + counted);
    };
    for (const [nodeId, findings] of byNode) add(domainOf.get(nodeId) ?? nodeId, findings);
    for (const [linkId, findings] of byLink) add(domainOf.get(consumerOf.get(linkId) ?? ''), findings);
    return tally;
  },
);
