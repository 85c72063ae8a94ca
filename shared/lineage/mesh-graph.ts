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
import { Memo } from './memo';
import { type ProductOutline, productOutlines } from './product-outlines';

/** An element with its place in the document, so findings can name the path. */
export interface Indexed<T> {
  item: T;
  index: number;
}

/** Where a contract governs data: an output port of a product, or the topic a system publishes an event on. */
export type ContractUse =
  | { kind: 'port'; product: ProductOutline; port: Port }
  | { kind: 'event'; system: OperationalSystem; event: PublishedEvent; topics: Topic[] };

/** Lookups over one mesh (see `meshGraph`), so rules and impact analysis stay linear. */
export interface MeshGraph {
  /** The mesh the lookups are of. */
  mesh: Mesh;
  domains: ReadonlyMap<string, Indexed<Domain>>;
  products: ReadonlyMap<string, Indexed<DataProduct>>;
  systems: ReadonlyMap<string, Indexed<OperationalSystem>>;
  contracts: ReadonlyMap<string, Indexed<Contract>>;
  links: ReadonlyMap<string, Indexed<Link>>;
  /** What is read of products other than the one judged; the same list while no product's outline changes. */
  productOutlines: readonly ProductOutline[];
  /** The links leaving an endpoint (an output port or a topic). */
  linksFrom(endpoint: Endpoint): readonly Link[];
  /** The links arriving at an input port. */
  linksInto(endpoint: Endpoint): readonly Link[];
  /** Every link leaving or arriving at a node. */
  linksOf(nodeId: string): readonly Link[];
  contractUses(contractId: string): readonly ContractUse[];
  /** The products and systems that name a contract: on a port, or for an event they publish. */
  contractNamers(contractId: string): readonly string[];
}

const NONE: readonly never[] = [];

/**
 * The lookups of a mesh. Each index is made on first use and remembered per section it reads
 * (the products, the links…): after an edit, only the indexes of the changed sections are made
 * again, and only if something asks.
 */
export function meshGraph(mesh: Mesh): MeshGraph {
  return graphs.get(mesh, [], () => new Lookups(mesh));
}

/** A mesh's graph: each index is looked up in its memo once, on first use, then kept here. */
class Lookups implements MeshGraph {
  #domains?: MeshGraph['domains'];
  #products?: MeshGraph['products'];
  #systems?: MeshGraph['systems'];
  #contracts?: MeshGraph['contracts'];
  #links?: MeshGraph['links'];
  #outlines?: MeshGraph['productOutlines'];
  #linkEnds?: LinkEnds;
  #uses?: MeshGraph['contractUses'];
  #namers?: MeshGraph['contractNamers'];

  constructor(readonly mesh: Mesh) {}

  get domains() {
    this.#domains ??= indexById(this.mesh.domains);
    return this.#domains;
  }

  get products() {
    this.#products ??= indexById(this.mesh.products);
    return this.#products;
  }

  get systems() {
    this.#systems ??= indexById(this.mesh.systems);
    return this.#systems;
  }

  get contracts() {
    this.#contracts ??= indexById(this.mesh.contracts);
    return this.#contracts;
  }

  get links() {
    this.#links ??= indexById(this.mesh.links);
    return this.#links;
  }

  get productOutlines() {
    this.#outlines ??= productOutlines(this.mesh.products);
    return this.#outlines;
  }

  linksFrom(endpoint: Endpoint): readonly Link[] {
    return this.linkEnds().from.get(endpoint);
  }

  linksInto(endpoint: Endpoint): readonly Link[] {
    return this.linkEnds().into.get(endpoint);
  }

  linksOf(nodeId: string): readonly Link[] {
    return this.linkEnds().byNode.get(nodeId) ?? NONE;
  }

  contractUses(contractId: string): readonly ContractUse[] {
    this.#uses ??= contractUseIndex(this.productOutlines, this.mesh.systems);
    return this.#uses(contractId);
  }

  contractNamers(contractId: string): readonly string[] {
    this.#namers ??= contractNamerIndex(this.productOutlines, this.mesh.systems);
    return this.#namers(contractId);
  }

  private linkEnds(): LinkEnds {
    this.#linkEnds ??= linkIndex(this.mesh.links);
    return this.#linkEnds;
  }
}

const graphs = new Memo<Mesh, MeshGraph>();
const indexes = new Memo<readonly { id: string }[], ReadonlyMap<string, Indexed<unknown>>>();
const linkIndexes = new Memo<readonly Link[], LinkEnds>();
const useIndexes = new Memo<readonly ProductOutline[], MeshGraph['contractUses']>();

function indexById<T extends { id: string }>(items: readonly T[]): ReadonlyMap<string, Indexed<T>> {
  return indexes.get(items, [], () => new Map(items.map((item, index) => [item.id, { item, index }]))) as ReadonlyMap<
    string,
    Indexed<T>
  >;
}

/** The links by the endpoint they leave, the endpoint they arrive at, and every node they touch. */
interface LinkEnds {
  from: EndpointMap;
  into: EndpointMap;
  byNode: ReadonlyMap<string, readonly Link[]>;
}

function linkIndex(links: readonly Link[]): LinkEnds {
  return linkIndexes.get(links, [], () => {
    const from = new EndpointMap();
    const into = new EndpointMap();
    const byNode = new Map<string, Link[]>();
    for (const link of links) {
      from.add(link.from, link);
      into.add(link.to, link);
      pushTo(byNode, link.from.nodeId, link);
      if (link.to.nodeId !== link.from.nodeId) pushTo(byNode, link.to.nodeId, link);
    }
    return { from, into, byNode };
  });
}

/** Read from the products' outlines, so an edit of a product's description or SQL keeps it. */
function contractUseIndex(
  products: readonly ProductOutline[],
  systems: readonly OperationalSystem[],
): MeshGraph['contractUses'] {
  return useIndexes.get(products, [systems], () => {
    const uses = new Map<string, ContractUse[]>();
    for (const product of products) {
      for (const port of product.outputPorts) {
        if (port.contractId) pushTo(uses, port.contractId, { kind: 'port', product, port });
      }
    }
    for (const system of systems) {
      for (const event of system.publishes) {
        if (!event.contractId) continue;
        const topics = system.messaging.topics.filter(
          (topic) => topic.source.kind === 'outbox' && topic.source.event === event.name,
        );
        pushTo(uses, event.contractId, { kind: 'event', system, event, topics });
      }
    }
    return (contractId) => uses.get(contractId) ?? NONE;
  });
}

const namerIndexes = new Memo<readonly ProductOutline[], MeshGraph['contractNamers']>();

function contractNamerIndex(
  products: readonly ProductOutline[],
  systems: readonly OperationalSystem[],
): MeshGraph['contractNamers'] {
  return namerIndexes.get(products, [systems], () => {
    const namers = new Map<string, string[]>();
    for (const product of products) {
      const ports = [...product.inputPorts, ...product.outputPorts, product.discoveryPort];
      for (const port of ports) if (port.contractId) pushTo(namers, port.contractId, product.id);
    }
    for (const system of systems) {
      for (const event of system.publishes) if (event.contractId) pushTo(namers, event.contractId, system.id);
    }
    return (contractId) => namers.get(contractId) ?? NONE;
  });
}

const orders = new Memo<readonly { id: string }[], readonly string[]>(
  (last, next) => last.length === next.length && last.every((id, at) => id === next[at]),
);

/**
 * The ids of a section's items in order: the same list (object) while no item is added, removed
 * or moved, for memos of findings that name an item by its index.
 */
export function idOrder(items: readonly { id: string }[]): readonly string[] {
  return orders.get(items, [], () => items.map((item) => item.id));
}

/** The contract with this id, if there is one. */
export function contractOf(graph: MeshGraph, id: string | undefined): Contract | undefined {
  return id === undefined ? undefined : graph.contracts.get(id)?.item;
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
