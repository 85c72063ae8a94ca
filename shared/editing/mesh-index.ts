import type { Contract, DataProduct, Domain, Link, Mesh, Note, OperationalSystem } from '../model';

/** Lookups by id, built once per changed section of the document rather than a `.find` per node per render. */
export interface MeshIndex {
  domains: ReadonlyMap<string, Domain>;
  products: ReadonlyMap<string, DataProduct>;
  systems: ReadonlyMap<string, OperationalSystem>;
  links: ReadonlyMap<string, Link>;
}

export type NodeKind = 'domain' | 'product' | 'system' | 'note';

const byIdCache = new WeakMap<readonly { id: string }[], ReadonlyMap<string, { id: string }>>();

function indexById<T extends { id: string }>(items: readonly T[]): ReadonlyMap<string, T> {
  let index = byIdCache.get(items);
  if (!index) {
    index = new Map(items.map((item) => [item.id, item]));
    byIdCache.set(items, index);
  }
  return index as ReadonlyMap<string, T>;
}

export function domainById(mesh: Mesh, id: string): Domain | undefined {
  return indexById(mesh.domains).get(id);
}

export function productById(mesh: Mesh, id: string): DataProduct | undefined {
  return indexById(mesh.products).get(id);
}

export function systemById(mesh: Mesh, id: string): OperationalSystem | undefined {
  return indexById(mesh.systems).get(id);
}

export function contractById(mesh: Mesh, id: string): Contract | undefined {
  return indexById(mesh.contracts).get(id);
}

export function linkById(mesh: Mesh, id: string): Link | undefined {
  return indexById(mesh.links).get(id);
}

/** The links whose both ends are among `nodeIds`. */
export function linksWithin(mesh: Mesh, nodeIds: ReadonlySet<string>): Link[] {
  return mesh.links.filter((link) => nodeIds.has(link.from.nodeId) && nodeIds.has(link.to.nodeId));
}

export function noteById(mesh: Mesh, id: string): Note | undefined {
  return mesh.notes && indexById(mesh.notes).get(id);
}

export function nodeKindOf(mesh: Mesh, id: string): NodeKind | undefined {
  if (productById(mesh, id)) return 'product';
  if (systemById(mesh, id)) return 'system';
  if (domainById(mesh, id)) return 'domain';
  if (noteById(mesh, id)) return 'note';
  return undefined;
}

/** Every id a domain, product or system uses: they share one namespace. */
export function nodeIds(mesh: Mesh): Set<string> {
  return new Set([...mesh.domains, ...mesh.products, ...mesh.systems].map((node) => node.id));
}

/** The products and systems a domain owns. */
export function childrenOf(mesh: Mesh, domainId: string): Array<DataProduct | OperationalSystem> {
  return [...mesh.products, ...mesh.systems].filter((node) => node.domainId === domainId);
}

/** The contracts a product's output ports or a system's published events are governed by. */
export function contractIdsOf(node: DataProduct | OperationalSystem): string[] {
  const referrers = 'outputPorts' in node ? node.outputPorts : node.publishes;
  return referrers.flatMap((referrer) => (referrer.contractId ? [referrer.contractId] : []));
}

/** The domain a product or system lives in, or the domain itself. */
export function owningDomainId(mesh: Mesh, nodeId: string): string | undefined {
  return productById(mesh, nodeId)?.domainId ?? systemById(mesh, nodeId)?.domainId ?? domainById(mesh, nodeId)?.id;
}
