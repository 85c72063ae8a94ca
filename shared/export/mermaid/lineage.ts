import type { DataProduct, OperationalSystem, Port, Topic } from '../../model';
import { contractLabel } from './diagram-labels';
import { type Flowchart, type FlowEdge, type FlowItem, flowNode, flowSubgraph } from './flowchart';
import { createMermaidIds } from './mermaid-text';
import type { LinkEnd, MeshGraph } from './mesh-graph';

const FOCUS_CLASS = 'focus';

/** A port of a product or a topic of a system: the nodes of the lineage, known by identity. */
type LineagePort = Port | Topic;

const portOf = (end: LinkEnd): LineagePort => (end.kind === 'port' ? end.port : end.topic);

/**
 * The port-level lineage: every link from an output port or topic to an input port, and (dotted)
 * the flow inside each product from its inputs to its outputs. Focused on one product, only the
 * ports its data comes from (upstream, drawn to the left) and goes to (downstream, to the right).
 */
export function lineage(graph: MeshGraph, focus?: DataProduct): Flowchart {
  const ids = createMermaidIds();
  const nodeIdOf = (ownerId: string, port: LineagePort) => ids('port', `${ownerId}/${port.id}`);
  const shown = focus ? focusedPorts(graph, focus) : undefined;
  const isShown = (port: LineagePort) => shown === undefined || shown.has(port);

  const items: FlowItem[] = [];
  for (const system of graph.mesh.systems) {
    const topics = system.messaging.topics.filter(isShown);
    if (topics.length === 0) continue;
    const nodes = topics.map((topic) => flowNode(nodeIdOf(system.id, topic), topic.name, 'h-cyl'));
    items.push(
      flowSubgraph(ids('system', system.id), systemLabel(system), nodes, graph.domain(system.domainId)?.color),
    );
  }
  const edges: FlowEdge[] = [];
  for (const product of graph.mesh.products) {
    const inputs = product.inputPorts.filter(isShown);
    const outputs = product.outputPorts.filter(isShown);
    if (inputs.length + outputs.length === 0) continue;
    const className = product === focus ? FOCUS_CLASS : undefined;
    const node = (port: Port, label: string) => flowNode(nodeIdOf(product.id, port), label, 'in-out', className);
    const nodes = [
      ...inputs.map((port) => node(port, port.name)),
      ...outputs.map((port) => node(port, `${port.name} · ${contractLabel(graph.contract(port.contractId))}`)),
    ];
    items.push(flowSubgraph(ids('product', product.id), product.name, nodes, graph.domain(product.domainId)?.color));
    for (const input of inputs) {
      for (const output of outputs) {
        edges.push({ from: nodeIdOf(product.id, input), to: nodeIdOf(product.id, output), line: 'dotted' });
      }
    }
  }
  for (const { from, to } of graph.links) {
    if (!isShown(portOf(from)) || !isShown(to.port)) continue;
    const fromOwner = from.kind === 'port' ? from.product.id : from.system.id;
    edges.push({ from: nodeIdOf(fromOwner, portOf(from)), to: nodeIdOf(to.product.id, to.port) });
  }
  return {
    title: focus ? `Lineage of ${focus.name}` : `Lineage: ${graph.mesh.name}`,
    direction: 'LR',
    items,
    edges,
    ...(focus && { classes: { [FOCUS_CLASS]: 'stroke-width:3px' } }),
  };
}

/**
 * The focused product's ports, every port its data can come from (walking links backwards, and
 * inside a product from its outputs to all its inputs) and every port its data can reach (forwards).
 */
function focusedPorts(graph: MeshGraph, focus: DataProduct): Set<LineagePort> {
  const ownerOf = new Map<LineagePort, DataProduct>();
  for (const product of graph.mesh.products) {
    for (const port of [...product.inputPorts, ...product.outputPorts]) ownerOf.set(port, product);
  }
  const upstreamOf = (port: LineagePort): LineagePort[] => {
    const owner = ownerOf.get(port);
    if (!owner) return [];
    if (owner.outputPorts.includes(port as Port)) return owner.inputPorts;
    return graph
      .linksInto(owner.id)
      .filter((link) => link.to.port === port)
      .map((link) => portOf(link.from));
  };
  const downstreamOf = (port: LineagePort): LineagePort[] => {
    const owner = ownerOf.get(port);
    if (!owner) return [];
    if (owner.inputPorts.includes(port as Port)) return owner.outputPorts;
    return graph
      .linksFrom(owner.id)
      .filter((link) => portOf(link.from) === port)
      .map((link) => link.to.port);
  };
  return new Set([...reachable(focus.inputPorts, upstreamOf), ...reachable(focus.outputPorts, downstreamOf)]);
}

/** `starts` and everything reached from them by repeatedly following `next`. */
function reachable<T>(starts: readonly T[], next: (item: T) => readonly T[]): Set<T> {
  const reached = new Set(starts);
  const queue = [...starts];
  for (let item = queue.pop(); item !== undefined; item = queue.pop()) {
    for (const following of next(item)) {
      if (reached.has(following)) continue;
      reached.add(following);
      queue.push(following);
    }
  }
  return reached;
}

function systemLabel(system: OperationalSystem): string {
  return `${system.name} (operational system)`;
}
