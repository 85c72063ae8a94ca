import { sourceContractId } from '../contracts/compatibility';
import type { Contract } from '../model/contract';
import type { OperationalSystem, Topic } from '../model/operational-system';

/** An outbox topic of a system and the contract of the event it carries. */
export interface OutboxEventContract {
  topic: Topic;
  contract: Contract;
}

/** The system's outbox topics whose published event names a contract the mesh has, in the system's topic order. */
export function outboxEventContracts(
  system: OperationalSystem,
  contracts: ReadonlyMap<string, Contract>,
): OutboxEventContract[] {
  return system.messaging.topics.flatMap((topic) => {
    const contract = contracts.get(sourceContractId({ kind: 'topic', system, topic }) ?? '');
    return contract ? [{ topic, contract }] : [];
  });
}
