import type { OperationalSystem } from './operational-system';

/**
 * Whether a Debezium connector reads the system's database: it captures a table flagged for CDC,
 * or the outbox table its events are written to. A service may publish outbox events without
 * capturing any other table; its connector then captures the outbox alone.
 */
export function hasConnector(system: OperationalSystem): boolean {
  return (
    system.database.tables.some((table) => table.cdc) ||
    system.messaging.topics.some((topic) => topic.source.kind === 'outbox')
  );
}
