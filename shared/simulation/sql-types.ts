import type { ContractProperty } from '../model/contract';
import type { LogicalType } from '../model/logical-type';
import type { ColumnType } from '../model/table';

/** The declared SQLite types the engine creates columns with; they decide each column's affinity. */
export type SqlType = 'INTEGER' | 'REAL' | 'NUMERIC' | 'TEXT';

const COLUMN_TYPES: Record<ColumnType, SqlType> = {
  text: 'TEXT',
  integer: 'INTEGER',
  real: 'REAL',
  numeric: 'NUMERIC',
  boolean: 'INTEGER',
  timestamp: 'TEXT',
  date: 'TEXT',
  json: 'TEXT',
};

const LOGICAL_TYPES: Record<LogicalType, SqlType> = {
  string: 'TEXT',
  date: 'TEXT',
  timestamp: 'TEXT',
  time: 'TEXT',
  number: 'REAL',
  integer: 'INTEGER',
  object: 'TEXT',
  array: 'TEXT',
  boolean: 'INTEGER',
  map: 'TEXT',
};

export function columnSqlType(type: ColumnType): SqlType {
  return COLUMN_TYPES[type];
}

/** SQL's exact numerics with a fraction: ODCS has no logical type for them, a `number` says so in its physicalType. */
const EXACT_NUMERIC = /^\s*(numeric|decimal)\b/i;

/**
 * The column a property makes: its logical type's, but NUMERIC for a number whose physical type
 * is NUMERIC or DECIMAL (the affinity SQLite itself gives those), as the source table declares it.
 */
export function propertySqlType(property: Pick<ContractProperty, 'logicalType' | 'physicalType'>): SqlType {
  const isExactNumeric = property.logicalType === 'number' && EXACT_NUMERIC.test(property.physicalType ?? '');
  return isExactNumeric ? 'NUMERIC' : LOGICAL_TYPES[property.logicalType];
}
