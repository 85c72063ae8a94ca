import { debeziumEngineId } from '../model/database-engine';
import type { OperationalSystem, SystemTable } from '../model/operational-system';
import { keepsDocuments } from './record-shape';

/**
 * Why a scenario's `truncate` step cannot run on a table, as its database or Debezium's connector
 * for it would have it; undefined where it can. SQL Server refuses to truncate a table it
 * captures; Debezium's Db2 connector reads Db2's change tables, which hold inserts, updates and
 * deletes only (`Db2ChangeRecordEmitter`), so it would send no record and its consumers would
 * keep the rows; MongoDB has no truncate.
 */
export function truncateRefusal(system: OperationalSystem, table: SystemTable): string | undefined {
  if (keepsDocuments(system)) {
    return `MongoDB has no TRUNCATE: delete the documents of '${table.name}' instead, each of them a delete record`;
  }
  if (!table.cdc) return undefined;
  switch (debeziumEngineId(system.database.engine)) {
    case 'sqlserver':
      return `SQL Server refuses TRUNCATE TABLE on '${table.name}', whose changes it captures (change data capture): delete its rows instead`;
    case 'db2':
      return `Debezium's Db2 connector sends no TRUNCATE of '${table.name}' (Db2's change tables log only inserts, updates and deletes), so its consumers would keep every row: delete its rows instead`;
    default:
      return undefined;
  }
}
