import type { Mesh } from '../model/mesh';
import type { Problem } from '../model/problem';
import type { Scenario } from '../model/scenario';

/** A table the scenario never fills, with the system it belongs to. */
export interface EmptyTable {
  systemId: string;
  problem: Problem;
}

/**
 * The tables the scenario never fills (no initial rows, no rates, no insert step), each at its place:
 * a table drawn after the scenario was written stays empty, and so does every product that reads it.
 * A table `reported` already at its place (left out of the run) is not reported again.
 */
export function tablesWithoutData(mesh: Mesh, scenario: Scenario, reported: readonly Problem[] = []): Problem[] {
  return emptyTables(mesh, scenario, reported).map((table) => table.problem);
}

/** {@link tablesWithoutData}, each with its system. */
export function emptyTables(mesh: Mesh, scenario: Scenario, reported: readonly Problem[] = []): EmptyTable[] {
  const fillers = [...scenario.data, ...scenario.rates, ...scenario.steps.filter((step) => step.op === 'insert')];
  const isFilled = (systemId: string, table: string) =>
    fillers.some((entry) => entry.systemId === systemId && entry.table === table);
  return mesh.systems.flatMap((system, systemIndex) =>
    system.database.tables.flatMap((table, tableIndex) => {
      const path = `systems[${systemIndex}].database.tables[${tableIndex}]`;
      if (isFilled(system.id, table.name) || reported.some((problem) => problem.path === path)) return [];
      return [
        { systemId: system.id, problem: { path, message: 'has no data or rates in the scenario; it stays empty' } },
      ];
    }),
  );
}
