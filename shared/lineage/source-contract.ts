import type { Contract, Endpoint } from '../model';
import { contractOf, type MeshGraph } from './mesh-graph';

/** The contract governing what leaves an output port, or the event an outbox topic carries; none for a CDC topic. */
export function sourceContract(graph: MeshGraph, endpoint: Endpoint): Contract | undefined {
  const product = graph.products.get(endpoint.nodeId)?.item;
  if (product) return contractOf(graph, product.outputPorts.find((port) => port.id === endpoint.portId)?.contractId);
  const system = graph.systems.get(endpoint.nodeId)?.item;
  const source = system?.messaging.topics.find((topic) => topic.id === endpoint.portId)?.source;
  if (source?.kind !== 'outbox') return undefined;
  return contractOf(graph, system?.publishes.find((published) => published.name === source.event)?.contractId);
}
