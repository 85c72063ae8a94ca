import type { ContractProperty } from '../model/contract';
import { logicalTypeOptions } from '../simulation/allowed-values';
import { formatOfSqlTypeName } from './import/sql-column-types';
import { physicalTypeParts } from './physical-type-size';

/**
 * Whether a string property holds uuids alone: its format is uuid, or its physicalType is a SQL
 * type of uuids (`uuid`, `UNIQUEIDENTIFIER`), as the DDL import reads such a column. The exported
 * table makes it a uuid column, so the values the simulation writes for it must be uuids too.
 */
export function holdsUuids(property: ContractProperty): boolean {
  if (property.logicalType !== 'string') return false;
  if (logicalTypeOptions(property)?.format === 'uuid') return true;
  const parts = typeof property.physicalType === 'string' ? physicalTypeParts(property.physicalType) : undefined;
  return parts !== undefined && formatOfSqlTypeName(parts.base) === 'uuid';
}
