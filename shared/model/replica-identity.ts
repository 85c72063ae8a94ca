import { debeziumEngineId } from './database-engine';
import type { OperationalSystem, ReplicaIdentity, SystemTable } from './operational-system';

/** What a captured table's updates and deletes carry as `before`: the whole old row, or its old primary key. */
export type BeforeImage = 'row' | 'old-key';

/** Whether the system's database has a REPLICA IDENTITY per table: PostgreSQL's does; other engines' logs send whole rows. */
export function takesReplicaIdentity(system: Pick<OperationalSystem, 'database'>): boolean {
  return debeziumEngineId(system.database.engine) === 'postgres';
}

/** The table's replica identity, PostgreSQL's `default` where the design sets none; none on other engines. */
export function replicaIdentityOf(
  system: Pick<OperationalSystem, 'database'>,
  table: SystemTable,
): ReplicaIdentity | undefined {
  return takesReplicaIdentity(system) ? (table.replicaIdentity ?? 'default') : undefined;
}

/**
 * What the table's change events carry as `before`. A table without a primary key has no old key
 * to send: PostgreSQL refuses its updates and deletes (rule `replica-identity`), which the
 * simulation runs, with the whole old row.
 */
export function beforeImageOf(system: Pick<OperationalSystem, 'database'>, table: SystemTable): BeforeImage {
  return replicaIdentityOf(system, table) === 'default' && table.primaryKey.length > 0 ? 'old-key' : 'row';
}
