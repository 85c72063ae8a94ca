import type { Mesh } from '../model';
import { owningDomainId } from './mesh-index';

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

const countsCache = new WeakMap<Mesh['products'], WeakMap<Mesh['systems'], ReadonlyMap<string, DomainCounts>>>();

export function domainCounts(mesh: Mesh): ReadonlyMap<string, DomainCounts> {
  let bySystems = countsCache.get(mesh.products);
  if (!bySystems) {
    bySystems = new WeakMap();
    countsCache.set(mesh.products, bySystems);
  }
  let counts = bySystems.get(mesh.systems);
  if (!counts) {
    const tally = new Map(mesh.domains.map((domain) => [domain.id, { products: 0, systems: 0, ports: 0 }]));
    for (const product of mesh.products) {
      const entry = tally.get(product.domainId);
      if (!entry) continue;
      entry.products += 1;
      entry.ports += product.inputPorts.length + product.outputPorts.length;
    }
    for (const system of mesh.systems) {
      const entry = tally.get(system.domainId);
      if (!entry) continue;
      entry.systems += 1;
      entry.ports += system.messaging.topics.length;
    }
    counts = tally;
    bySystems.set(mesh.systems, counts);
  }
  return counts;
}

const flowsCache = new WeakMap<Mesh['links'], DomainFlow[]>();

/** Links between domains, aggregated: one flow per pair of domains in the direction data moves. */
export function domainFlows(mesh: Mesh): DomainFlow[] {
  const cached = flowsCache.get(mesh.links);
  if (cached) return cached;
  const flows = new Map<string, DomainFlow>();
  for (const link of mesh.links) {
    const from = owningDomainId(mesh, link.from.nodeId);
    const to = owningDomainId(mesh, link.to.nodeId);
    if (!from || !to || from === to) continue;
    const id = `${from}→${to}`;
    const flow = flows.get(id) ?? { id, from, to, links: 0 };
    flow.links += 1;
    flows.set(id, flow);
  }
  const result = [...flows.values()];
  flowsCache.set(mesh.links, result);
  return result;
}
