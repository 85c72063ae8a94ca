import { capturedTables } from '../../model/connected-system';
import type { OperationalSystem } from '../../model/operational-system';
import { replicaIdentityOf } from '../../model/replica-identity';
import { quoteIdentifier } from '../../simulation/sql-text';
import { sqlComment } from '../sql/postgres-names';
import { includedTable } from './debezium-connector';

/*
 * PostgreSQL keeps a table's REPLICA IDENTITY in the database, where Debezium cannot set it: the
 * tables the design sets FULL send whole old rows as `before` only once someone runs these.
 */

/** The captured tables of a PostgreSQL system the design sets FULL, quoted as `"public"."orders"`. */
export function fullReplicaIdentityTables(system: OperationalSystem): string[] {
  return capturedTables(system)
    .filter((table) => replicaIdentityOf(system, table) === 'full')
    .map((table) => {
      const { schema, table: name } = includedTable(system, table.name);
      return `${quoteIdentifier(schema)}.${quoteIdentifier(name)}`;
    });
}

/** The statements to run in the system's database before its connector starts. */
export function replicaIdentitySql(system: OperationalSystem, tables: readonly string[], connector: string): string {
  return [
    sqlComment(
      `The tables of ${system.name} whose updates and deletes carry the whole old row, as the design sets them.`,
    ),
    sqlComment(`Run in database ${system.database.name} before starting the KafkaConnector ${connector}.`),
    ...tables.map((table) => `ALTER TABLE ${table} REPLICA IDENTITY FULL;`),
    '',
  ].join('\n');
}
