import type { MeshGraph } from '../lineage/mesh-graph';
import { type Mesh, productPorts } from '../model';
import { contractPlace, domainPlace, type Place, portPlace, productPlace, systemPlace, topicPlace } from './places';

/** An element the user names, with the scope its name must be unique in. */
export interface NamedElement extends Place {
  name: string;
  /** `product`, `output port`…, for messages. */
  noun: string;
  /** Elements with equal scope keys must have different names. */
  scope: string;
  /** Where the scope is, for messages: `in domain 'Sales'`. */
  scopeLabel: string;
}

/**
 * Every user-given name that exports turn into file names, topic or table names: domains and
 * contracts in the mesh, products and systems in their domain, ports in their product, topics
 * in their system (the scopes of shared/model/name-rules.ts).
 */
export function namedElements(mesh: Mesh, graph: MeshGraph): NamedElement[] {
  const domainName = (id: string) => graph.domains.get(id)?.item.name ?? id;
  return [
    ...mesh.domains.map((domain) => ({
      ...domainPlace(graph, domain),
      name: domain.name,
      noun: 'domain',
      scope: 'domains',
      scopeLabel: 'in the mesh',
    })),
    ...mesh.products.flatMap((product) => [
      {
        ...productPlace(graph, product),
        name: product.name,
        noun: 'data product',
        scope: `products of ${product.domainId}`,
        scopeLabel: `in domain '${domainName(product.domainId)}'`,
      },
      ...productPorts(product).map((port) => ({
        ...portPlace(graph, product, port),
        name: port.name,
        noun: `${port.direction} port`,
        scope: `ports of ${product.id}`,
        scopeLabel: `of '${product.name}'`,
      })),
    ]),
    ...mesh.systems.flatMap((system) => [
      {
        ...systemPlace(graph, system),
        name: system.name,
        noun: 'system',
        scope: `systems of ${system.domainId}`,
        scopeLabel: `in domain '${domainName(system.domainId)}'`,
      },
      ...system.messaging.topics.map((topic, index) => ({
        ...topicPlace(graph, system, index),
        name: topic.name,
        noun: 'topic',
        scope: `topics of ${system.id}`,
        scopeLabel: `of '${system.name}'`,
      })),
    ]),
    ...mesh.contracts.map((contract) => ({
      ...contractPlace(graph, contract),
      name: contract.name,
      noun: 'contract',
      scope: 'contracts',
      scopeLabel: 'in the mesh',
    })),
  ];
}
