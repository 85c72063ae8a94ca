import type { ElementRef } from './element-ref';
import type { Mesh } from './mesh';
import { pathSegments } from './problem';

/**
 * The element a document path (as formatPath writes it) is in: the deepest one the app can
 * select or open, the design itself when the path names none or goes past what the design holds.
 */
export function elementAtPath(mesh: Mesh, path: string): ElementRef {
  const [section, index, ...rest] = pathSegments(path);
  const at = <T>(items: readonly T[]) => (typeof index === 'number' ? items[index] : undefined);
  switch (section) {
    case 'domains': {
      const domain = at(mesh.domains);
      return domain ? { kind: 'domain', domainId: domain.id } : MESH;
    }
    case 'products': {
      const product = at(mesh.products);
      if (!product) return MESH;
      const [list, portIndex] = rest;
      const port =
        list === 'discoveryPort'
          ? product.discoveryPort
          : (list === 'inputPorts' || list === 'outputPorts') && typeof portIndex === 'number'
            ? product[list][portIndex]
            : undefined;
      return port
        ? { kind: 'port', productId: product.id, portId: port.id }
        : { kind: 'product', productId: product.id };
    }
    case 'systems': {
      const system = at(mesh.systems);
      if (!system) return MESH;
      const [messaging, topics, topicIndex] = rest;
      const topic =
        messaging === 'messaging' && topics === 'topics' && typeof topicIndex === 'number'
          ? system.messaging.topics[topicIndex]
          : undefined;
      return topic
        ? { kind: 'topic', systemId: system.id, topicId: topic.id }
        : { kind: 'system', systemId: system.id };
    }
    case 'links': {
      const link = at(mesh.links);
      return link ? { kind: 'link', linkId: link.id } : MESH;
    }
    case 'contracts': {
      const contract = at(mesh.contracts);
      if (!contract) return MESH;
      const [schema, objectIndex, properties, propertyIndex] = rest;
      const object = schema === 'schema' && typeof objectIndex === 'number' ? contract.schema[objectIndex] : undefined;
      const field =
        object && properties === 'properties' && typeof propertyIndex === 'number'
          ? object.properties[propertyIndex]
          : undefined;
      return object && field
        ? { kind: 'field', contractId: contract.id, object: object.name, field: field.name }
        : { kind: 'contract', contractId: contract.id };
    }
    case 'policies':
      // `policies.rules.<rule id>`: the rule id is the segment after `rules`.
      return index === 'rules' && typeof rest[0] === 'string' ? { kind: 'policy', ruleId: rest[0] } : MESH;
    default:
      return MESH;
  }
}

const MESH: ElementRef = { kind: 'mesh' };
