import { comparableName, type Mesh } from '../model';
import type { DraftNode, FlowchartDraft } from './mermaid-flowchart';

export type ElementKind = 'domain' | 'product' | 'system';
/** What a node becomes: a system where it is drawn as a database. */
export type NodeKind = Exclude<ElementKind, 'domain'>;

/** The existing elements a flowchart draws again, by subgraph and node id. */
export interface FlowchartMatches {
  domainIdBySubgraph: ReadonlyMap<string, string>;
  /** A node's product, or its system where it is drawn as a database. */
  elementIdByNode: ReadonlyMap<string, string>;
}

/** Whether the flowchart draws nothing the mesh already has. */
export function isNothingMatched(matches: FlowchartMatches): boolean {
  return matches.domainIdBySubgraph.size === 0 && matches.elementIdByNode.size === 0;
}

/** The element id the app's own diagrams carry in a node id (`product_orders`), if it has one of this kind. */
export function carriedId(mermaidId: string, kind: ElementKind): string {
  return mermaidId.startsWith(`${kind}_`) ? mermaidId.slice(kind.length + 1) : '';
}

/**
 * Which existing domains, products and systems a flowchart draws: first by the id the app's own
 * export writes into each node id, then by name (a product preferably in its subgraph's domain).
 * Each element is matched once.
 */
export function matchFlowchart(flowchart: FlowchartDraft, mesh: Mesh): FlowchartMatches {
  const domainIdBySubgraph = matchByIdThenName(
    flowchart.subgraphs.map((subgraph) => ({ id: subgraph.id, name: subgraph.label || subgraph.id })),
    mesh.domains,
    'domain',
  );
  const nameOf = nodeNames(flowchart.nodes);
  const nodes = (isDatabase: boolean) =>
    flowchart.nodes
      .filter((node) => Boolean(node.isDatabase) === isDatabase)
      .map((node) => ({
        id: node.id,
        name: nameOf(node),
        domainId: node.subgraphId === undefined ? undefined : domainIdBySubgraph.get(node.subgraphId),
      }));
  const elementIdByNode = new Map([
    ...matchByIdThenName(nodes(false), mesh.products, 'product'),
    ...matchByIdThenName(nodes(true), mesh.systems, 'system'),
  ]);
  return { domainIdBySubgraph, elementIdByNode };
}

interface Drawn {
  id: string;
  name: string;
  domainId?: string | undefined;
}

function matchByIdThenName(
  drawn: readonly Drawn[],
  elements: ReadonlyArray<{ id: string; name: string; domainId?: string }>,
  kind: ElementKind,
): Map<string, string> {
  const matches = new Map<string, string>();
  const taken = new Set<string>();
  const isFree = (id: string) => !taken.has(id);
  const match = (drawnId: string, elementId: string) => {
    matches.set(drawnId, elementId);
    taken.add(elementId);
  };
  const ids = new Set(elements.map((element) => element.id));
  for (const { id } of drawn) {
    const carried = carriedId(id, kind);
    if (ids.has(carried) && isFree(carried)) match(id, carried);
  }
  for (const { id, name, domainId } of drawn) {
    if (matches.has(id)) continue;
    const named = elements.filter(
      (element) => isFree(element.id) && comparableName(element.name) === comparableName(name),
    );
    const element = named.find((candidate) => candidate.domainId === domainId) ?? named[0];
    if (element) match(id, element.id);
  }
  return matches;
}

/**
 * Names products and systems by their node's label; where several nodes of one kind in one subgraph
 * share it (`data product`), with the node's id. A product and a system may share a name, as in the design.
 */
export function nodeNames(nodes: readonly DraftNode[]): (node: DraftNode) => string {
  const keyOf = (node: DraftNode) =>
    `${node.isDatabase ? 'system' : 'product'}\u0000${node.subgraphId ?? ''}\u0000${comparableName(node.label)}`;
  const counts = new Map<string, number>();
  for (const node of nodes) counts.set(keyOf(node), (counts.get(keyOf(node)) ?? 0) + 1);
  return (node) => ((counts.get(keyOf(node)) ?? 0) > 1 ? `${node.label} ${node.id}` : node.label);
}
