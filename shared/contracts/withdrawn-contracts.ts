import type { Contract, DataProduct } from '../model';
import { isPublished, lifecycleStatus } from './lifecycle-status';

function isRetired(contract: Contract): boolean {
  return lifecycleStatus(contract) === 'retired';
}

/** The contracts of the product's output ports, each once, in port order. */
export function servedContracts(contractsById: ReadonlyMap<string, Contract>, product: DataProduct): Contract[] {
  const ids = new Set(product.outputPorts.flatMap((port) => port.contractId ?? []));
  return [...ids].flatMap((id) => contractsById.get(id) ?? []);
}

/** A published contract a product served in the baseline and serves no more: its consumers lose that data. */
export interface WithdrawnContract {
  /** As the baseline has it. */
  contract: Contract;
  /** Why a product still in the design no longer serves it: the contract is gone, or no output port names it. */
  cause: 'contract-removed' | 'no-port';
}

/**
 * What `before`, a product of the baseline, served there under a published contract and `now`
 * (the design's product of its id, if any) no longer serves: what the SQL export's migration
 * drops the tables of. A contract the design keeps with the status `retired` says it is no longer
 * served on purpose.
 */
export function withdrawnContracts(
  before: DataProduct,
  baselineContracts: ReadonlyMap<string, Contract>,
  now: DataProduct | undefined,
  contracts: ReadonlyMap<string, Contract>,
): WithdrawnContract[] {
  const stillServed = new Set(now ? servedContracts(contracts, now).map((contract) => contract.id) : []);
  return servedContracts(baselineContracts, before).flatMap((contract): WithdrawnContract[] => {
    if (!isPublished(contract) || stillServed.has(contract.id)) return [];
    const current = contracts.get(contract.id);
    if (current && isRetired(current)) return [];
    return [{ contract, cause: current ? 'no-port' : 'contract-removed' }];
  });
}
