import type { DataProduct, Domain } from '../../model';
import { type Flowchart, type FlowEdge, flowNode, flowSubgraph } from './flowchart';
import { createMermaidIds } from './mermaid-text';
import type { MeshGraph, ResolvedLink } from './mesh-graph';

/**
 * The design note's logical view: one subgraph per domain holding its data products, and the
 * product-to-product links (the note's "component relations") labelled by the ports they join.
 * For one domain: its products, and the products of other domains they exchange data with.
 */
export function logicalView(graph: MeshGraph, domainId?: string): Flowchart {
  const ids = createMermaidIds();
  const isShownLink = (resolved: ResolvedLink) =>
    domainId === undefined ||
    (resolved.from.kind === 'port' && resolved.from.product.domainId === domainId) ||
    resolved.to.product.domainId === domainId;
  const links = logicalViewLinks(graph).filter(isShownLink);
  const neighbours = new Set(links.flatMap((resolved) => [resolved.from.product.id, resolved.to.product.id]));
  const isShownProduct = (product: DataProduct) =>
    domainId === undefined || product.domainId === domainId || neighbours.has(product.id);
  const shownDomains = graph.mesh.domains.filter(
    (domain) => domainId === undefined || domain.id === domainId || hasProductIn(graph, domain, isShownProduct),
  );
  const items = shownDomains.map((domain) =>
    flowSubgraph(
      ids('domain', domain.id),
      domain.name,
      graph.mesh.products
        .filter((product) => product.domainId === domain.id && isShownProduct(product))
        .map((product) => flowNode(ids('product', product.id), product.name)),
      domain.color,
    ),
  );
  const edges = links.map(
    (resolved): FlowEdge => ({
      from: ids('product', resolved.from.product.id),
      to: ids('product', resolved.to.product.id),
      label: portsLabel(resolved.from.port.name, resolved.to.port.name),
    }),
  );
  const scope = domainId === undefined ? graph.mesh.name : (graph.domain(domainId)?.name ?? domainId);
  return { title: `Logical view: ${scope}`, direction: 'LR', items, edges };
}

/** The links the logical view draws: from one product's output port into another's input port. */
export function logicalViewLinks(graph: MeshGraph): (ResolvedLink & { from: { kind: 'port' } })[] {
  return graph.links.filter(
    (resolved): resolved is ResolvedLink & { from: { kind: 'port' } } => resolved.from.kind === 'port',
  );
}

function hasProductIn(graph: MeshGraph, domain: Domain, isShown: (product: DataProduct) => boolean): boolean {
  return graph.mesh.products.some((product) => product.domainId === domain.id && isShown(product));
}

/** `dataset → from product-1a`; a name both ports share is said once. */
function portsLabel(output: string, input: string): string {
  return output === input ? output : `${output} → ${input}`;
}
