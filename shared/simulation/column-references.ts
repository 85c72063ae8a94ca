import { referencedFields } from '../contracts/schema-diagram';
import type { Mesh } from '../model/mesh';
import type { OperationalSystem, SystemTable } from '../model/operational-system';
import type { Column } from '../model/table';
import { contractPropertiesFedBy } from './allowed-values';
import { holdsValuesOf } from './generator-fit';
import { isNamedForKey } from './key-column-names';
import { findTable } from './scenario-check';

export interface ColumnReference {
  table: string;
  column: string;
}

/**
 * The table and column a column of a system's table refers to, where the design says so: a
 * relationship a contract fed by the table gives the column (`to: animals.id`), else its name
 * (see {@link isNamedForKey}), a table of its own system first. Either way the referenced column
 * holds values of the column's type.
 */
export function columnReference(
  mesh: Mesh,
  system: OperationalSystem,
  table: SystemTable,
  column: Column,
): ColumnReference | undefined {
  return declaredReference(mesh, system, table, column) ?? referenceByName(mesh, system, table, column);
}

function declaredReference(
  mesh: Mesh,
  system: OperationalSystem,
  table: SystemTable,
  column: Column,
): ColumnReference | undefined {
  const targets = contractPropertiesFedBy(mesh, system, table.name)
    .filter((property) => property.name === column.name)
    .flatMap((property) => relationshipsOf(property.extensions?.relationships))
    .flatMap((relationship) => referencedFields(relationship.to));
  for (const target of targets) {
    const referenced = findTable(mesh.systems, target.table, system)?.table;
    const referencedColumn = referenced?.columns.find(({ name }) => name === target.field);
    if (referencedColumn && holdsValuesOf(column.type, referencedColumn.type))
      return { table: target.table, column: target.field };
  }
  return undefined;
}

function relationshipsOf(value: unknown): Array<Record<string, unknown>> {
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null);
}

function referenceByName(
  mesh: Mesh,
  system: OperationalSystem,
  table: SystemTable,
  column: Column,
): ColumnReference | undefined {
  const others = mesh.systems.filter((candidate) => candidate.id !== system.id);
  for (const candidate of [system, ...others].flatMap((owner) => owner.database.tables)) {
    const [soleKey, ...rest] = candidate.primaryKey;
    if (candidate.name === table.name || soleKey === undefined || rest.length > 0) continue;
    if (!isNamedForKey(column.name, candidate.name, soleKey)) continue;
    const keyColumn = candidate.columns.find(({ name }) => name === soleKey);
    if (keyColumn && holdsValuesOf(column.type, keyColumn.type)) return { table: candidate.name, column: soleKey };
  }
  return undefined;
}
