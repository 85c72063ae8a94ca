import type { LogicalType } from '../model/logical-type';
import { logicalTypeOfSqlTypeName } from './import/sql-column-types';
import { isIsoFormat } from './iso-time-bound';
import { declaresInvalidSize, MAX_SIZE_RULE, physicalTypeParts } from './physical-type-size';

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

/** What values of each logical type are called in messages: `holds text`, `holds numbers`. */
export const VALUE_NOUNS: Record<LogicalType, string> = {
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
 * can or when the physical type is not a SQL type the app knows. `options` are the property's
 * logicalTypeOptions: a declared `format` sets the length of a date in text, and `timezone: false`
 * lets a DATE hold timestamps (fitsOracleDate).
 */
export function physicalTypeMisfit(
  logicalType: LogicalType | undefined,
  physicalType: string | undefined,
  options: { format?: unknown; timezone?: unknown } = {},
): string | undefined {
  if (!logicalType || !physicalType) return undefined;
  const parts = physicalTypeParts(physicalType);
  const held = parts && logicalTypeOfSqlTypeName(parts.base);
  if (!parts || !held) return undefined;
  if (declaresInvalidSize(parts)) {
    const [size, rule] = parts.isMaxSize ? ['max', MAX_SIZE_RULE] : [parts.size, 'a length or precision is at least 1'];
    return `physicalType ${physicalType} declares an invalid size, ${size}: ${rule}`;
  }
  if (held === 'integer' && logicalType === 'number') {
    return `physicalType ${physicalType} holds integers only: a number’s decimals are lost (logicalType number)`;
  }
  if (!HELD_BY[held].includes(logicalType) && !fitsOracleDate(held, logicalType, options)) {
    return `physicalType ${physicalType} holds ${VALUE_NOUNS[held]}, not ${VALUE_NOUNS[logicalType]} (logicalType ${logicalType})`;
  }
  const written = held === 'string' ? writtenLength(logicalType, options.format) : undefined;
  if (written && parts.size !== undefined && parts.size < written.length) {
    return `physicalType ${physicalType} holds ${parts.size} characters, too few for ${VALUE_NOUNS[logicalType]}: ${written.by} writes one in ${written.length}`;
  }
  if (held === 'number' && logicalType === 'integer' && (parts.scale ?? 0) > 0) {
    return `physicalType ${physicalType} keeps ${parts.scale} digits after the point, which an integer never has`;
  }
  return undefined;
}

/**
 * Oracle's DATE holds a time of day too, to the second: a timestamp without time zone fits it,
 * as the SQL import of an Oracle file writes it (`held` is the type's, as SQL_TYPES reads DATE).
 */
export function fitsOracleDate(held: LogicalType, logicalType: LogicalType, options: { timezone?: unknown }): boolean {
  return held === 'date' && logicalType === 'timestamp' && options.timezone === false;
}

/**
 * How many characters a date or time takes as text: ISO 8601's shortest, or that of its declared
 * `format` where every field has a fixed width (`yyyyMMdd`: 8); none for a format that varies
 * (`d MMMM yyyy`), which is not judged.
 */
function writtenLength(logicalType: LogicalType, format: unknown): { length: number; by: string } | undefined {
  const isoLength = ISO_LENGTH[logicalType];
  if (isoLength === undefined) return undefined;
  if (isIsoFormat(format)) return { length: isoLength, by: 'ISO 8601' };
  const length = fixedFormatLength(format as string);
  return length === undefined ? undefined : { length, by: `format ${format}` };
}

/** DateTimeFormatter fields that always write the same number of characters; a run of S writes as many fraction digits. */
const FIXED_FIELDS = new Set(['yyyy', 'uuuu', 'yy', 'uu', 'MM', 'dd', 'DDD', 'HH', 'hh', 'mm', 'ss']);

/** The characters every value a DateTimeFormatter pattern writes has, if the same for all: quoted text and symbols count as written. */
function fixedFormatLength(format: string): number | undefined {
  let length = 0;
  for (const [token] of format.matchAll(/'(?:[^']|'')*'|([A-Za-z])\1*|./g)) {
    if (token.startsWith("'")) length += token === "''" ? 1 : token.slice(1, -1).replaceAll("''", "'").length;
    else if (/^[A-Za-z]/.test(token)) {
      if (!FIXED_FIELDS.has(token) && !/^S+$/.test(token)) return undefined;
      length += token.length;
    } else length += 1;
  }
  return length;
}
