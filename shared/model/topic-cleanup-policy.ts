import type { Contract } from './contract';
import type { OperationalSystem, SystemTable, Topic } from './operational-system';
import type { Port } from './port';

/*
 * Which topics are compacted (Kafka's `cleanup.policy: compact`: the latest record of every key is
 * kept, whatever retention removes) and which keep the delete policy. One decision for the Strimzi
 * export, which writes it, and the simulation, whose retention follows it.
 */

/**
 * A CDC topic keeps each row's latest change by its key; a table without a primary key gives
 * records without a key, so its topic keeps the delete policy.
 */
export function isCompactedCdcTopic(system: OperationalSystem, topic: Topic): boolean {
  return (tableOfCdcTopic(system, topic)?.primaryKey.length ?? 0) > 0;
}

/** A streamed output port's topic is compacted when it serves entities; events keep the delete policy. */
export function isCompactedPortTopic(
  port: Pick<Port, 'protocol'>,
  contract: Pick<Contract, 'kind'> | undefined,
): boolean {
  return port.protocol === 'kafka-topic' && contract?.kind === 'entity';
}

export function tableOfCdcTopic(system: OperationalSystem, topic: Topic): SystemTable | undefined {
  const { source } = topic;
  if (source.kind !== 'cdc') return undefined;
  return system.database.tables.find((candidate) => candidate.name === source.table);
}
