import type { LogicalType } from '../../model/logical-type';

/*
 * An unsigned integer type (MySQL's `INT UNSIGNED`, Protobuf's `uint32`) holds 0 to 2^bits − 1:
 * imported as ODCS bounds, so a contract says what the logical type `integer` alone does not.
 */

export interface UnsignedBounds {
  minimum: number;
  maximum?: number;
}

/**
 * The bounds of an unsigned integer of `bits` bits (of an unsigned type of unknown width, its
 * minimum). The maximum only where a JSON number holds it exactly: 2^64 − 1 is not, and would be
 * written rounded, so a 64-bit type gives its minimum only, as a CHECK bound beyond 2^53 is not
 * imported; its physicalType (`BIGINT UNSIGNED`, `uint64`) still tells the whole range.
 */
export function unsignedBounds(bits: number | undefined): UnsignedBounds {
  const maximum = bits === undefined ? undefined : 2 ** bits - 1;
  return { minimum: 0, ...(maximum !== undefined && Number.isSafeInteger(maximum) && { maximum }) };
}

/** MySQL's integer types by their width, as sql-column-types names them. */
const MYSQL_INTEGER_BITS: Record<string, number> = {
  TINYINT: 8,
  SMALLINT: 16,
  INT2: 16,
  MEDIUMINT: 24,
  INT: 32,
  INTEGER: 32,
  INT4: 32,
  BIGINT: 64,
  INT8: 64,
};

/**
 * The bounds a SQL column type's `UNSIGNED` sets (MySQL): an integer's range, a decimal's or
 * float's minimum 0; none for a signed type. SQL Server's `tinyint` is unsigned without saying so.
 */
export function sqlUnsignedBounds(
  type: { physicalType: string; baseName: string; logicalType: LogicalType | undefined },
  isSqlServer: boolean,
): UnsignedBounds | undefined {
  const isUnsigned = /\bUNSIGNED\b/.test(type.physicalType) || (isSqlServer && type.baseName === 'TINYINT');
  if (!isUnsigned) return undefined;
  if (type.logicalType === 'integer') return unsignedBounds(MYSQL_INTEGER_BITS[type.baseName]);
  return type.logicalType === 'number' ? { minimum: 0 } : undefined;
}

/** Protobuf's unsigned scalar types by their width. */
const PROTOBUF_UNSIGNED_BITS: Record<string, number> = { uint32: 32, fixed32: 32, uint64: 64, fixed64: 64 };

export function protobufUnsignedBounds(scalar: string): UnsignedBounds | undefined {
  const bits = PROTOBUF_UNSIGNED_BITS[scalar];
  return bits === undefined ? undefined : unsignedBounds(bits);
}
