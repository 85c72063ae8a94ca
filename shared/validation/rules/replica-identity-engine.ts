import { distinctNodeName, quoted } from '../../model';
import { takesReplicaIdentity } from '../../model/replica-identity';
import { systemPlace } from '../places';
import type { Rule } from '../rule';

export const replicaIdentityEngineRule: Rule = {
  id: 'replica-identity-engine',
  title: 'Only tables on PostgreSQL set a replica identity',
  rationale:
    "REPLICA IDENTITY is PostgreSQL's: it decides what Debezium's PostgreSQL connector sends as an update's and a delete's before image. Other engines' logs send the whole old row (MySQL and MariaDB with binlog_row_image=FULL, their default), so the simulation ignores the setting there.",
  defaultSeverity: 'warning',
  reads: ['systems', 'product outlines', 'domains'],
  check({ graph, mesh }) {
    return mesh.systems.flatMap((system) => {
      if (takesReplicaIdentity(system)) return [];
      return system.database.tables.flatMap((table, tableIndex) => {
        if (table.replicaIdentity === undefined) return [];
        const { element, path } = systemPlace(graph, system);
        return [
          {
            element,
            path: `${path}.database.tables[${tableIndex}].replicaIdentity`,
            message: `Table ${quoted(table.name)} of ${quoted(distinctNodeName(mesh, system))} sets replica identity '${table.replicaIdentity}', which only PostgreSQL has: its engine '${system.database.engine}' sends the whole old row as an update's and a delete's before image, and the simulation ignores the setting.`,
            fixHint: 'Remove the replica identity from the table, or give the system the engine postgres.',
          },
        ];
      });
    });
  },
};
