import { distinctNodeName, type OperationalSystem, quoted, type SystemTable } from '../../model';
import { capturedTables } from '../../model/connected-system';
import { replicaIdentityOf } from '../../model/replica-identity';
import { systemPlace } from '../places';
import type { Rule } from '../rule';

export const replicaIdentityRule: Rule = {
  id: 'replica-identity',
  title: 'PostgreSQL can update and delete rows of every captured table',
  rationale:
    "Debezium's connector puts the tables it captures in a publication, and PostgreSQL refuses an UPDATE or a DELETE of a published table without a replica identity: by default its primary key. The simulation runs them, with full before images.",
  defaultSeverity: 'warning',
  reads: ['systems', 'product outlines', 'domains'],
  check({ graph, mesh }) {
    return mesh.systems.flatMap((system) => {
      const captured = capturedTables(system);
      return system.database.tables.flatMap((table, tableIndex) => {
        if (!needsReplicaIdentityFull(system, table, captured)) return [];
        const { element, path } = systemPlace(graph, system);
        return [
          {
            element,
            path: `${path}.database.tables[${tableIndex}]`,
            message: `Table ${quoted(table.name)} of ${quoted(distinctNodeName(mesh, system))} has no primary key: PostgreSQL refuses the service's updates and deletes of it once its connector's publication includes it (cannot update table "${table.name}" because it does not have a replica identity and publishes updates), while the simulation runs them.`,
            fixHint: `Give the table a primary key, or set its replica identity to FULL in the design and run ALTER TABLE ${table.name} REPLICA IDENTITY FULL in its database (the export leaves database settings to you); if the service only ever inserts into it, turn this rule off with that reason.`,
          },
        ];
      });
    });
  },
};

/** A captured PostgreSQL table without a primary key has no replica identity unless it is given `REPLICA IDENTITY FULL`. */
function needsReplicaIdentityFull(
  system: OperationalSystem,
  table: SystemTable,
  captured: readonly SystemTable[],
): boolean {
  return captured.includes(table) && table.primaryKey.length === 0 && replicaIdentityOf(system, table) === 'default';
}
