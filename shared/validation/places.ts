import type { MeshGraph } from '../lineage/mesh-graph';
import {
  type Contract,
  type DataProduct,
  type Domain,
  formatPath,
  type Link,
  type OperationalSystem,
  type Port,
} from '../model';
import type { RuleFinding } from './finding';

/** Where a finding is: the element, and its path in the document (as formatPath writes it; built directly, as rules make many). */
export type Place = Pick<RuleFinding, 'element' | 'path'>;

const indexOf = (graph: MeshGraph, section: 'domains' | 'products' | 'systems' | 'contracts' | 'links', id: string) =>
  graph[section].get(id)?.index ?? -1;

export function domainPlace(graph: MeshGraph, domain: Domain): Place {
  return {
    element: { kind: 'domain', domainId: domain.id },
    path: `domains[${indexOf(graph, 'domains', domain.id)}]`,
  };
}

export function productPlace(graph: MeshGraph, product: DataProduct): Place {
  return {
    element: { kind: 'product', productId: product.id },
    path: `products[${indexOf(graph, 'products', product.id)}]`,
  };
}

export function systemPlace(graph: MeshGraph, system: OperationalSystem): Place {
  return {
    element: { kind: 'system', systemId: system.id },
    path: `systems[${indexOf(graph, 'systems', system.id)}]`,
  };
}

export function portPlace(graph: MeshGraph, product: DataProduct, port: Port): Place {
  const list =
    port.direction === 'input' ? 'inputPorts' : port.direction === 'output' ? 'outputPorts' : 'discoveryPort';
  const at = list === 'discoveryPort' ? '' : `[${product[list].indexOf(port)}]`;
  return {
    element: { kind: 'port', productId: product.id, portId: port.id },
    path: `products[${indexOf(graph, 'products', product.id)}].${list}${at}`,
  };
}

export function transformationPlace(graph: MeshGraph, product: DataProduct, index: number): Place {
  return {
    element: { kind: 'transformation', productId: product.id, name: product.transformations[index]?.name ?? '' },
    path: `products[${indexOf(graph, 'products', product.id)}].transformations[${index}]`,
  };
}

export function topicPlace(graph: MeshGraph, system: OperationalSystem, topicIndex: number): Place {
  const topic = system.messaging.topics[topicIndex];
  return {
    element: { kind: 'topic', systemId: system.id, topicId: topic?.id ?? '' },
    path: `systems[${indexOf(graph, 'systems', system.id)}].messaging.topics[${topicIndex}]`,
  };
}

export function linkPlace(graph: MeshGraph, link: Link): Place {
  return { element: { kind: 'link', linkId: link.id }, path: `links[${indexOf(graph, 'links', link.id)}]` };
}

export function contractPlace(graph: MeshGraph, contract: Contract, ...within: Array<string | number>): Place {
  return {
    element: { kind: 'contract', contractId: contract.id },
    path: formatPath(['contracts', indexOf(graph, 'contracts', contract.id), ...within]),
  };
}

export function fieldPlace(graph: MeshGraph, contract: Contract, objectIndex: number, propertyIndex: number): Place {
  const object = contract.schema[objectIndex];
  return {
    element: {
      kind: 'field',
      contractId: contract.id,
      object: object?.name ?? '',
      field: object?.properties[propertyIndex]?.name ?? '',
    },
    path: `contracts[${indexOf(graph, 'contracts', contract.id)}].schema[${objectIndex}].properties[${propertyIndex}]`,
  };
}

export function policyPlace(ruleId: string): Place {
  return { element: { kind: 'policy', ruleId }, path: formatPath(['policies', 'rules', ruleId]) };
}

/** The design's ranking of classification words. */
export const CLASSIFICATION_LEVELS_PLACE: Place = {
  element: { kind: 'mesh' },
  path: formatPath(['policies', 'classificationLevels']),
};
