import type { Domain } from '../../model';
import { type Flowchart, type FlowEdge, type FlowNode, flowNode, flowSubgraph } from './flowchart';
import { createMermaidIds, type NamesJoinedByArrows } from './mermaid-text';
import { type LinkEnd, linkEndNode, type MeshGraph, type ResolvedLink } from './mesh-graph';

/**
 * The design note's logical view: one subgraph per domain holding its data products and its
 * operational systems (cylinders, as the importer reads databases), and the links between them
 * (the note's "component relations") labelled by the ports they join. For one domain: its
 * products and systems, and those of other domains they exchange data with.
 */
export function logicalView(graph: MeshGraph, domainId?: string): Flowchart {
  const ids = createMermaidIds();
  const nodeIdOf = (end: LinkEnd) =>
    end.kind === 'port' ? ids('product', end.product.id) : ids('system', end.system.id);
  const isShownLink = (resolved: ResolvedLink) =>
    domainId === undefined ||
    linkEndNode(resolved.from).domainId === domainId ||
    resolved.to.product.domainId === domainId;
  const links = graph.links.filter(isShownLink);
  const neighbours = new Set(links.flatMap((resolved) => [linkEndNode(resolved.from).id, resolved.to.product.id]));
  const isShown = (node: { id: string; domainId: string }) =>
    domainId === undefined || node.domainId === domainId || neighbours.has(node.id);
  const nodesIn = (domain: Domain): FlowNode[] => [
    ...graph.mesh.products
      .filter((product) => product.domainId === domain.id && isShown(product))
      .map((product) => flowNode(ids('product', product.id), product.name)),
    ...graph.mesh.systems
      .filter((system) => system.domainId === domain.id && isShown(system))
      .map((system) => flowNode(ids('system', system.id), system.name, 'db')),
  ];
  const items = graph.mesh.domains
    .map((domain) => ({ domain, nodes: nodesIn(domain) }))
    .filter(({ domain, nodes }) => domainId === undefined || domain.id === domainId || nodes.length > 0)
    .map(({ domain, nodes }) => flowSubgraph(ids('domain', domain.id), domain.name, nodes, domain.color));
  const edges = links.map((resolved): FlowEdge => {
    const edge = { from: nodeIdOf(resolved.from), to: nodeIdOf(resolved.to) };
    return hasImportersPortNames(resolved) ? edge : { ...edge, label: portsLabel(resolved) };
  });
  const scope = domainId === undefined ? graph.mesh.name : (graph.domain(domainId)?.name ?? domainId);
  return { title: `Logical view: ${scope}`, direction: 'LR', items, edges };
}

/**
 * Ports named `to B` and `from A`, as an import names the ports of an unlabelled edge: the label
 * would only repeat the boxes' names, and the import names them so again without it.
 */
function hasImportersPortNames({ from, to }: ResolvedLink): boolean {
  return (
    from.kind === 'port' && from.port.name === `to ${to.product.name}` && to.port.name === `from ${from.product.name}`
  );
}

/**
 * `dataset → from product-1a`; a name both ports share is said once. A system's stream is always
 * named, so that an import gives the stream its name back.
 */
function portsLabel(resolved: ResolvedLink): NamesJoinedByArrows {
  const output = resolved.from.kind === 'port' ? resolved.from.port.name : resolved.from.topic.name;
  const input = resolved.to.port.name;
  return { names: output === input && resolved.from.kind === 'port' ? [output] : [output, input] };
}
