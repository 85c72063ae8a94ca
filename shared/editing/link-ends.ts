import { type Endpoint, endpointName, type Mesh, productPorts } from '../model';

/** One end a link can have: a port or a topic of a node, named for a list the user picks from. */
export interface LinkEnd {
  endpoint: Endpoint;
  /** `Orders · orders-out` */
  label: string;
  /** Whether data leaves there (an output port or a topic) rather than arrives (an input port). */
  sends: boolean;
}

/** Every end a link can have in the design, node by node: output ports and topics, then input ports. */
function allLinkEnds(mesh: Mesh): LinkEnd[] {
  const end = (nodeId: string, portId: string, sends: boolean): LinkEnd => {
    const endpoint = { nodeId, portId };
    return { endpoint, label: endpointName(mesh, endpoint), sends };
  };
  return [
    ...mesh.products.flatMap((product) =>
      productPorts(product)
        .filter((port) => port.direction !== 'discovery')
        .map((port) => end(product.id, port.id, port.direction === 'output'))
        .sort((first, second) => Number(second.sends) - Number(first.sends)),
    ),
    ...mesh.systems.flatMap((system) => system.messaging.topics.map((topic) => end(system.id, topic.id, true))),
  ];
}

/** The ends a link from the keyboard can start at on one node: what it sends first, then its inputs. */
export function linkEndsOf(mesh: Mesh, nodeId: string): LinkEnd[] {
  return allLinkEnds(mesh).filter((end) => end.endpoint.nodeId === nodeId);
}

/**
 * The ends on other nodes that a link from `start` could reach: inputs for an end that sends,
 * else outputs and topics. Ends the connection rules would refuse (already linked) stay listed, so
 * picking one says why, as dropping a dragged link there does.
 */
export function oppositeLinkEnds(mesh: Mesh, start: LinkEnd): LinkEnd[] {
  return allLinkEnds(mesh).filter((end) => end.endpoint.nodeId !== start.endpoint.nodeId && end.sends !== start.sends);
}
