import type { Fault, Mesh } from '../model';
import { isTopicFault } from '../model/scenario';
import { faultWithTopic } from '../model/topic-references';

/**
 * The nodes where a fault shows on the canvas: the product it takes offline, or the system whose
 * topic it hits and the products that consume that topic (where a quarantine or a skip shows).
 */
export function faultNodeIds(mesh: Mesh, fault: Fault): string[] {
  if (!isTopicFault(fault)) return [fault.productId];
  // Links name the topic by id; a scenario may name it as the canvas shows it.
  const { topicId } = faultWithTopic(mesh, fault);
  const consumers = mesh.links
    .filter((link) => link.from.nodeId === fault.systemId && link.from.portId === topicId)
    .map((link) => link.to.nodeId);
  return [...new Set([fault.systemId, ...consumers])];
}
