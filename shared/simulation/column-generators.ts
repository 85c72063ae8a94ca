import { columnOnEngine } from '../model/engine-numeric-digits';
import type { Mesh } from '../model/mesh';
import type { OperationalSystem, SystemTable } from '../model/operational-system';
import type { Scenario, ValueGenerator } from '../model/scenario';
import { allowedValueGenerators } from './allowed-values';
import { defaultGenerator } from './value-generator';

/**
 * The generator of each of the table's columns, in its order: the scenario's, else one drawing
 * from the values its contracts allow (never for a sole key), else the default of its type
 * (none for an optional column, which stays NULL).
 */
export function columnGenerators(
  mesh: Mesh,
  scenario: Scenario,
  system: OperationalSystem,
  table: SystemTable,
): (ValueGenerator | undefined)[] {
  const generators = mergedGenerators(scenario, system.id, table.name);
  const allowed = allowedValueGenerators(mesh, system, table.name);
  return table.columns.map((column) => {
    const isSoleKey = table.primaryKey.length === 1 && table.primaryKey[0] === column.name;
    return (
      generators[column.name] ??
      (isSoleKey ? undefined : allowed.get(column.name)) ??
      defaultGenerator(columnOnEngine(column, system.database.engine), isSoleKey)
    );
  });
}

/** Whether a generator makes its values up, rather than using values written out (`oneOf`, `lifecycle`) or copied (`reference`). */
export function makesValuesUp(generator: ValueGenerator): boolean {
  return generator.kind !== 'oneOf' && generator.kind !== 'lifecycle' && generator.kind !== 'reference';
}

/** Generators of every data entry for the table; a later entry's column wins. */
function mergedGenerators(scenario: Scenario, systemId: string, tableName: string) {
  return Object.assign(
    {},
    ...scenario.data
      .filter((entry) => entry.systemId === systemId && entry.table === tableName)
      .map((entry) => entry.generators),
  ) as Scenario['data'][number]['generators'];
}
