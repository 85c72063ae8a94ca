import type { SqlType } from './sql-types';

/** A column of a log or a table the engine makes, as its records write it. */
export interface TableColumn {
  name: string;
  type: SqlType;
  /** Kept as 0 or 1, written to JSON as false or true (as Debezium's JSON converter writes a BOOLEAN). */
  isBoolean?: boolean;
  /**
   * Holds JSON text, written into a record as the object or array it holds (a contract's `object`
   * and `array` properties, the transaction topic's `data_collections`); other text as it is.
   */
  holdsJson?: boolean;
  /**
   * Holds a date (`2026-01-05`) or a timestamp (`2026-01-05T09:00:00.000Z`) as text, which change
   * records write as their connector does (see `debezium-temporal-values`; MongoDB: a BSON date).
   */
  temporal?: 'date' | 'timestamp';
}
