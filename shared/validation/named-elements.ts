import { Memo } from '../lineage/memo';
import type { MeshGraph } from '../lineage/mesh-graph';
import {
  type Contract,
  comparableName,
  type DataProduct,
  type Domain,
  type Mesh,
  type OperationalSystem,
  productPorts,
  quoted,
} from '../model';
import { contractPlace, domainPlace, type Place, portPlace, productPlace, systemPlace, topicPlace } from './places';

/** An element the user names, with the scope its name must be unique in. */
export interface NamedElement {
  name: string;
  /** The name as clashes are judged (see comparableName). */
  key: string;
  /** `data product`, `output port`…, for messages. */
  noun: string;
  /** Elements with equal scopes must have different names: the kind of sibling and the id of their parent. */
  scope: string;
  /** Where it is; computed only for the few elements a rule reports. */
  place(graph: MeshGraph): Place;
  /** Where the scope is, for messages: `in domain 'Sales'`. */
  scopeLabel(graph: MeshGraph): string;
  /** Why names that differ only in case clash, where the element's own world tells them apart. */
  whyCaseIsIgnored?: string;
}

/** An element whose name (and its children's) becomes a file, topic or table name. */
export type NameOwner = Domain | DataProduct | OperationalSystem | Contract;

/** The sections of named elements, in the order the name rules report them. */
export const NAMED_SECTIONS = ['domains', 'products', 'systems', 'contracts'] as const;
export type NamedSection = (typeof NAMED_SECTIONS)[number];

const domainName = (graph: MeshGraph, id: string) => graph.domains.get(id)?.item.name ?? id;

/**
 * The user-given names of one element that exports turn into file names, topic or table
 * names: its own first, then its ports' (a product) or its topics' (a system). Domains and
 * contracts are named in the mesh, products and systems in their domain, ports in their
 * product, topics in their system (the scopes of shared/model/name-rules.ts). Remembered per
 * element.
 */
export function namesOf(section: NamedSection, owner: NameOwner): NamedElement[] {
  return names.get(owner, [], () => NAMERS[section](owner as never));
}

const names = new Memo<NameOwner, NamedElement[]>();

const NAMERS: { [S in NamedSection]: (owner: Mesh[S][number]) => NamedElement[] } = {
  domains: (domain) => [
    {
      name: domain.name,
      key: comparableName(domain.name),
      noun: 'domain',
      scope: 'domains',
      place: (graph) => domainPlace(graph, domain),
      scopeLabel: () => 'in the mesh',
    },
  ],
  products: (product) => [
    {
      name: product.name,
      key: comparableName(product.name),
      noun: 'data product',
      scope: `products\u0000${product.domainId}`,
      place: (graph) => productPlace(graph, product),
      scopeLabel: (graph) => `in domain ${quoted(domainName(graph, product.domainId))}`,
    },
    ...productPorts(product).map((port) => ({
      name: port.name,
      key: comparableName(port.name),
      noun: `${port.direction} port`,
      scope: `ports\u0000${product.id}`,
      place: (graph: MeshGraph) => portPlace(graph, product, port),
      scopeLabel: () => `of ${quoted(product.name)}`,
    })),
  ],
  systems: (system) => [
    {
      name: system.name,
      key: comparableName(system.name),
      noun: 'system',
      scope: `systems\u0000${system.domainId}`,
      place: (graph) => systemPlace(graph, system),
      scopeLabel: (graph) => `in domain ${quoted(domainName(graph, system.domainId))}`,
    },
    ...system.messaging.topics.map((topic, index) => ({
      name: topic.name,
      key: comparableName(topic.name),
      noun: 'topic',
      scope: `topics\u0000${system.id}`,
      place: (graph: MeshGraph) => topicPlace(graph, system, index),
      scopeLabel: () => `of ${quoted(system.name)}`,
      whyCaseIsIgnored:
        "Kafka tells the two apart, but each broker keeps a topic's partitions in folders named after it, which are one folder on a file system that ignores case (Windows, macOS).",
    })),
  ],
  contracts: (contract) => [
    {
      name: contract.name,
      key: comparableName(contract.name),
      noun: 'contract',
      scope: 'contracts',
      place: (graph) => contractPlace(graph, contract),
      scopeLabel: () => 'in the mesh',
    },
  ],
};
