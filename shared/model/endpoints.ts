import type { DataProduct } from './data-product';
import { distinctNodeName } from './distinct-node-name';
import type { Endpoint } from './link';
import type { Mesh } from './mesh';
import type { OperationalSystem, Topic } from './operational-system';
import type { Port } from './port';

/** What a link endpoint points at: a product's port or a system's topic. */
export type ResolvedEndpoint =
  | { kind: 'port'; product: DataProduct; port: Port }
  | { kind: 'topic'; system: OperationalSystem; topic: Topic };

export function productPorts(product: DataProduct): Port[] {
  return [...product.inputPorts, ...product.outputPorts, product.discoveryPort];
}

export function resolveEndpoint(
  mesh: Pick<Mesh, 'products' | 'systems'>,
  endpoint: Endpoint,
): ResolvedEndpoint | undefined {
  const product = mesh.products.find((candidate) => candidate.id === endpoint.nodeId);
  if (product) {
    const port = productPorts(product).find((candidate) => candidate.id === endpoint.portId);
    return port && { kind: 'port', product, port };
  }
  const system = mesh.systems.find((candidate) => candidate.id === endpoint.nodeId);
  const topic = system?.messaging.topics.find((candidate) => candidate.id === endpoint.portId);
  return system && topic && { kind: 'topic', system, topic };
}

/** A port as the canvas names it, with its id where another port of its product has the same name: `Feed (appt-in)`. */
export function distinctPortName(product: DataProduct, port: Port): string {
  const isShared = productPorts(product).some((other) => other.id !== port.id && other.name === port.name);
  return isShared ? `${port.name} (${port.id})` : port.name;
}

/**
 * An endpoint as the canvas names it: `Orders · Orders` (a port's id added where another port of
 * its product has its name, the domain where another node has the node's name); by its ids when
 * it no longer exists.
 */
export function endpointName(mesh: Pick<Mesh, 'domains' | 'products' | 'systems'>, endpoint: Endpoint): string {
  const resolved = resolveEndpoint(mesh, endpoint);
  if (!resolved) return `${endpoint.nodeId} · ${endpoint.portId}`;
  return resolved.kind === 'port'
    ? `${distinctNodeName(mesh, resolved.product)} · ${distinctPortName(resolved.product, resolved.port)}`
    : `${distinctNodeName(mesh, resolved.system)} · ${resolved.topic.name}`;
}

/** Whether data can leave through this endpoint (an output port or a topic). */
export function isSourceEndpoint(resolved: ResolvedEndpoint): boolean {
  return resolved.kind === 'topic' || resolved.port.direction === 'output';
}

export function isTargetEndpoint(resolved: ResolvedEndpoint): boolean {
  return resolved.kind === 'port' && resolved.port.direction === 'input';
}
