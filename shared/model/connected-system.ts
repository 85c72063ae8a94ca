import { capturedCdcTopics } from './connector-tombstones';
import type { OperationalSystem, SystemTable } from './operational-system';

/**
 * The tables a Debezium connector captures: flagged for CDC, with a topic of the design to write
 * their changes to, as the simulation captures them. A table flagged in the file without one
 * (the editor adds the topic with the flag) is left out: Debezium would write its changes to a
 * topic the export neither creates nor lets the connector write.
 */
export function capturedTables(system: OperationalSystem): SystemTable[] {
  const carried = new Set(capturedCdcTopics(system).map(({ table }) => table));
  return system.database.tables.filter((table) => carried.has(table));
}

/**
 * Whether a Debezium connector reads the system's database: it captures a table (see
 * `capturedTables`), or the outbox table its events are written to. A service may publish outbox
 * events without capturing any other table; its connector then captures the outbox alone.
 */
export function hasConnector(system: OperationalSystem): boolean {
  return capturedTables(system).length > 0 || system.messaging.topics.some((topic) => topic.source.kind === 'outbox');
}
