import { sourceContractId } from '../contracts/compatibility';
import type { Contract } from '../model/contract';
import { type ResolvedEndpoint, resolveEndpoint } from '../model/endpoints';
import type { Link } from '../model/link';
import type { Mesh } from '../model/mesh';

/** One link into an input port: where it comes from and the contract governing what flows. */
export interface InputFeed {
  link: Link;
  source: ResolvedEndpoint;
  /** The output port's contract, or the published event's for an outbox topic; none for CDC topics. */
  contract: Contract | undefined;
}

type FeedsOf = (productId: string, portId: string) => InputFeed[];

// A mesh is an immutable value: the formats of one export (and later exports of it) share its index.
const indexed = new WeakMap<Mesh, FeedsOf>();

/**
 * What feeds each input port, by product id then port id. Every link, where the simulation runs
 * only the first (an export describes the design), and its contract even without a schema object,
 * which `linkDataset` passes over (the contract still has an id and version to cite).
 */
export function inputFeeds(mesh: Mesh): FeedsOf {
  let feedsOf = indexed.get(mesh);
  if (!feedsOf) {
    feedsOf = indexFeeds(mesh);
    indexed.set(mesh, feedsOf);
  }
  return feedsOf;
}

function indexFeeds(mesh: Mesh): FeedsOf {
  const contracts = new Map(mesh.contracts.map((contract) => [contract.id, contract]));
  const byProduct = new Map<string, Map<string, InputFeed[]>>();
  for (const link of mesh.links) {
    const source = resolveEndpoint(mesh, link.from);
    if (!source) continue;
    const contractId = sourceContractId(source);
    const byPort = byProduct.get(link.to.nodeId) ?? new Map<string, InputFeed[]>();
    byProduct.set(link.to.nodeId, byPort);
    const feeds = byPort.get(link.to.portId) ?? [];
    byPort.set(link.to.portId, feeds);
    feeds.push({ link, source, contract: contractId === undefined ? undefined : contracts.get(contractId) });
  }
  return (productId, portId) => byProduct.get(productId)?.get(portId) ?? [];
}
