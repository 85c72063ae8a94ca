import { logicalTypeOfSqlTypeName } from '../../contracts/import/sql-column-types';
import { fitsOracleDate, VALUE_NOUNS } from '../../contracts/physical-type-fit';
import {
  declaredLength,
  declaredSecondDigits,
  declaresInvalidSize,
  floatFormatOfType,
  isDecimalTypeName,
  isWiderFloatFormat,
  physicalTypeParts,
} from '../../contracts/physical-type-size';
import type { TypeDialect } from '../../contracts/server-record-format';
import { holdsUuids } from '../../contracts/uuid-strings';
import type { ContractProperty } from '../../model/contract';
import type { LogicalType } from '../../model/logical-type';
import { MAX_NUMERIC_PRECISION } from '../../model/table';
import { logicalTypeOptions } from '../../simulation/allowed-values';

/*
 * A column's PostgreSQL type. The contract's physicalType where it is a PostgreSQL type of the
 * property's logical type, in PostgreSQL's spelling: `VARCHAR(8)` → varchar(8), `DECIMAL(14, 2)`,
 * Oracle's `NUMBER(14,2)` or `DEC(14,2)` → numeric(14,2), `INT4` → integer, `BIGSERIAL` → bigint
 * (the column holds what the product writes: no sequence). Else the logical type's, a string's
 * `maxLength` making it varchar(n) (the smaller n where the physicalType gives another). Any
 * character type's length (`char(12)`, `NVARCHAR(12)`, `VARCHAR2(12)`) is varchar(n)'s, the
 * maxLength the JSON Schema gives it (declaredLength): char(n) would pad shorter texts with
 * blanks, which the product did not write. An unsigned 64-bit integer (`BIGINT UNSIGNED`,
 * `uint64`) is numeric(20,0), as bigint cannot hold its top half, and an integer of more digits
 * than bigint holds (`NUMBER(30,0)`) numeric(p,0). A string of format uuid, or of physicalType
 * `uuid` or `UNIQUEIDENTIFIER` (as the DDL import reads them), is a uuid, whatever its
 * lengths, which refuses any other text. A timestamp whose contract says `timezone: false`
 * is a timestamp (without time zone), which keeps the clock time it is given, where timestamptz would
 * read it in the session's zone; ODCS gives `timezone` no default, so without it the column is
 * timestamptz. A time is a time, and a timetz only where its contract says `timezone: true`, as
 * PostgreSQL discourages timetz (an offset without a date cannot follow daylight saving; the
 * export warns). Either keeps the digits of a second its physicalType declares (`TIMESTAMP(3)` →
 * timestamp(3), `DATETIME2(7)` → timestamp(6), as PostgreSQL keeps at most 6). Any other physicalType (`draw_status`, `SMALLINT[]`, `TIMESTAMP`) is another
 * database's or another type's, and the logical type decides.
 */

const LOGICAL_TYPES: Record<LogicalType, string> = {
  string: 'text',
  date: 'date',
  timestamp: 'timestamptz',
  time: 'time',
  number: 'numeric',
  integer: 'bigint',
  boolean: 'boolean',
  object: 'jsonb',
  array: 'jsonb',
  map: 'jsonb',
};

/** PostgreSQL's integer types by the names it accepts for them; a serial is its integer type and a sequence. */
const INTEGER_TYPES: ReadonlyMap<string, string> = new Map([
  ...['smallint', 'int2', 'smallserial', 'serial2'].map((name) => [name, 'smallint'] as const),
  ...['integer', 'int', 'int4', 'serial', 'serial4'].map((name) => [name, 'integer'] as const),
  ...['bigint', 'int8', 'bigserial', 'serial8'].map((name) => [name, 'bigint'] as const),
]);
/** Unsigned 64-bit integers (MySQL's, Protobuf's) reach 2^64 - 1, past bigint: numeric(20,0) holds them. */
const UNSIGNED_64_BIT = new Set(['bigint unsigned', 'uint64', 'fixed64']);
/** bigint holds every integer of up to 18 digits, and only some of 19. */
const BIGINT_DIGITS = 18;
/** The longest varchar PostgreSQL declares. */
const MAX_VARCHAR_LENGTH = 10_485_760;

/**
 * A property without a logical type may hold any value: jsonb holds any JSON value as it is. A float's
 * physicalType is read in `typeDialect`, its contract's servers' (typeDialectOfServers): MySQL's REAL is a double.
 */
export function postgresTypeOf(property: ContractProperty, typeDialect?: TypeDialect): string {
  const { logicalType } = property;
  if (logicalType === undefined) return 'jsonb';
  const parts = physicalPartsOf(property);
  switch (logicalType) {
    case 'string': {
      if (holdsUuids(property)) return 'uuid';
      const lengths = [declaredLengthOf(property), logicalTypeOptions(property)?.maxLength].filter(isVarcharLength);
      return lengths.length > 0 ? `varchar(${Math.min(...lengths)})` : 'text';
    }
    case 'number': {
      const digits = numericDigitsOf(parts);
      if (digits && isDeclarableNumeric(digits)) return `numeric(${digits.precision},${digits.scale})`;
      return binaryFloatTypeOf(parts, logicalTypeOptions(property)?.format, typeDialect) ?? 'numeric';
    }
    case 'integer': {
      if (parts && UNSIGNED_64_BIT.has(parts.base)) return 'numeric(20,0)';
      const digits = numericDigitsOf(parts);
      if (digits?.scale === 0 && digits.precision > BIGINT_DIGITS && isDeclarableNumeric(digits))
        return `numeric(${digits.precision},0)`;
      return (parts && parts.size === undefined && INTEGER_TYPES.get(parts.base)) || 'bigint';
    }
    case 'timestamp': {
      const type = logicalTypeOptions(property)?.timezone === false ? 'timestamp' : LOGICAL_TYPES.timestamp;
      return withSecondDigits(type, property);
    }
    case 'time':
      return withSecondDigits(isZonedTimeOfDay(property) ? 'timetz' : LOGICAL_TYPES.time, property);
    default:
      return LOGICAL_TYPES[logicalType];
  }
}

/** Whether the property is a time of day its contract says has a time zone: a timetz, which PostgreSQL discourages. */
export function isZonedTimeOfDay(property: ContractProperty): boolean {
  return property.logicalType === 'time' && logicalTypeOptions(property)?.timezone === true;
}

/** The most digits of a second PostgreSQL's time and timestamp types keep. */
const MAX_SECOND_DIGITS = 6;

/** A time or timestamp type with the digits of a second the property's physicalType declares, at most PostgreSQL's. */
function withSecondDigits(type: string, property: ContractProperty): string {
  const digits = declaredSecondDigitsOf(property);
  return digits === undefined ? type : `${type}(${Math.min(digits, MAX_SECOND_DIGITS)})`;
}

/** The digits of a second the physicalType declares where it is a type of the property's logical type, a time of day or a timestamp. */
function declaredSecondDigitsOf({ physicalType, logicalType }: ContractProperty): number | undefined {
  const declared = physicalType === undefined ? undefined : declaredSecondDigits(physicalType);
  const isOfLogicalType = declared?.isTimeOfDay ? logicalType === 'time' : logicalType === 'timestamp';
  return declared && isOfLogicalType ? declared.digits : undefined;
}

/** PostgreSQL's binary floating-point types by ODCS's float formats (Rust's float types). */
const FLOAT_FORMATS: Record<string, string> = { f64: 'double precision', f32: 'real' };
/** Whether a column type is a binary float, whose values are near the decimals written, not those exactly. */
export function isBinaryFloatType(type: string): boolean {
  return Object.values(FLOAT_FORMATS).includes(type);
}
/** The column types ODCS formats give, which a physicalType of another spelling does not change. */
const FORMAT_TYPES: Record<string, string> = { ...FLOAT_FORMATS, uuid: 'uuid' };

/**
 * The floating-point column a property's physicalType or ODCS format says, where a numeric would
 * hold a decimal of any scale instead of the binary float of 64 or 32 bits promised; the wider
 * where they differ, as a MySQL file's REAL is imported with format f64 (MySQL's REAL is a double).
 * A bare `float` is a double in PostgreSQL and SQL Server, and 32 bits in Avro and Protobuf, whose imports say so by format f32.
 */
function binaryFloatTypeOf(parts: PhysicalTypeParts, format: unknown, typeDialect?: TypeDialect): string | undefined {
  const named = parts && floatFormatOfType(parts, typeDialect);
  const stated = typeof format === 'string' && Object.hasOwn(FLOAT_FORMATS, format) ? format : undefined;
  const widest = named && stated && isWiderFloatFormat(stated, named) ? stated : (named ?? stated);
  if (widest) return FLOAT_FORMATS[widest];
  return parts?.base === 'float' ? 'double precision' : undefined;
}

/**
 * What PostgreSQL cannot declare of the type the property's physicalType names (`decimal(1200,2)`,
 * `varchar(20000000)`), so that its column takes the logical type's instead; undefined when it can.
 */
export function physicalTypeBeyondPostgres(property: ContractProperty): string | undefined {
  const parts = physicalPartsOf(property);
  const length = property.logicalType === 'string' ? declaredLengthOf(property) : undefined;
  if (length !== undefined && !isVarcharLength(length)) return `varchar takes 1 to ${MAX_VARCHAR_LENGTH} characters`;
  const digits = property.logicalType === 'number' ? numericDigitsOf(parts) : undefined;
  if (digits && !isDeclarableNumeric(digits))
    return `numeric takes 1 to ${MAX_NUMERIC_PRECISION} digits, no more of them decimals`;
  return undefined;
}

/** PostgreSQL's own names for the SQL types it spells otherwise, beside its integer and numeric names. */
const POSTGRES_SPELLINGS: ReadonlyMap<string, string> = new Map([
  ['character varying', 'varchar'],
  ['bool', 'boolean'],
  ['timestamp with time zone', 'timestamptz'],
  ['timestamp without time zone', 'timestamp'],
  ['time without time zone', 'time'],
  ['time with time zone', 'timetz'],
]);

/**
 * Why a column's type is not the SQL type the property's physicalType names (`varchar(8)` for a
 * date is a date column), for a comment on its line; undefined where it is that type in
 * PostgreSQL's spelling, or where the physicalType is no SQL type the app knows (an Avro type).
 */
export function physicalTypeNote(property: ContractProperty, typeDialect?: TypeDialect): string | undefined {
  const { physicalType, logicalType } = property;
  const secondDigits = declaredSecondDigitsOf(property);
  if (secondDigits !== undefined && secondDigits > MAX_SECOND_DIGITS)
    return `physicalType ${String(physicalType).trim()} as ${postgresTypeOf(property, typeDialect)}: PostgreSQL keeps at most ${MAX_SECOND_DIGITS} digits of a second`;
  const parts = physicalPartsOf(property);
  const heldType = parts && logicalTypeOfSqlTypeName(parts.base);
  if (!parts || !heldType || !logicalType) return undefined;
  const said = `physicalType ${String(physicalType).trim()}`;
  // Before comparing spellings: `int(max)` is spelt as the `integer` its column is, yet declares no size a database takes.
  if (declaresInvalidSize(parts))
    return `${said} declares an invalid size: the column takes logicalType ${logicalType}'s type`;
  const columnType = postgresTypeOf(property, typeDialect);
  if (columnType === postgresSpellingOf(parts, typeDialect)) return undefined;
  const beyondPostgres = physicalTypeBeyondPostgres(property);
  if (beyondPostgres) return `${said} is past PostgreSQL's limits (${beyondPostgres})`;
  const options = logicalTypeOptions(property) ?? {};
  if (heldType !== logicalType && !fitsOracleDate(heldType, logicalType, options)) {
    return `${said} holds ${VALUE_NOUNS[heldType]}: the column takes logicalType ${logicalType}'s type`;
  }
  const { maxLength, timezone, format } = options;
  if (typeof format === 'string' && Object.hasOwn(FORMAT_TYPES, format) && FORMAT_TYPES[format] === columnType)
    return `${said} as ${columnType}: format is ${format}`;
  if (columnType === 'uuid') return `${said} as uuid: both hold uuids`;
  if (typeof timezone === 'boolean' && (logicalType === 'timestamp' || logicalType === 'time'))
    return `${said} as ${columnType}: timezone is ${timezone}`;
  if (typeof maxLength === 'number' && varcharLengthOf(columnType) === maxLength && maxLength !== parts.size) {
    return `${said} as ${columnType}: maxLength is ${maxLength}`;
  }
  if (varcharLengthOf(columnType) !== undefined && parts.base.includes('char') && !parts.base.includes('var')) {
    return `${said} as ${columnType}: char pads shorter text with blanks the product did not write`;
  }
  return `${said} as ${columnType}: the column takes logicalType ${logicalType}'s type`;
}

function postgresSpellingOf(
  { base, size, scale, isMaxSize }: NonNullable<PhysicalTypeParts>,
  typeDialect: TypeDialect | undefined,
): string {
  // SQL Server's nvarchar(max) holds text of any length, as PostgreSQL's text does.
  if (isMaxSize && logicalTypeOfSqlTypeName(base) === 'string') return LOGICAL_TYPES.string;
  if (isDecimalTypeName(base)) return size === undefined ? 'numeric' : `numeric(${size},${scale ?? 0})`;
  const binaryFloat = binaryFloatTypeOf({ base, size, scale }, undefined, typeDialect);
  if (binaryFloat) return binaryFloat;
  const name = INTEGER_TYPES.get(base) ?? POSTGRES_SPELLINGS.get(base) ?? base;
  return size === undefined ? name : `${name}(${[size, scale].filter((n) => n !== undefined).join(',')})`;
}

type PhysicalTypeParts = ReturnType<typeof physicalTypeParts>;

function physicalPartsOf({ physicalType }: ContractProperty): PhysicalTypeParts {
  return physicalType === undefined ? undefined : physicalTypeParts(physicalType);
}

/** The n of a `varchar(n)`, `char(n)` or another character type's, whether PostgreSQL can declare it or not. */
function declaredLengthOf({ physicalType }: ContractProperty): number | undefined {
  return physicalType === undefined ? undefined : declaredLength(physicalType);
}

/** The p and s of a `numeric(p,s)`, whether PostgreSQL can declare it or not. */
function numericDigitsOf(parts: PhysicalTypeParts): { precision: number; scale: number } | undefined {
  return parts && isDecimalTypeName(parts.base) && parts.size !== undefined
    ? { precision: parts.size, scale: parts.scale ?? 0 }
    : undefined;
}

function isDeclarableNumeric({ precision, scale }: { precision: number; scale: number }): boolean {
  return precision >= 1 && precision <= MAX_NUMERIC_PRECISION && scale <= precision;
}

function isVarcharLength(length: unknown): length is number {
  return Number.isInteger(length) && (length as number) >= 1 && (length as number) <= MAX_VARCHAR_LENGTH;
}

/** A column type's name and the numbers in its parentheses: `numeric(14,2)` → numeric, 14, 2. */
export function columnTypeParts(type: string): { base: string; size?: number; scale?: number } {
  return physicalTypeParts(type) ?? { base: type };
}

/** The most characters a column of this type holds: n for varchar(n); undefined for others. */
export function varcharLengthOf(type: string): number | undefined {
  const { base, size } = columnTypeParts(type);
  return base === 'varchar' ? size : undefined;
}

/** The exact numbers a column type holds: digits after the point and before it, and an integer type's range; undefined for any. */
export interface ExactNumbers {
  scale?: number;
  wholeDigits?: number;
  range?: readonly [bigint, bigint];
}

const INTEGER_RANGES: Record<string, ExactNumbers> = {
  smallint: { scale: 0, wholeDigits: 5, range: [-(2n ** 15n), 2n ** 15n - 1n] },
  integer: { scale: 0, wholeDigits: 10, range: [-(2n ** 31n), 2n ** 31n - 1n] },
  bigint: { scale: 0, wholeDigits: 19, range: [-(2n ** 63n), 2n ** 63n - 1n] },
};

/** The numbers a column of an integer or numeric type holds; undefined for other types. */
export function exactNumbersOf(type: string): ExactNumbers | undefined {
  const { base, size, scale = 0 } = columnTypeParts(type);
  if (base !== 'numeric') return Object.hasOwn(INTEGER_RANGES, base) ? INTEGER_RANGES[base] : undefined;
  return size === undefined ? {} : { scale, wholeDigits: size - scale };
}
