import type {
  Contract,
  DataProduct,
  Domain,
  Endpoint,
  Link,
  Mesh,
  OperationalSystem,
  Port,
  PublishedEvent,
  Topic,
} from '../model';

/** An element with its place in the document, so findings can name the path. */
export interface Indexed<T> {
  item: T;
  index: number;
}

/** Where a contract governs data: an output port of a product, or the topic a system publishes an event on. */
export type ContractUse =
  | { kind: 'port'; product: DataProduct; port: Port }
  | { kind: 'event'; system: OperationalSystem; event: PublishedEvent; topics: Topic[] };

/** Lookups over one mesh, built once (see `meshGraph`) so rules and impact analysis stay linear. */
export interface MeshGraph {
  domains: ReadonlyMap<string, Indexed<Domain>>;
  products: ReadonlyMap<string, Indexed<DataProduct>>;
  systems: ReadonlyMap<string, Indexed<OperationalSystem>>;
  contracts: ReadonlyMap<string, Indexed<Contract>>;
  links: ReadonlyMap<string, Indexed<Link>>;
  /** The links leaving an endpoint (an output port or a topic). */
  linksFrom(endpoint: Endpoint): readonly Link[];
  /** The links arriving at an input port. */
  linksInto(endpoint: Endpoint): readonly Link[];
  /** Every link leaving or arriving at a node. */
  linksOf(nodeId: string): readonly Link[];
  contractUses(contractId: string): readonly ContractUse[];
}

const NONE: readonly never[] = [];
const cache = new WeakMap<Mesh, MeshGraph>();

export function meshGraph(mesh: Mesh): MeshGraph {
  const cached = cache.get(mesh);
  if (cached) return cached;
  const graph = buildGraph(mesh);
  cache.set(mesh, graph);
  return graph;
}

function buildGraph(mesh: Mesh): MeshGraph {
  const from = new EndpointMap();
  const into = new EndpointMap();
  const byNode = new Map<string, Link[]>();
  for (const link of mesh.links) {
    from.add(link.from, link);
    into.add(link.to, link);
    for (const nodeId of new Set([link.from.nodeId, link.to.nodeId])) pushTo(byNode, nodeId, link);
  }
  const uses = new Map<string, ContractUse[]>();
  for (const product of mesh.products) {
    for (const port of product.outputPorts) {
      if (port.contractId) pushTo(uses, port.contractId, { kind: 'port', product, port });
    }
  }
  for (const system of mesh.systems) {
    for (const event of system.publishes) {
      if (!event.contractId) continue;
      const topics = system.messaging.topics.filter(
        (topic) => topic.source.kind === 'outbox' && topic.source.event === event.name,
      );
      pushTo(uses, event.contractId, { kind: 'event', system, event, topics });
    }
  }
  return {
    domains: indexById(mesh.domains),
    products: indexById(mesh.products),
    systems: indexById(mesh.systems),
    contracts: indexById(mesh.contracts),
    links: indexById(mesh.links),
    linksFrom: (endpoint) => from.get(endpoint),
    linksInto: (endpoint) => into.get(endpoint),
    linksOf: (nodeId) => byNode.get(nodeId) ?? NONE,
    contractUses: (contractId) => uses.get(contractId) ?? NONE,
  };
}

function indexById<T extends { id: string }>(items: readonly T[]): Map<string, Indexed<T>> {
  return new Map(items.map((item, index) => [item.id, { item, index }]));
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Links by node, then by port or topic. */
class EndpointMap {
  private readonly byNode = new Map<string, Map<string, Link[]>>();

  add(endpoint: Endpoint, link: Link): void {
    let ports = this.byNode.get(endpoint.nodeId);
    if (!ports) {
      ports = new Map();
      this.byNode.set(endpoint.nodeId, ports);
    }
    pushTo(ports, endpoint.portId, link);
  }

  get(endpoint: Endpoint): readonly Link[] {
    return this.byNode.get(endpoint.nodeId)?.get(endpoint.portId) ?? NONE;
  }
}
