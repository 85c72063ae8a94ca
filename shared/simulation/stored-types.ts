import { type LogicalType, LogicalTypeSchema } from '../model/logical-type';
import type { SqlType } from './sql-types';

/** Re-exported for governance, which reads the engine's column types only through this module. */
export type { SqlType } from './sql-types';

type StorageClass = 'integer' | 'real' | 'text' | 'blob';

/**
 * The storage classes of the values a column of each type holds, when they are values of its own
 * type: SQLite turns a number into text in a TEXT column, an integer into a real in a REAL one.
 */
const HELD_AS: Record<SqlType, readonly StorageClass[]> = {
  TEXT: ['text'],
  INTEGER: ['integer', 'real'],
  REAL: ['real'],
  NUMERIC: ['integer', 'real'],
  BLOB: ['integer', 'real', 'text', 'blob'],
};

/** The storage classes the contract check accepts for a value of each logical type (see `violationSql`). */
const ACCEPTED_AS: Record<LogicalType, readonly StorageClass[]> = {
  string: ['text'],
  date: ['text'],
  timestamp: ['text'],
  time: ['text'],
  object: ['text'],
  array: ['text'],
  map: ['text'],
  integer: ['integer'],
  number: ['integer', 'real'],
  boolean: ['integer'],
};

/** Whether some value a column of this type holds can pass as the logical type; without a type, any can. */
export function canHoldType(column: SqlType, type: LogicalType | undefined): boolean {
  if (type === undefined) return true;
  const accepted = ACCEPTED_AS[type];
  return HELD_AS[column].some((storageClass) => accepted.includes(storageClass));
}

/** The logical types some value of a column of this type can pass as. */
export function typesHeldBy(column: SqlType): LogicalType[] {
  return LogicalTypeSchema.options.filter((type) => canHoldType(column, type));
}
