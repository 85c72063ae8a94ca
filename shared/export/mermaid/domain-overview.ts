import { domainCounts, flowsBetweenDomains } from '../../editing/domain-overview';
import { type Flowchart, type FlowEdge, flowNode } from './flowchart';
import { createMermaidIds } from './mermaid-text';
import { linkEndNode, type MeshGraph } from './mesh-graph';

/**
 * The mesh as the canvas shows it far out: each domain one node with its counts, and the links
 * from one domain into another one edge, labelled with how many links it stands for.
 */
export function domainOverview(graph: MeshGraph, title: string, notes: string[]): Flowchart {
  const ids = createMermaidIds();
  const counts = domainCounts(graph.mesh);
  const items = graph.mesh.domains.map((domain) => {
    const { products, systems, ports } = counts.get(domain.id) ?? { products: 0, systems: 0, ports: 0 };
    const summary = [counted(products, 'product'), counted(systems, 'system'), counted(ports, 'port')].join(', ');
    return flowNode(ids('domain', domain.id), `${domain.name} · ${summary}`);
  });
  const linkDomains = graph.links.map((resolved) => ({
    from: linkEndNode(resolved.from).domainId,
    to: linkEndNode(resolved.to).domainId,
  }));
  const edges = flowsBetweenDomains(linkDomains).map(
    (flow): FlowEdge => ({
      from: ids('domain', flow.from),
      to: ids('domain', flow.to),
      label: counted(flow.links, 'link'),
    }),
  );
  return { title, direction: 'LR', items, edges, notes };
}

function counted(count: number, noun: string): string {
  return `${count} ${count === 1 ? noun : `${noun}s`}`;
}
