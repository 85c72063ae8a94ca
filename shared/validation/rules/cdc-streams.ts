import { cdcMismatches, cdcTopicOf } from '../../editing/cdc-streams';
import { distinctNodeName, quoted } from '../../model';
import { systemPlace } from '../places';
import type { Rule } from '../rule';

export const cdcStreamsRule: Rule = {
  id: 'cdc-streams',
  title: "A table's CDC flag and its CDC topic go together",
  rationale:
    "A connector captures a table flagged for CDC whose changes a topic carries, in the export and the simulation alike; the editor adds and removes the topic with the flag, but a file can hold one without the other, and the table's changes then go nowhere without a word.",
  defaultSeverity: 'warning',
  reads: ['systems', 'product outlines', 'domains'],
  check({ graph, mesh }) {
    return mesh.systems.flatMap((system) => {
      const mismatched = new Set(cdcMismatches(system));
      return system.database.tables.flatMap((table, tableIndex) => {
        if (!mismatched.has(table.name)) return [];
        const { element, path } = systemPlace(graph, system);
        const name = `Table ${quoted(table.name)} of ${quoted(distinctNodeName(mesh, system))}`;
        const topic = cdcTopicOf(system, table.name);
        return [
          {
            element,
            path: `${path}.database.tables[${tableIndex}].cdc`,
            ...(topic
              ? {
                  message: `${name} has CDC off but keeps its CDC topic ${quoted(topic.name)}: its changes are not captured, the export writes neither the topic nor the table's capture, and the simulation writes nothing to the topic.`,
                  fixHint:
                    'Turn CDC on for the table to capture its changes into the topic (the fix does), or delete the topic and the links reading it.',
                }
              : {
                  message: `${name} is flagged for CDC but no topic carries its changes: they are not captured, the export leaves the table out of its connector, and the simulation captures nothing of it.`,
                  fixHint:
                    'Add its CDC topic (the fix adds it, as turning CDC on in the inspector does), or turn CDC off for the table.',
                }),
            fix: { kind: 'capture-table' as const, systemId: system.id, table: table.name },
          },
        ];
      });
    });
  },
};
