import { distinctNodeName } from '../../model';
import { tombstoneDisagreement } from '../../model/connector-tombstones';
import { quoted } from '../../model/isolated-names';
import { systemPlace } from '../places';
import type { Rule } from '../rule';

export const tombstoneSettingsRule: Rule = {
  id: 'tombstone-settings',
  title: 'The CDC topics of one system agree on tombstones',
  rationale:
    "Debezium's tombstones.on.delete is one setting per connector: when one captured table's topic wants tombstones after deletes, the connector writes them on every topic of the system, and the simulation does as the connector does.",
  defaultSeverity: 'warning',
  reads: ['systems', 'product outlines', 'domains'],
  check({ graph, mesh }) {
    return mesh.systems.flatMap((system) => {
      const disagreement = tombstoneDisagreement(system);
      if (!disagreement) return [];
      const names = (tables: readonly { name: string }[]) => tables.map((table) => quoted(table.name)).join(', ');
      const { element, path } = systemPlace(graph, system);
      return [
        {
          element,
          path: `${path}.messaging.topics`,
          message: `The CDC topics of ${quoted(distinctNodeName(mesh, system))} disagree on tombstones: ${names(disagreement.wanting)} ${disagreement.wanting.length === 1 ? 'wants' : 'want'} them, ${names(disagreement.notWanting)} ${disagreement.notWanting.length === 1 ? 'does' : 'do'} not. Debezium's tombstones.on.delete is one setting per connector, so the exported connector, and the simulation, follow a delete with a tombstone on every topic of ${quoted(distinctNodeName(mesh, system))}.`,
          fixHint:
            'Give all its CDC topics the same tombstones setting, or capture the tables that differ with a connector of their own.',
        },
      ];
    });
  },
};
