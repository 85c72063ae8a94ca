import { type LinkDataset, linkDataset } from '../contracts/link-dataset';
import type { Endpoint } from '../model';
import { contractOf, type MeshGraph } from './mesh-graph';

/** The dataset leaving an output port or a topic (see `linkDataset`), found through the graph's indexes. */
export function sourceDataset(graph: MeshGraph, endpoint: Endpoint): LinkDataset | undefined {
  const product = graph.products.get(endpoint.nodeId)?.item;
  const port = product?.outputPorts.find((candidate) => candidate.id === endpoint.portId);
  if (product) return port && linkDataset({ kind: 'port', product, port }, (id) => contractOf(graph, id));
  const system = graph.systems.get(endpoint.nodeId)?.item;
  const topic = system?.messaging.topics.find((candidate) => candidate.id === endpoint.portId);
  return system && topic && linkDataset({ kind: 'topic', system, topic }, (id) => contractOf(graph, id));
}
