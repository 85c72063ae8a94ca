import { memoizedOn } from '../../shared/editing/memo';
import type { Mesh } from '../../shared/model';
import type { PreparedSteps } from '../../shared/simulation/step-refusals';
import type { Finding } from '../../shared/validation/finding';
import { findingsOf } from '../governance/mesh-findings';

const NONE: ReadonlyMap<string, number> = new Map();

/**
 * Problems per domain, for the blocks drawn when zoomed far out: the governance findings shown on
 * its products and systems (or on the domain), and on the links into them.
 */
export function problemCountsByDomain(
  mesh: Mesh | null,
  baseline: Mesh | null,
  prepared: PreparedSteps | null = null,
): ReadonlyMap<string, number> {
  if (!mesh) return NONE;
  const findings = findingsOf(mesh, baseline, prepared);
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
    // A finding several of a domain's elements show (a cycle, a shared contract's) counts once there.
    const tally = new Map<string, Set<Finding>>();
    const add = (domainId: string | undefined, findings: readonly Finding[]) => {
      if (!domainId) return;
      for (const finding of findings) {
        if (finding.suppressed) continue;
        const counted = tally.get(domainId);
        if (counted) counted.add(finding);
        else tally.set(domainId, new Set([finding]));
      }
    };
    for (const [nodeId, findings] of byNode) add(domainOf.get(nodeId) ?? nodeId, findings);
    for (const [linkId, findings] of byLink) add(domainOf.get(consumerOf.get(linkId) ?? ''), findings);
    return new Map([...tally].map(([domainId, counted]) => [domainId, counted.size]));
  },
);
