import type { Mesh } from '../model';
import { memoizedOn } from './memo';

/** A domain drawn as one block when the mesh is seen from far away. */
export interface DomainCounts {
  products: number;
  systems: number;
  /** Input and output ports of its products, and topics of its systems. */
  ports: number;
}

/** The links from one domain's products and systems into another's, drawn as one edge. */
export interface DomainFlow {
  id: string;
  from: string;
  to: string;
  links: number;
}

const countsOf = memoizedOn(
  (
    domains: Mesh['domains'],
    products: Mesh['products'],
    systems: Mesh['systems'],
  ): ReadonlyMap<string, DomainCounts> => {
    const tally = new Map(domains.map((domain) => [domain.id, { products: 0, systems: 0, ports: 0 }]));
    for (const product of products) {
      const entry = tally.get(product.domainId);
      if (!entry) continue;
      entry.products += 1;
      entry.ports += product.inputPorts.length + product.outputPorts.length;
    }
    for (const system of systems) {
      const entry = tally.get(system.domainId);
      if (!entry) continue;
      entry.systems += 1;
      entry.ports += system.messaging.topics.length;
    }
    return tally;
  },
);

export function domainCounts(mesh: Mesh): ReadonlyMap<string, DomainCounts> {
  return countsOf(mesh.domains, mesh.products, mesh.systems);
}

/** Links between domains, aggregated: one flow per pair of domains in the direction data moves. */
export function domainFlows(mesh: Mesh): DomainFlow[] {
  return flowsOf(mesh.links, mesh.products, mesh.systems);
}

const flowsOf = memoizedOn((links: Mesh['links'], products: Mesh['products'], systems: Mesh['systems']) => {
  const domainOf = new Map([...products, ...systems].map((node) => [node.id, node.domainId]));
  return flowsBetweenDomains(
    links.map((link) => ({ from: domainOf.get(link.from.nodeId), to: domainOf.get(link.to.nodeId) })),
  );
});

/** One flow per pair of different domains, counting the links between them, given the domains each link joins. */
export function flowsBetweenDomains(
  linkDomains: Iterable<{ from: string | undefined; to: string | undefined }>,
): DomainFlow[] {
  const flows = new Map<string, DomainFlow>();
  for (const { from, to } of linkDomains) {
    if (!from || !to || from === to) continue;
    const id = `${from}→${to}`;
    const flow = flows.get(id) ?? { id, from, to, links: 0 };
    flow.links += 1;
    flows.set(id, flow);
  }
  return [...flows.values()];
}
