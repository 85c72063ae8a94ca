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

export function logicalSqlType(type: LogicalType | undefined): SqlType {
  return type === undefined ? 'BLOB' : LOGICAL_TYPES[type];
}
