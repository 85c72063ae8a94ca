import { meshGraph as lineageGraph } from '../../lineage/mesh-graph';
import { type PortFlow, portFlows } from '../../lineage/port-flows';
import { productLineage } from '../../lineage/product-lineage';
import type { DataProduct, Domain, OperationalSystem, Port, Topic } from '../../model';
import { contractLabel } from './diagram-labels';
import { type Flowchart, type FlowEdge, type FlowItem, flowNode, flowSubgraph } from './flowchart';
import { createShortMermaidIds } from './mermaid-text';
import type { LinkEnd, MeshGraph } from './mesh-graph';

const FOCUS_CLASS = 'focus';
/** The label of a flow inside a product that its lineage cannot tell is there. */
const UNKNOWN_FLOW = '?';

/** A port of a product or a topic of a system: the nodes of the lineage. */
type LineagePort = Port | Topic;

/** A lineage node with its owner: ports are told apart by owner and id, not by object identity. */
interface PortRef {
  owner: DataProduct | OperationalSystem;
  port: LineagePort;
}

const portOf = (end: LinkEnd): LineagePort => (end.kind === 'port' ? end.port : end.topic);
const refOf = (end: LinkEnd): PortRef =>
  end.kind === 'port' ? { owner: end.product, port: end.port } : { owner: end.system, port: end.topic };

/** What a lineage is drawn of, when not the whole mesh. */
export type LineageFocus = { kind: 'product'; product: DataProduct } | { kind: 'domain'; domain: Domain };

/** The flows inside a product from its inputs to its outputs, as its lineage tells them. */
const flowsInside = (graph: MeshGraph, product: DataProduct): PortFlow[] =>
  portFlows(productLineage(lineageGraph(graph.mesh), product));

/**
 * The port-level lineage: every link from an output port or topic to an input port, and (dotted)
 * the flow inside each product from each input to the outputs it feeds (from every input, marked
 * `?`, to an output whose sources the lineage cannot tell). Focused on one product, only the
 * ports its data comes from (upstream, drawn to the left) and goes to (downstream, to the right);
 * on one domain, the ports of its products and systems and the ports of other domains linked to them.
 */
export function lineage(graph: MeshGraph, focusOn?: LineageFocus): Flowchart {
  const ids = createShortMermaidIds();
  const nodeIdOf = (ownerId: string, port: LineagePort) => ids('p', `${ownerId}/${port.id}`);
  const keyOf = (ref: PortRef) => nodeIdOf(ref.owner.id, ref.port);
  const focus = focusOn?.kind === 'product' ? focusOn.product : undefined;
  const shown =
    focusOn?.kind === 'product'
      ? focusedPorts(graph, focusOn.product, keyOf)
      : focusOn && domainPorts(graph, focusOn.domain, keyOf);
  const showsPortOf = (owner: { id: string }) => (port: LineagePort) =>
    shown === undefined || shown.has(nodeIdOf(owner.id, port));

  const items: FlowItem[] = [];
  for (const system of graph.mesh.systems) {
    const topics = system.messaging.topics.filter(showsPortOf(system));
    if (topics.length === 0) continue;
    const nodes = topics.map((topic) => flowNode(nodeIdOf(system.id, topic), topic.name, 'h-cyl'));
    items.push(flowSubgraph(ids('s', system.id), systemLabel(system), nodes, graph.domain(system.domainId)?.color));
  }
  const edges: FlowEdge[] = [];
  for (const product of graph.mesh.products) {
    const inputs = product.inputPorts.filter(showsPortOf(product));
    const outputs = product.outputPorts.filter(showsPortOf(product));
    if (inputs.length + outputs.length === 0) continue;
    const className = product === focus ? FOCUS_CLASS : undefined;
    const node = (port: Port, label: string) => flowNode(nodeIdOf(product.id, port), label, 'in-out', className);
    const nodes = [
      ...inputs.map((port) => node(port, port.name)),
      ...outputs.map((port) => node(port, `${port.name} · ${contractLabel(graph.contract(port.contractId))}`)),
    ];
    items.push(flowSubgraph(ids('d', product.id), product.name, nodes, graph.domain(product.domainId)?.color));
    const drawn = new Set([...inputs, ...outputs].map((port) => port.id));
    for (const { inputId, outputId, isKnown } of flowsInside(graph, product)) {
      if (!drawn.has(inputId) || !drawn.has(outputId)) continue;
      edges.push({
        from: ids('p', `${product.id}/${inputId}`),
        to: ids('p', `${product.id}/${outputId}`),
        line: 'dotted',
        ...(!isKnown && { label: UNKNOWN_FLOW }),
      });
    }
  }
  for (const { from, to } of graph.links) {
    const source = refOf(from);
    if (!showsPortOf(source.owner)(source.port) || !showsPortOf(to.product)(to.port)) continue;
    edges.push({ from: nodeIdOf(source.owner.id, source.port), to: nodeIdOf(to.product.id, to.port) });
  }
  return {
    title: lineageTitle(graph, focusOn),
    direction: 'LR',
    items,
    edges,
    ...(focus && { classes: { [FOCUS_CLASS]: 'stroke-width:3px' } }),
  };
}

function lineageTitle(graph: MeshGraph, focusOn: LineageFocus | undefined): string {
  if (focusOn?.kind === 'product') return `Lineage of ${focusOn.product.name}`;
  return `Lineage: ${focusOn?.kind === 'domain' ? focusOn.domain.name : graph.mesh.name}`;
}

/**
 * The focused product's ports, every port its data can come from (walking links backwards, and
 * inside a product from each output to the inputs that feed it) and every port its data can reach (forwards),
 * as the keys `keyOf` gives them.
 */
function focusedPorts(graph: MeshGraph, focus: DataProduct, keyOf: (ref: PortRef) => string): Set<string> {
  const isOutput = (ref: PortRef) =>
    'outputPorts' in ref.owner && ref.owner.outputPorts.some((port) => port.id === ref.port.id);
  const productRefs = (owner: DataProduct, ports: readonly Port[]) => ports.map((port) => ({ owner, port }));
  /** The ports at the other end of the flows inside `owner` that `isEnd` picks. */
  const flowEnds = (owner: DataProduct, isEnd: (flow: PortFlow) => boolean, end: 'inputId' | 'outputId') => {
    const ends = new Set(
      flowsInside(graph, owner)
        .filter(isEnd)
        .map((flow) => flow[end]),
    );
    const ports = end === 'inputId' ? owner.inputPorts : owner.outputPorts;
    return productRefs(
      owner,
      ports.filter((port) => ends.has(port.id)),
    );
  };
  const upstreamOf = (ref: PortRef): PortRef[] => {
    if (!('outputPorts' in ref.owner)) return [];
    if (isOutput(ref)) return flowEnds(ref.owner, (flow) => flow.outputId === ref.port.id, 'inputId');
    return graph
      .linksInto(ref.owner.id)
      .filter((link) => link.to.port.id === ref.port.id)
      .map((link) => refOf(link.from));
  };
  const downstreamOf = (ref: PortRef): PortRef[] => {
    if ('outputPorts' in ref.owner && !isOutput(ref)) {
      return flowEnds(ref.owner, (flow) => flow.inputId === ref.port.id, 'outputId');
    }
    return graph
      .linksFrom(ref.owner.id)
      .filter((link) => portOf(link.from).id === ref.port.id)
      .map((link) => ({ owner: link.to.product, port: link.to.port }));
  };
  return new Set([
    ...reachable(productRefs(focus, focus.inputPorts), upstreamOf, keyOf),
    ...reachable(productRefs(focus, focus.outputPorts), downstreamOf, keyOf),
  ]);
}

/** The ports of the domain's products and systems, and the ports at the other end of their links, as the keys `keyOf` gives them. */
function domainPorts(graph: MeshGraph, domain: Domain, keyOf: (ref: PortRef) => string): Set<string> {
  const inDomain = (owner: { domainId: string }) => owner.domainId === domain.id;
  const shown = new Set<string>();
  for (const product of graph.mesh.products.filter(inDomain)) {
    for (const port of [...product.inputPorts, ...product.outputPorts]) shown.add(keyOf({ owner: product, port }));
  }
  for (const system of graph.mesh.systems.filter(inDomain)) {
    for (const topic of system.messaging.topics) shown.add(keyOf({ owner: system, port: topic }));
  }
  for (const { from, to } of graph.links) {
    const source = refOf(from);
    if (!inDomain(source.owner) && !inDomain(to.product)) continue;
    shown.add(keyOf(source));
    shown.add(keyOf({ owner: to.product, port: to.port }));
  }
  return shown;
}

/** The keys of `starts` and of everything reached from them by repeatedly following `next`. */
function reachable<T>(starts: readonly T[], next: (item: T) => readonly T[], keyOf: (item: T) => string): Set<string> {
  const reached = new Set(starts.map(keyOf));
  const queue = [...starts];
  for (let item = queue.pop(); item !== undefined; item = queue.pop()) {
    for (const following of next(item)) {
      const key = keyOf(following);
      if (reached.has(key)) continue;
      reached.add(key);
      queue.push(following);
    }
  }
  return reached;
}

function systemLabel(system: OperationalSystem): string {
  return `${system.name} (operational system)`;
}
