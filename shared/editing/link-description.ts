import { type Endpoint, endpointName, type Mesh, resolveEndpoint } from '../model';
import { linkById, productById } from './mesh-index';
import { loopClosedBy } from './product-feeds';

/** What a link's label says: which port feeds which, and under which contract. */
export interface LinkDescription {
  from: string;
  to: string;
  /** `Order v1.2.0`; absent when nothing governs the data (a CDC stream, a port without a contract). */
  contract?: string;
}

/** The contract governing what flows out of an endpoint: an output port's, or the event a topic carries. */
function contractIdAt(mesh: Mesh, endpoint: Endpoint): string | undefined {
  const resolved = resolveEndpoint(mesh, endpoint);
  if (!resolved) return undefined;
  if (resolved.kind === 'port') return resolved.port.contractId;
  const source = resolved.topic.source;
  if (source.kind !== 'outbox') return undefined;
  return resolved.system.publishes.find((event) => event.name === source.event)?.contractId;
}

export function describeLink(mesh: Mesh, linkId: string): LinkDescription | undefined {
  const link = linkById(mesh, linkId);
  if (!link) return undefined;
  const contractId = contractIdAt(mesh, link.from);
  const contract = contractId && mesh.contracts.find((candidate) => candidate.id === contractId);
  return {
    from: endpointName(mesh, link.from),
    to: endpointName(mesh, link.to),
    ...(contract && { contract: `${contract.name} v${contract.version}` }),
  };
}

/**
 * What linking did, in the words of the link's label: `Linked orders · Orders to customer-360 · Orders`,
 * and the loop it closes, if any, which the product cycles rule will flag: `— this closes a loop: A → B → A`.
 */
export function describeLinking(verb: 'Linked' | 'Relinked', mesh: Mesh, linkId: string): string {
  const link = linkById(mesh, linkId);
  const description = describeLink(mesh, linkId);
  if (!link || !description) return verb;
  const loop = loopClosedBy(mesh, link)?.map((productId) => productById(mesh, productId)?.name ?? productId);
  const linked = `${verb} ${description.from} to ${description.to}`;
  return loop ? `${linked} — this closes a loop: ${loop.join(' → ')}` : linked;
}
