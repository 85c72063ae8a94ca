import type { ContractProperty } from '../model/contract';
import type { Mesh } from '../model/mesh';
import type { OperationalSystem } from '../model/operational-system';
import type { Scenario } from '../model/scenario';
import { contractPropertiesFedBy } from './allowed-values';

/**
 * The contract properties that a table's column values must keep, by column: those of the
 * contracts fed straight from the table, and those of the columns whose `reference` generators
 * copy its values (a booking's `flight_no` limits the flights' keys).
 */
export function columnContractProperties(
  mesh: Mesh,
  scenario: Scenario,
  system: OperationalSystem,
  table: string,
): { column: string; property: ContractProperty }[] {
  const own = contractPropertiesFedBy(mesh, system, table).map((property) => ({ column: property.name, property }));
  const copying = scenario.data.flatMap((entry) => {
    const referring = mesh.systems.find((candidate) => candidate.id === entry.systemId);
    if (!referring) return [];
    return contractPropertiesFedBy(mesh, referring, entry.table).flatMap((property) => {
      const generator = entry.generators[property.name];
      return generator?.kind === 'reference' && generator.table === table
        ? [{ column: generator.column, property }]
        : [];
    });
  });
  return [...own, ...copying];
}
