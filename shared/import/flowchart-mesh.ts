import { DEFAULT_NODE_SIZE, nextChildPositions, nextDomainPosition } from '../editing/node-placement';
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
import { carriedId, type ElementKind, type FlowchartMatches, productNames } from './flowchart-matches';
import { layeredLayout } from './layered-layout';
import type { DraftNode, FlowchartDraft, ImportNote } from './mermaid-flowchart';

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
 * their products laid out by data flow. Names never clash with what the mesh already has.
 *
 * With `matches`, what the mesh already has is updated instead of added again: its name, its domain
 * (a node in a subgraph), and a link for each edge between two elements not linked yet. Nothing the
 * flowchart lacks is removed.
 */
export function addFlowchartToMesh(flowchart: FlowchartDraft, into: Mesh, matches?: FlowchartMatches): FlowchartMesh {
  const warnings: ImportNote[] = [];
  const takenIds = new Set([...into.domains, ...into.products, ...into.systems].map((node) => node.id));
  // The app's own diagrams carry each element's id in its node id (`product_orders`): kept when free.
  const claimId = (name: string, kind: ElementKind, mermaidId = '') => {
    const carried = carriedId(mermaidId, kind);
    const id = isValidId(carried) && !takenIds.has(carried) ? carried : uniqueId(name, takenIds, kind);
    takenIds.add(id);
    return id;
  };

  const domains: Domain[] = [];
  const renamedDomains = new Map<string, Domain>();
  const domainIdBySubgraph = new Map<string | undefined, string>();
  const addDomain = (name: string, subgraphId: string | undefined, color?: string) => {
    const uniqueName = firstFreeName(
      name,
      [...into.domains, ...domains].map((domain) => domain.name),
    );
    const domain: Domain = {
      id: claimId(uniqueName, 'domain', subgraphId),
      name: uniqueName,
      description: '',
      owner: '',
      color: color ?? domainColorAt(into.domains.length + domains.length),
    };
    domains.push(domain);
    domainIdBySubgraph.set(subgraphId, domain.id);
  };
  for (const subgraph of flowchart.subgraphs) {
    const name = subgraph.label || subgraph.id;
    const matched = into.domains.find((domain) => domain.id === matches?.domainIdBySubgraph.get(subgraph.id));
    if (!matched) addDomain(name, subgraph.id, subgraph.color);
    else {
      domainIdBySubgraph.set(subgraph.id, matched.id);
      const others = into.domains.filter((domain) => domain !== matched).map((domain) => domain.name);
      renamedDomains.set(matched.id, { ...matched, name: firstFreeName(name, others) });
    }
  }
  const isNew = (node: DraftNode) => !matches?.elementIdByNode.has(node.id);
  if (flowchart.nodes.some((node) => node.subgraphId === undefined && isNew(node))) {
    addDomain(LOOSE_NODES_DOMAIN, undefined);
  }

  const existingProducts = new Map(into.products.map((product) => [product.id, product]));
  const existingSystems = new Map(into.systems.map((system) => [system.id, system]));
  const productByNode = new Map<string, DataProduct>();
  const systemByNode = new Map<string, OperationalSystem>();
  const renamedStreams = new Set<OperationalSystem>();
  const nameOf = productNames(flowchart.nodes);
  const siblingNames = new Map<string, Set<string>>();
  // Names of what a matched domain keeps beside the flowchart's nodes are taken too.
  const drawnIds = new Set(matches?.elementIdByNode.values());
  for (const sibling of [...into.products, ...into.systems]) {
    if (drawnIds.has(sibling.id) || !renamedDomains.has(sibling.domainId)) continue;
    const taken = siblingNames.get(sibling.domainId) ?? new Set<string>();
    siblingNames.set(sibling.domainId, taken.add(comparableName(sibling.name)));
  }
  for (const node of flowchart.nodes) {
    const matchedId = matches?.elementIdByNode.get(node.id) ?? '';
    const matchedProduct = existingProducts.get(matchedId);
    const matchedSystem = existingSystems.get(matchedId);
    const domainId = domainIdBySubgraph.get(node.subgraphId) ?? (matchedProduct ?? matchedSystem)?.domainId ?? '';
    const taken = siblingNames.get(domainId) ?? new Set<string>();
    siblingNames.set(domainId, taken);
    const wanted = nameOf(node);
    // Names rarely clash: only then is the domain's list searched for a free one.
    const name = taken.has(comparableName(wanted)) ? firstFreeName(wanted, taken) : wanted;
    taken.add(comparableName(name));
    if (matchedSystem) {
      // Copied, as links may add topics to it; its change stream keeps its name.
      const topics = [...matchedSystem.messaging.topics];
      const system = { ...matchedSystem, name, domainId, messaging: { ...matchedSystem.messaging, topics } };
      renamedStreams.add(system);
      systemByNode.set(node.id, system);
    } else if (matchedProduct) {
      const { inputPorts, outputPorts } = matchedProduct;
      const product = { ...matchedProduct, name, domainId, inputPorts: [...inputPorts], outputPorts: [...outputPorts] };
      productByNode.set(node.id, product);
    } else if (node.isDatabase) {
      systemByNode.set(node.id, newSystem(claimId(name, 'system', node.id), domainId, name));
    } else {
      const discoveryPort = newPort(DISCOVERY_PORT_ID, 'discovery', 'discovery');
      productByNode.set(
        node.id,
        newDataProduct({ id: claimId(name, 'product', node.id), domainId, name, discoveryPort }),
      );
    }
  }

  const links: Link[] = [];
  const takenLinkIds = new Set(into.links.map((link) => link.id));
  const linkBetween = (from: Link['from'], to: Link['to']): Link => {
    const id = uniqueId(`${from.nodeId}-to-${to.nodeId}`, takenLinkIds);
    takenLinkIds.add(id);
    return { id, from, to };
  };
  const isLinked = (from: string | undefined, to: string) =>
    into.links.some((link) => link.from.nodeId === from && link.to.nodeId === to);
  for (const edge of flowchart.edges) {
    const target = productByNode.get(edge.to);
    if (!target) {
      warnings.push({
        line: edge.line,
        message: `'${edge.from}' links to '${edge.to}', drawn as a database (an operational system): nothing feeds a system, so the link is not imported.`,
      });
      continue;
    }
    const system = systemByNode.get(edge.from);
    if (isLinked((system ?? productByNode.get(edge.from))?.id, target.id)) continue;
    if (system) {
      const names = portNamesOf(edge.label);
      const input = addPort(target, 'input', names?.input ?? `from ${system.name}`);
      const stream = names?.isOutputNamed ? streamNamed(system, names.output, renamedStreams) : firstStream(system);
      links.push(linkBetween({ nodeId: system.id, portId: stream.id }, { nodeId: target.id, portId: input.id }));
      continue;
    }
    const source = productByNode.get(edge.from) as DataProduct;
    if (source === target) {
      warnings.push({
        line: edge.line,
        message: `'${edge.from}' links to itself: a product cannot feed its own input.`,
      });
      continue;
    }
    const names = portNamesOf(edge.label);
    const output = outputPortNamed(source, names?.output ?? `to ${target.name}`);
    const input = addPort(target, 'input', names?.input ?? `from ${source.name}`);
    links.push(linkBetween({ nodeId: source.id, portId: output.id }, { nodeId: target.id, portId: input.id }));
  }

  const isKept = (node: { id: string }) => existingProducts.has(node.id) || existingSystems.has(node.id);
  const products = [...productByNode.values()].filter((product) => !isKept(product)).map(withDefaultPorts);
  const systems = [...systemByNode.values()].filter((system) => !isKept(system));
  const updated = new Map<string, Domain | DataProduct | OperationalSystem>(renamedDomains);
  for (const node of [...productByNode.values(), ...systemByNode.values()])
    if (isKept(node)) updated.set(node.id, node);
  const withUpdates = <T extends { id: string }>(elements: readonly T[]) =>
    elements.map((element) => (updated.get(element.id) as T | undefined) ?? element);
  const placed = [...systemByNode.values(), ...productByNode.values()];
  const layout = layeredLayout(
    domains.map((domain) => ({
      id: domain.id,
      productIds: placed.filter((node) => node.domainId === domain.id).map((node) => node.id),
    })),
    links.map((link) => ({ from: link.from.nodeId, to: link.to.nodeId })),
    nextDomainPosition(into),
  );
  const merged: Mesh = {
    ...into,
    domains: [...withUpdates(into.domains), ...domains],
    products: [...withUpdates(into.products), ...products],
    systems: [...withUpdates(into.systems), ...systems],
    links: [...into.links, ...links],
    layout: { nodes: { ...into.layout.nodes, ...layout } },
  };
  const movedOrNew = placed.filter(
    (node) =>
      !(node.id in layout) &&
      (existingProducts.get(node.id) ?? existingSystems.get(node.id))?.domainId !== node.domainId,
  );
  const mesh = withPlacedInTheirDomains(merged, movedOrNew);
  const added = {
    domainIds: domains.map((domain) => domain.id),
    productIds: products.map((product) => product.id),
    systemIds: systems.map((system) => system.id),
    linkIds: links.map((link) => link.id),
  };
  return { mesh, added, warnings };
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
 * portsLabel), else one name for both. Nothing for an edge without a label.
 */
function portNamesOf(label: string): { output: string; input: string; isOutputNamed: boolean } | undefined {
  if (!label) return undefined;
  const parts = label.split(' → ');
  return parts.length === 2 && parts.every((part) => part.trim() !== '')
    ? { output: (parts[0] as string).trim(), input: (parts[1] as string).trim(), isOutputNamed: true }
    : { output: label, input: label, isOutputNamed: false };
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
function withDefaultPorts(product: DataProduct): DataProduct {
  const isFed = product.inputPorts.length > 0;
  const feeds = product.outputPorts.length > 0;
  if (!isFed) addPort(product, 'input', 'input');
  if (!feeds) addPort(product, 'output', 'dataset');
  return { ...product, kind: productKind(isFed, feeds) };
}

/** Fed by nothing drawn: source-aligned; fed and feeding: aggregate; fed and feeding nothing: consumer-aligned. */
function productKind(isFed: boolean, feeds: boolean): ProductKind {
  if (!isFed) return 'source-aligned';
  return feeds ? 'aggregate' : 'consumer-aligned';
}
