import type { Mesh } from '../model';
import { withoutLinksAt } from './links';
import { withSection } from './list-edits';
import { contractIdsOf } from './mesh-index';
import { withoutScenarioReferences } from './scenario-references';

/** Some nodes (domains, products, systems) and links of a mesh, by id: what is selected, copied or deleted. */
export interface ElementIds {
  nodeIds: ReadonlySet<string>;
  linkIds: ReadonlySet<string>;
}

/**
 * The document without the given nodes and links. A domain takes its products and systems
 * with it; every link touching a removed node goes too, as do their layout entries, scenario
 * data about removed systems, and contracts that only removed elements referred to.
 */
export function withoutElements(mesh: Mesh, elements: ElementIds): Mesh {
  const removedDomains = new Set(mesh.domains.filter((domain) => elements.nodeIds.has(domain.id)).map((d) => d.id));
  const isRemoved = (node: { id: string; domainId: string }) =>
    elements.nodeIds.has(node.id) || removedDomains.has(node.domainId);
  const removedNodes = new Set([
    ...removedDomains,
    ...mesh.products.filter(isRemoved).map((product) => product.id),
    ...mesh.systems.filter(isRemoved).map((system) => system.id),
  ]);
  if (removedNodes.size === 0 && elements.linkIds.size === 0) return mesh;
  if (removedNodes.size === 0) {
    // Only links go: every other section stays the same object, so what was computed from it is kept.
    return withSection(
      mesh,
      'links',
      mesh.links.filter((link) => !elements.linkIds.has(link.id)),
    );
  }

  const products = mesh.products.filter((product) => !removedNodes.has(product.id));
  const systems = mesh.systems.filter((system) => !removedNodes.has(system.id));
  const stillReferenced = new Set([...products, ...systems].flatMap(contractIdsOf));
  const orphaned = new Set(
    [...mesh.products, ...mesh.systems]
      .filter((node) => removedNodes.has(node.id))
      .flatMap(contractIdsOf)
      .filter((id) => !stillReferenced.has(id)),
  );
  const remaining: Mesh = {
    ...mesh,
    domains: mesh.domains.filter((domain) => !removedNodes.has(domain.id)),
    products,
    systems,
    contracts: orphaned.size > 0 ? mesh.contracts.filter((contract) => !orphaned.has(contract.id)) : mesh.contracts,
    links: mesh.links.filter((link) => !elements.linkIds.has(link.id)),
    layout: {
      ...mesh.layout,
      nodes: Object.fromEntries(Object.entries(mesh.layout.nodes).filter(([id]) => !removedNodes.has(id))),
    },
  };
  const withoutLinks = withoutLinksAt(remaining, (end) => removedNodes.has(end.nodeId));
  return withoutScenarioReferences(withoutLinks, { systemIds: removedNodes });
}
