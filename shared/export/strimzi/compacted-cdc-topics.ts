import { quoted } from '../../model/isolated-names';
import type { Mesh } from '../../model/mesh';
import type { OperationalSystem } from '../../model/operational-system';
import { isCompactedCdcTopic, tableOfCdcTopic } from '../../model/topic-cleanup-policy';
import type { ExportWarning } from '../export-warning';

/*
 * A CDC topic keeps each row's latest change by its key: it is compacted (see
 * model/topic-cleanup-policy.ts). Debezium writes a TRUNCATE as one record without a key, which
 * Kafka refuses on a compacted topic ("Compacted topic cannot accept message without key"), and
 * the refusal fails the connector's task. So a connector that writes to a compacted topic skips
 * truncates, as Debezium does by default; a scenario's truncate on its tables is then one the
 * simulation shows and the deployment does not.
 */

/** Whether the system's connector skips truncates: it writes to a compacted topic (skipped.operations is per connector). */
export function skipsTruncates(system: OperationalSystem): boolean {
  return system.messaging.topics.some(
    (topic) => isCompactedCdcTopic(system, topic) && tableOfCdcTopic(system, topic)?.cdc === true,
  );
}

/** The scenarios' truncates of tables whose exported connector skips them, at each truncate step. */
export function skippedTruncateWarnings(mesh: Mesh, exportedSystems: readonly OperationalSystem[]): ExportWarning[] {
  const skipping = new Map(exportedSystems.filter(skipsTruncates).map((system) => [system.id, system]));
  return mesh.scenarios.flatMap((scenario, scenarioIndex) =>
    scenario.steps.flatMap((step, stepIndex) => {
      const system = skipping.get(step.systemId);
      const table = system?.database.tables.find((candidate) => candidate.name === step.table);
      if (step.op !== 'truncate' || !system || !table?.cdc) return [];
      return [
        {
          kind: 'caution',
          path: `scenarios[${scenarioIndex}].steps[${stepIndex}]`,
          message: `the truncate of table ${quoted(table.name)} at tick ${step.tick} in scenario ${quoted(scenario.name)}: the simulation sends its 't' record, but the exported connector of system ${quoted(system.name)} skips truncates (skipped.operations: t), as Kafka refuses a truncate's key-less record on its compacted topics; the consumers keep the rows: delete them instead`,
        },
      ];
    }),
  );
}
