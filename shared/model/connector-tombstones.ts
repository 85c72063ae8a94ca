import type { OperationalSystem, SystemTable, Topic } from './operational-system';

/*
 * Whether a delete is followed by a tombstone is a topic's setting in the design, but Debezium's
 * `tombstones.on.delete` is one setting per connector: when any captured table's topic wants
 * tombstones, the connector writes them on all of its topics, and the simulation does as it does.
 */

/** The system's topics of tables flagged for CDC, with their tables: what its connector captures. */
export function capturedCdcTopics(system: OperationalSystem): { topic: Topic; table: SystemTable }[] {
  return system.messaging.topics.flatMap((topic) => {
    const { source } = topic;
    if (source.kind !== 'cdc') return [];
    const table = system.database.tables.find((candidate) => candidate.name === source.table);
    return table?.cdc ? [{ topic, table }] : [];
  });
}

/** Whether the system's connector follows each delete with a tombstone (`tombstones.on.delete`). */
export function writesTombstones(system: OperationalSystem): boolean {
  return capturedCdcTopics(system).some(({ topic }) => topic.tombstones);
}

/** The captured tables whose topics want tombstones and those whose topics do not, when both are there. */
export function tombstoneDisagreement(
  system: OperationalSystem,
): { wanting: SystemTable[]; notWanting: SystemTable[] } | undefined {
  const captured = capturedCdcTopics(system);
  const wanting = captured.filter(({ topic }) => topic.tombstones).map(({ table }) => table);
  const notWanting = captured.filter(({ topic }) => !topic.tombstones).map(({ table }) => table);
  return wanting.length > 0 && notWanting.length > 0 ? { wanting, notWanting } : undefined;
}
