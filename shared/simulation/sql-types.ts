import type { ContractProperty } from '../model/contract';
import type { LogicalType } from '../model/logical-type';
import type { ColumnType } from '../model/table';

/**
 * The declared SQLite types the engine creates columns with; they decide each column's affinity.
 * BLOB has none: it keeps each value as it came, for a property whose contract gives no type.
 */
export type SqlType = 'INTEGER' | 'REAL' | 'NUMERIC' | 'TEXT' | 'BLOB';

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
 * is NUMERIC or DECIMAL (the affinity SQLite itself gives those), as the source table declares it;
 * BLOB for a property without a type.
 */
export function propertySqlType(property: Pick<ContractProperty, 'logicalType' | 'physicalType'>): SqlType {
  if (property.logicalType === undefined) return 'BLOB';
  const isExactNumeric = property.logicalType === 'number' && EXACT_NUMERIC.test(property.physicalType ?? '');
  return isExactNumeric ? 'NUMERIC' : LOGICAL_TYPES[property.logicalType];
}
