import type { LogicalType } from '../model/logical-type';
import { logicalTypeOfSqlTypeName } from './import/sql-column-types';
import { physicalTypeParts } from './physical-type-size';

/**
 * The logical types a SQL column of each kind can hold as the contract means them. Text holds
 * anything written out, integers also hold booleans and epoch times (as Debezium sends them),
 * JSON holds any structure or text.
 */
const HELD_BY: Record<LogicalType, readonly LogicalType[]> = {
  string: ['string', 'integer', 'number', 'boolean', 'date', 'timestamp', 'time', 'object', 'array', 'map'],
  integer: ['integer', 'number', 'boolean', 'date', 'timestamp', 'time'],
  number: ['number', 'integer'],
  boolean: ['boolean', 'integer'],
  date: ['date'],
  timestamp: ['timestamp', 'date'],
  time: ['time'],
  object: ['object', 'array', 'map', 'string'],
  array: ['array'],
  map: ['map'],
};

/** The characters of the shortest ISO 8601 text of a date or time: `2024-05-01`, `09:30:00`, `2024-05-01T09:30:00`. */
const ISO_LENGTH: Partial<Record<LogicalType, number>> = { date: 10, time: 8, timestamp: 19 };

const NOUNS: Record<LogicalType, string> = {
  string: 'text',
  integer: 'integers',
  number: 'numbers',
  boolean: 'booleans',
  date: 'dates',
  timestamp: 'timestamps',
  time: 'times of day',
  object: 'objects',
  array: 'arrays',
  map: 'maps',
};

/**
 * Why a property's SQL `physicalType` cannot hold values of its `logicalType` (a date in
 * `VARCHAR(3)`, an integer in `DECIMAL(10,2)` is fine but not in `DATE`), or undefined when it
 * can or when the physical type is not a SQL type the app knows.
 */
export function physicalTypeMisfit(
  logicalType: LogicalType | undefined,
  physicalType: string | undefined,
): string | undefined {
  if (!logicalType || !physicalType) return undefined;
  const parts = physicalTypeParts(physicalType);
  const held = parts && logicalTypeOfSqlTypeName(parts.base);
  if (!parts || !held) return undefined;
  if (!HELD_BY[held].includes(logicalType)) {
    return `physicalType ${physicalType} holds ${NOUNS[held]}, not ${NOUNS[logicalType]} (logicalType ${logicalType})`;
  }
  const isoLength = ISO_LENGTH[logicalType];
  if (held === 'string' && isoLength !== undefined && parts.size !== undefined && parts.size < isoLength) {
    return `physicalType ${physicalType} holds ${parts.size} characters, too few for ${NOUNS[logicalType]}: ISO 8601 writes one in ${isoLength}`;
  }
  if (held === 'number' && logicalType === 'integer' && (parts.scale ?? 0) > 0) {
    return `physicalType ${physicalType} keeps ${parts.scale} digits after the point, which an integer never has`;
  }
  return undefined;
}
