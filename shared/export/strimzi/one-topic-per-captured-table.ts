import { capturedCdcTopics } from '../../model/connector-tombstones';
import { quoted } from '../../model/isolated-names';
import type { Mesh } from '../../model/mesh';
import type { OperationalSystem } from '../../model/operational-system';
import type { ExportProblem } from '../export-target';

/**
 * A captured table's second CDC topic, at that topic: Debezium writes each table's changes to
 * one topic (a RegexRouter renames it once), so of two topics of one table one stays empty
 * once deployed, though the simulation fills both.
 */
export function secondCdcTopicProblems(mesh: Mesh, systems: readonly OperationalSystem[]): ExportProblem[] {
  return systems.flatMap((system) => {
    const firstTopicOfTable = new Map<string, string>();
    return capturedCdcTopics(system).flatMap(({ topic, table }) => {
      const first = firstTopicOfTable.get(table.name);
      if (first === undefined) {
        firstTopicOfTable.set(table.name, topic.name);
        return [];
      }
      // A topic listed twice under one name is the clash of names reported at it, not an empty topic.
      if (first === topic.name) return [];
      return [
        {
          path: `systems[${mesh.systems.indexOf(system)}].messaging.topics[${system.messaging.topics.indexOf(topic)}]`,
          message: `system ${quoted(system.name)}: topic ${quoted(topic.name)} carries the changes of table ${quoted(table.name)}, as topic ${quoted(first)} does: Debezium writes a table's changes to one topic only, so one of them would stay empty; keep one topic per table and link its readers to it`,
        },
      ];
    });
  });
}
