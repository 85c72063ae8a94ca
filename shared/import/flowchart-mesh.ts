import { copyName } from '../editing/copy-names';
import { DEFAULT_NODE_SIZE, nextChildPositions, nextDomainPosition } from '../editing/node-placement';
import { systemCopyNamed } from '../editing/system-copies';
import { newSystem, newTopic } from '../editing/systems';
import {
  comparableName,
  type DataProduct,
  DISCOVERY_PORT_ID,
  type Domain,
  domainColorAt,
  firstFreeName,
  isValidId,
  type Link,
  type Mesh,
  type NodeLayout,
  newDataProduct,
  newPort,
  type OperationalSystem,
  type Port,
  type ProductKind,
  type Topic,
  uniqueId,
} from '../model';
import { carriedId, type ElementKind, type FlowchartMatches, type NodeKind, nodeNames } from './flowchart-matches';
import { layeredLayout } from './layered-layout';
import type { DraftEdge, DraftNode, FlowchartDraft, ImportNote } from './mermaid-flowchart';

/** Where nodes drawn outside every subgraph go. */
export const LOOSE_NODES_DOMAIN = 'Imported';

export interface AddedElements {
  domainIds: string[];
  productIds: string[];
  systemIds: string[];
  linkIds: string[];
}

export interface FlowchartMesh {
  mesh: Mesh;
  added: AddedElements;
  warnings: ImportNote[];
}

/**
 * Adds a flowchart to a mesh: each subgraph becomes a domain, each node a data product (named by
 * its label), or an operational system where it is drawn as a database (a cylinder), whose change
 * stream feeds what it links to; each edge a link from a new output port of its source to a new input port of its
 * target (named by the edge's label, or `to …` / `from …`). A product no edge gives an input or an
 * output port gets the default one, so each can be linked later. New domains go below the others,
 * their products laid out by data flow. Names never clash with what the mesh already has: one it has
 * is numbered as a paste numbers a copy (`Orders 2`), a new system's database and streams too.
 *
 * With `matches`, what the mesh already has is updated instead of added again: its name, its domain
 * (a node in a subgraph), and a link for each edge between two elements not linked yet. Nothing the
 * flowchart lacks is removed.
 */
export function addFlowchartToMesh(flowchart: FlowchartDraft, into: Mesh, matches?: FlowchartMatches): FlowchartMesh {
  const claimId = idClaimer(into);
  const domains = flowchartDomains(flowchart, into, matches, claimId);
  const elements = flowchartElements(flowchart, into, matches, domains, claimId);
  const { links, warnings } = flowchartLinks(flowchart, into.links, elements);
  const { mesh, added } = mergedIntoMesh(into, domains, elements, links);
  return { mesh, added, warnings };
}

type IdClaimer = (name: string, kind: ElementKind, mermaidId?: string) => string;

/** Claims ids free in the mesh. The app's own diagrams carry each element's id in its node id (`product_orders`): kept when free. */
function idClaimer(into: Mesh): IdClaimer {
  const takenIds = new Set([...into.domains, ...into.products, ...into.systems].map((node) => node.id));
  return (name, kind, mermaidId = '') => {
    const carried = carriedId(mermaidId, kind);
    const id = isValidId(carried) && !takenIds.has(carried) ? carried : uniqueId(name, takenIds, kind);
    takenIds.add(id);
    return id;
  };
}

interface FlowchartDomains {
  added: Domain[];
  /** Matched domains by id, named as their subgraph. */
  renamed: Map<string, Domain>;
  idBySubgraph: Map<string | undefined, string>;
}

/** A domain per subgraph (the matched one renamed, else a new one), and one for new nodes drawn outside every subgraph. */
function flowchartDomains(
  flowchart: FlowchartDraft,
  into: Mesh,
  matches: FlowchartMatches | undefined,
  claimId: IdClaimer,
): FlowchartDomains {
  const domains: FlowchartDomains = { added: [], renamed: new Map(), idBySubgraph: new Map() };
  const addDomain = (name: string, subgraphId: string | undefined, color?: string) => {
    const uniqueName = copyName(
      name,
      [...into.domains, ...domains.added].map((domain) => domain.name),
    );
    const domain: Domain = {
      id: claimId(uniqueName, 'domain', subgraphId),
      name: uniqueName,
      description: '',
      owner: '',
      color: color ?? domainColorAt(into.domains.length + domains.added.length),
    };
    domains.added.push(domain);
    domains.idBySubgraph.set(subgraphId, domain.id);
  };
  for (const subgraph of flowchart.subgraphs) {
    const name = subgraph.label || subgraph.id;
    const matched = into.domains.find((domain) => domain.id === matches?.domainIdBySubgraph.get(subgraph.id));
    if (!matched) addDomain(name, subgraph.id, subgraph.color);
    else {
      domains.idBySubgraph.set(subgraph.id, matched.id);
      const others = into.domains.filter((domain) => domain !== matched).map((domain) => domain.name);
      domains.renamed.set(matched.id, { ...matched, name: firstFreeName(name, others) });
    }
  }
  const isNew = (node: DraftNode) => !matches?.elementIdByNode.has(node.id);
  if (flowchart.nodes.some((node) => node.subgraphId === undefined && isNew(node))) {
    addDomain(LOOSE_NODES_DOMAIN, undefined);
  }
  return domains;
}

/** The flowchart's nodes as elements: copies of the matched ones, to update, and new ones. */
interface FlowchartElements {
  productByNode: Map<string, DataProduct>;
  systemByNode: Map<string, OperationalSystem>;
  /** Systems whose change stream was named already (see streamNamed). */
  renamedStreams: Set<OperationalSystem>;
}

/**
 * Each node as its matched product or system, named and moved as drawn, or as a new one; names are
 * unique in each domain, and a new one's in the design too.
 */
function flowchartElements(
  flowchart: FlowchartDraft,
  into: Mesh,
  matches: FlowchartMatches | undefined,
  domains: FlowchartDomains,
  claimId: IdClaimer,
): FlowchartElements {
  const elements: FlowchartElements = { productByNode: new Map(), systemByNode: new Map(), renamedStreams: new Set() };
  const nameOf = nodeNames(flowchart.nodes);
  const takenNames = namesKeptBesideTheDrawn(into, matches, domains);
  const systemsSoFar = () => [...into.systems, ...elements.systemByNode.values()];
  const existingProducts = new Map(into.products.map((product) => [product.id, product]));
  const existingSystems = new Map(into.systems.map((system) => [system.id, system]));
  for (const node of flowchart.nodes) {
    const matchedId = matches?.elementIdByNode.get(node.id) ?? '';
    const matchedProduct = existingProducts.get(matchedId);
    const matchedSystem = existingSystems.get(matchedId);
    const domainId = domains.idBySubgraph.get(node.subgraphId) ?? (matchedProduct ?? matchedSystem)?.domainId ?? '';
    const kind = node.isDatabase ? 'system' : 'product';
    const name = claimFreeName(nameOf(node), { kind, domainId }, takenNames, !(matchedProduct ?? matchedSystem));
    if (matchedSystem) {
      const system = updatedSystem(matchedSystem, name, domainId);
      // Its change stream keeps its name: a link's label adds a topic instead.
      elements.renamedStreams.add(system);
      elements.systemByNode.set(node.id, system);
    } else if (matchedProduct) {
      elements.productByNode.set(node.id, updatedProduct(matchedProduct, name, domainId));
    } else if (node.isDatabase) {
      const system = newSystem(claimId(name, 'system', node.id), domainId, name);
      elements.systemByNode.set(node.id, systemCopyNamed(system, name, systemsSoFar()));
    } else {
      const discoveryPort = newPort(DISCOVERY_PORT_ID, 'discovery', 'discovery');
      elements.productByNode.set(
        node.id,
        newDataProduct({ id: claimId(name, 'product', node.id), domainId, name, discoveryPort }),
      );
    }
  }
  return elements;
}

/** The names of products and systems, as clashes are judged (see comparableName), taken as the nodes are named. */
interface TakenNames {
  /**
   * By kind and matched domain, what it keeps beside the flowchart's nodes, and the names given in
   * it since: a product and a system of one domain may share a name, as in the design (name-rules).
   */
  byDomain: Record<NodeKind, Map<string, Set<string>>>;
  /**
   * What the design keeps beside the flowchart's nodes, anywhere, and the names numbered since:
   * a new element wanting one of these is numbered.
   */
  reserved: Set<string>;
  /** The kept names and all names given since. */
  inDesign: Set<string>;
}

/** The names taken, before any node is named, by what the design keeps beside the flowchart's nodes. */
function namesKeptBesideTheDrawn(
  into: Mesh,
  matches: FlowchartMatches | undefined,
  domains: FlowchartDomains,
): TakenNames {
  const byDomain: TakenNames['byDomain'] = { product: new Map(), system: new Map() };
  const kept = new Set<string>();
  const drawnIds = new Set(matches?.elementIdByNode.values());
  const siblings = [
    ...into.products.map((element) => ({ element, kind: 'product' as const })),
    ...into.systems.map((element) => ({ element, kind: 'system' as const })),
  ];
  for (const { element: sibling, kind } of siblings) {
    if (drawnIds.has(sibling.id)) continue;
    kept.add(comparableName(sibling.name));
    if (!domains.renamed.has(sibling.domainId)) continue;
    const taken = byDomain[kind].get(sibling.domainId) ?? new Set<string>();
    byDomain[kind].set(sibling.domainId, taken.add(comparableName(sibling.name)));
  }
  return { byDomain, reserved: new Set(kept), inDesign: kept };
}

/**
 * The wanted name, or, when the domain has it already (or, for a new element, the design), the
 * next free number after its stem, as a paste numbers a copy; taken from then on.
 */
function claimFreeName(
  wanted: string,
  { kind, domainId }: { kind: NodeKind; domainId: string },
  takenNames: TakenNames,
  isNew: boolean,
): string {
  const inDomain = takenNames.byDomain[kind].get(domainId) ?? new Set<string>();
  takenNames.byDomain[kind].set(domainId, inDomain);
  const key = comparableName(wanted);
  const clashes = inDomain.has(key) || (isNew && takenNames.reserved.has(key));
  // Names rarely clash: only then is a list searched for a free one.
  const name = clashes ? copyName(wanted, [...(isNew ? takenNames.inDesign : inDomain)]) : wanted;
  inDomain.add(comparableName(name));
  takenNames.inDesign.add(comparableName(name));
  if (clashes && isNew) takenNames.reserved.add(comparableName(name));
  return name;
}

/** Copied with its topics, as links may add topics to it. */
function updatedSystem(system: OperationalSystem, name: string, domainId: string): OperationalSystem {
  const topics = [...system.messaging.topics];
  return { ...system, name, domainId, messaging: { ...system.messaging, topics } };
}

/** Copied with its port lists, as links may add ports to it. */
function updatedProduct(product: DataProduct, name: string, domainId: string): DataProduct {
  const { inputPorts, outputPorts } = product;
  return { ...product, name, domainId, inputPorts: [...inputPorts], outputPorts: [...outputPorts] };
}

/** A link per edge between elements not linked yet, from a port of its source to a new input port of its target. */
function flowchartLinks(
  flowchart: FlowchartDraft,
  existingLinks: readonly Link[],
  { productByNode, systemByNode, renamedStreams }: FlowchartElements,
): { links: Link[]; warnings: ImportNote[] } {
  const links: Link[] = [];
  const warnings: ImportNote[] = [];
  const takenLinkIds = new Set(existingLinks.map((link) => link.id));
  const linkBetween = (from: Link['from'], to: Link['to']): Link => {
    const id = uniqueId(`${from.nodeId}-to-${to.nodeId}`, takenLinkIds);
    takenLinkIds.add(id);
    return { id, from, to };
  };
  const isLinked = (from: string | undefined, to: string) =>
    existingLinks.some((link) => link.from.nodeId === from && link.to.nodeId === to);
  for (const edge of flowchart.edges) {
    const target = productByNode.get(edge.to);
    if (!target) {
      warnings.push({
        line: edge.line,
        column: edge.column,
        message: `'${edge.from}' links to '${edge.to}', drawn as a database (an operational system): nothing feeds a system, so the link is not imported.`,
      });
      continue;
    }
    const system = systemByNode.get(edge.from);
    const source = productByNode.get(edge.from);
    if (isLinked((system ?? source)?.id, target.id)) continue;
    if (source === target) {
      warnings.push({
        line: edge.line,
        column: edge.column,
        message: `'${edge.from}' links to itself: a product cannot feed its own input.`,
      });
      continue;
    }
    const [from, to] = system
      ? streamToInput(edge, system, target, renamedStreams)
      : outputToInput(edge, source as DataProduct, target);
    links.push(linkBetween(from, to));
  }
  return { links, warnings };
}

type LinkEnds = [from: Link['from'], to: Link['to']];

/** A system's stream (the one the edge's label names, else its change stream) to a new input port of the target. */
function streamToInput(
  edge: DraftEdge,
  system: OperationalSystem,
  target: DataProduct,
  renamedStreams: Set<OperationalSystem>,
): LinkEnds {
  const names = portNamesOf(edge);
  const input = addPort(target, 'input', names.input ?? `from ${system.name}`);
  const stream = names.stream ? streamNamed(system, names.stream, renamedStreams) : firstStream(system);
  return [
    { nodeId: system.id, portId: stream.id },
    { nodeId: target.id, portId: input.id },
  ];
}

/** The source's output port the edge's label names (`to …` without one) to a new input port of the target. */
function outputToInput(edge: DraftEdge, source: DataProduct, target: DataProduct): LinkEnds {
  const names = portNamesOf(edge);
  const output = outputPortNamed(source, names.output ?? `to ${target.name}`);
  const input = addPort(target, 'input', names.input ?? `from ${source.name}`);
  return [
    { nodeId: source.id, portId: output.id },
    { nodeId: target.id, portId: input.id },
  ];
}

/**
 * The mesh with its matched elements updated and the new ones added: new domains laid out by data
 * flow below the others, nodes new to (or moved to) a domain there before in its free cells.
 */
function mergedIntoMesh(
  into: Mesh,
  domains: FlowchartDomains,
  { productByNode, systemByNode }: FlowchartElements,
  links: Link[],
): { mesh: Mesh; added: AddedElements } {
  const existing = new Map<string, { domainId: string }>(
    [...into.products, ...into.systems].map((node) => [node.id, node]),
  );
  const isKept = (node: { id: string }) => existing.has(node.id);
  const productIds = new Set([...into.products, ...productByNode.values()].map((product) => product.id));
  const fedByProducts = new Set(links.filter((link) => productIds.has(link.from.nodeId)).map((link) => link.to.nodeId));
  const products = [...productByNode.values()]
    .filter((product) => !isKept(product))
    .map((product) => withDefaultPorts(product, fedByProducts.has(product.id)));
  const systems = [...systemByNode.values()].filter((system) => !isKept(system));
  const updated = new Map<string, Domain | DataProduct | OperationalSystem>(domains.renamed);
  for (const node of [...productByNode.values(), ...systemByNode.values()])
    if (isKept(node)) updated.set(node.id, node);
  const withUpdates = <T extends { id: string }>(elements: readonly T[]) =>
    elements.map((element) => (updated.get(element.id) as T | undefined) ?? element);
  const placed = [...systemByNode.values(), ...productByNode.values()];
  const layout = layeredLayout(
    domains.added.map((domain) => ({
      id: domain.id,
      productIds: placed.filter((node) => node.domainId === domain.id).map((node) => node.id),
    })),
    links.map((link) => ({ from: link.from.nodeId, to: link.to.nodeId })),
    nextDomainPosition(into),
  );
  const merged: Mesh = {
    ...into,
    domains: [...withUpdates(into.domains), ...domains.added],
    products: [...withUpdates(into.products), ...products],
    systems: [...withUpdates(into.systems), ...systems],
    links: [...into.links, ...links],
    layout: { nodes: { ...into.layout.nodes, ...layout } },
  };
  const movedOrNew = placed.filter((node) => !(node.id in layout) && existing.get(node.id)?.domainId !== node.domainId);
  const added = {
    domainIds: domains.added.map((domain) => domain.id),
    productIds: products.map((product) => product.id),
    systemIds: systems.map((system) => system.id),
    linkIds: links.map((link) => link.id),
  };
  return { mesh: withPlacedInTheirDomains(merged, movedOrNew), added };
}

/** Places nodes new to a domain that was there before in its first free cells. */
function withPlacedInTheirDomains(mesh: Mesh, nodes: ReadonlyArray<{ id: string; domainId: string }>): Mesh {
  if (nodes.length === 0) return mesh;
  const placing = new Set(nodes.map((node) => node.id));
  const layoutNodes = Object.fromEntries(Object.entries(mesh.layout.nodes).filter(([id]) => !placing.has(id)));
  const unplaced: Mesh = { ...mesh, layout: { nodes: layoutNodes } };
  for (const domainId of new Set(nodes.map((node) => node.domainId))) {
    const inDomain = nodes.filter((node) => node.domainId === domainId);
    const positions = nextChildPositions(
      unplaced,
      domainId,
      inDomain.map(() => DEFAULT_NODE_SIZE),
    );
    inDomain.forEach((node, index) => {
      layoutNodes[node.id] = positions[index] as NodeLayout;
    });
  }
  return { ...mesh, layout: { nodes: layoutNodes } };
}

/**
 * The ports an edge's label names: `Print Jobs → jobs` as the logical view labels a link (see
 * portsLabel), a system's stream only so; else one name for both ports. A side left empty
 * (`→ jobs`, an edge without a label) names nothing: its port is named as an unlabelled edge's.
 */
function portNamesOf({ label, names }: DraftEdge): { output?: string; input?: string; stream?: string } {
  if (names.length !== 2) return label ? { output: label, input: label } : {};
  const [output, input] = names.map((name) => name || undefined);
  return { output, input, stream: output };
}

function firstStream(system: OperationalSystem): Topic {
  return system.messaging.topics[0] as Topic;
}

/**
 * The system's stream of this name, as the logical view labels a system's link (`stream → port`):
 * the first name given renames the new system's change stream, any other adds a topic the
 * service publishes to (mutated: the system is not in any document yet).
 */
function streamNamed(system: OperationalSystem, name: string, renamed: Set<OperationalSystem>): Topic {
  const topics = system.messaging.topics;
  const named = topics.find((topic) => topic.name === name);
  if (named) return named;
  if (!renamed.has(system)) {
    renamed.add(system);
    const stream = firstStream(system);
    stream.name = name;
    return stream;
  }
  const topic = { ...newTopic(topics, system.database, { kind: 'outbox', event: name }), name };
  topics.push(topic);
  return topic;
}

/** The product's output port of this name, added by the first edge naming it: one port may feed several links (an input is fed by one). */
function outputPortNamed(product: DataProduct, name: string): Port {
  return product.outputPorts.find((port) => port.name === name) ?? addPort(product, 'output', name);
}

/** Adds a port to a product being built (mutated: it is not in any document yet). */
function addPort(product: DataProduct, direction: 'input' | 'output', wantedName: string): Port {
  const ports = [...product.inputPorts, ...product.outputPorts, product.discoveryPort];
  const name = firstFreeName(
    wantedName,
    ports.map((port) => port.name),
  );
  const port = newPort(uniqueId(name, new Set(ports.map((existing) => existing.id))), name, direction);
  (direction === 'input' ? product.inputPorts : product.outputPorts).push(port);
  return port;
}

/** A product nothing feeds gets an input port to link a source to later, one feeding nothing an output port. */
function withDefaultPorts(product: DataProduct, isFedByProducts: boolean): DataProduct {
  const isFed = product.inputPorts.length > 0;
  const feeds = product.outputPorts.length > 0;
  if (!isFed) addPort(product, 'input', 'input');
  if (!feeds) addPort(product, 'output', 'dataset');
  return { ...product, kind: productKind(isFedByProducts, feeds) };
}

/**
 * Fed by no product (by nothing drawn, or by operational systems' changes alone): source-aligned;
 * fed by products and feeding others: aggregate; fed by products and feeding nothing: consumer-aligned.
 */
function productKind(isFedByProducts: boolean, feeds: boolean): ProductKind {
  if (!isFedByProducts) return 'source-aligned';
  return feeds ? 'aggregate' : 'consumer-aligned';
}
