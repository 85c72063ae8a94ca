import type { Contract, DataProduct, Domain, Link, Mesh, OperationalSystem, Port, Topic } from '../../model';

/** What feeds a link or is fed by it: a product's port or a system's topic. */
export type LinkEnd =
  | { kind: 'port'; product: DataProduct; port: Port }
  | { kind: 'topic'; system: OperationalSystem; topic: Topic };

export interface ResolvedLink {
  link: Link;
  from: LinkEnd;
  to: LinkEnd & { kind: 'port' };
}

/**
 * The mesh indexed once for a diagram: lookups by id and links by the node they leave or enter,
 * so a diagram of a thousand products stays linear. Links whose ends no longer exist are left out.
 */
export interface MeshGraph {
  mesh: Mesh;
  domain(id: string): Domain | undefined;
  product(id: string): DataProduct | undefined;
  system(id: string): OperationalSystem | undefined;
  contract(id: string | undefined): Contract | undefined;
  links: readonly ResolvedLink[];
  linksFrom(nodeId: string): readonly ResolvedLink[];
  linksInto(nodeId: string): readonly ResolvedLink[];
}

export function meshGraph(mesh: Mesh): MeshGraph {
  const domains = new Map(mesh.domains.map((domain) => [domain.id, domain]));
  const products = new Map(mesh.products.map((product) => [product.id, product]));
  const systems = new Map(mesh.systems.map((system) => [system.id, system]));
  const contracts = new Map(mesh.contracts.map((contract) => [contract.id, contract]));
  const resolveEnd = (nodeId: string, portId: string): LinkEnd | undefined => {
    const product = products.get(nodeId);
    if (product) {
      const port = [...product.inputPorts, ...product.outputPorts].find((candidate) => candidate.id === portId);
      return port && { kind: 'port', product, port };
    }
    const system = systems.get(nodeId);
    const topic = system?.messaging.topics.find((candidate) => candidate.id === portId);
    return system && topic && { kind: 'topic', system, topic };
  };
  const links: ResolvedLink[] = [];
  const from = new Map<string, ResolvedLink[]>();
  const into = new Map<string, ResolvedLink[]>();
  for (const link of mesh.links) {
    const start = resolveEnd(link.from.nodeId, link.from.portId);
    const end = resolveEnd(link.to.nodeId, link.to.portId);
    if (!start || end?.kind !== 'port') continue;
    const resolved: ResolvedLink = { link, from: start, to: end };
    links.push(resolved);
    pushTo(from, link.from.nodeId, resolved);
    pushTo(into, link.to.nodeId, resolved);
  }
  return {
    mesh,
    domain: (id) => domains.get(id),
    product: (id) => products.get(id),
    system: (id) => systems.get(id),
    contract: (id) => (id === undefined ? undefined : contracts.get(id)),
    links,
    linksFrom: (nodeId) => from.get(nodeId) ?? [],
    linksInto: (nodeId) => into.get(nodeId) ?? [],
  };
}

/** The name a link end is known by in a diagram: `orders: Orders`, `orders-service: orders.public.orders`. */
export function linkEndName(end: LinkEnd): string {
  return end.kind === 'port' ? `${end.product.name}: ${end.port.name}` : `${end.system.name}: ${end.topic.name}`;
}

/** The product or system a link end belongs to. */
export function linkEndNode(end: LinkEnd): DataProduct | OperationalSystem {
  return end.kind === 'port' ? end.product : end.system;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
