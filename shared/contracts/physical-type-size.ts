import type { TypeDialect } from './server-record-format';

/** How a declared size changed; `perhaps narrowed` when a side leaves it to the database, and some database keeps less. */
export type PhysicalSizeChange = 'narrowed' | 'perhaps narrowed' | 'widened';

/**
 * Whether a column's declared size shrank or grew between two physical types of one family,
 * whatever the spelling: a new type that cannot hold every value of the old one refuses data it
 * held (SQL Server's `max` holds any length, a `double` every `real`). Undefined when the two cannot
 * be compared (another family, no size) or when they hold the same values. A float is read in
 * `dialect`, as floatFormatOfType and oracleFloatDigits read it.
 */
export function physicalSizeChange(
  previous: string,
  next: string,
  dialect?: TypeDialect,
): PhysicalSizeChange | undefined {
  const before = sizedTypeOf(previous, dialect);
  const after = sizedTypeOf(next, dialect);
  if (!before || !after || before.family !== after.family) return undefined;
  if (!holdsAll(after, before)) return mayHoldAll(after, before) ? 'perhaps narrowed' : 'narrowed';
  return holdsAll(before, after) ? undefined : 'widened';
}

/**
 * The SQL standard's character types and their vendors' kin, compared by length alone (a
 * character set, `nvarchar`'s Unicode, is no size).
 */
const LENGTH_TYPES = new Set([
  'char',
  'character',
  'nchar',
  'national char',
  'national character',
  'varchar',
  'char varying',
  'character varying',
  'nvarchar',
  'nchar varying',
  'national char varying',
  'national character varying',
  'varchar2',
  'nvarchar2',
]);
/**
 * Character types that declare no length and hold text of any: PostgreSQL's and SQLite's `text`,
 * Oracle's `clob`, the `string` of Avro, Protobuf, Spark and BigQuery, SQL Server's `ntext`, MySQL's
 * `longtext` and `mediumtext` (gigabytes). Not a bare `varchar` (SQL Server's is varchar(1)), nor
 * MySQL's `tinytext` (255 bytes).
 */
const UNBOUNDED_TEXT_TYPES = new Set(['text', 'ntext', 'clob', 'nclob', 'string', 'longtext', 'mediumtext']);
/** Exact numbers of p digits, s of them after the point: SQL's `decimal`, `dec` and `numeric`, Oracle's `number`. */
const DECIMAL_TYPES = new Set(['decimal', 'dec', 'numeric', 'number']);

/** Whether a physical type's name (as physicalTypeParts gives it) is one of an exact decimal's: `numeric`, `decimal`, `dec`, `number`. */
export function isDecimalTypeName(base: string): boolean {
  return DECIMAL_TYPES.has(base);
}
/**
 * The binary digits of each ODCS float format (Rust's float types, IEEE 754's single and double),
 * as SQL's `float(p)` counts them: p up to 24 is a 32-bit float, up to 53 a 64-bit one.
 */
const FLOAT_FORMAT_DIGITS = { f32: 24, f64: 53 } as const;
type FloatFormat = keyof typeof FLOAT_FORMAT_DIGITS;
const FLOAT_FORMATS_NARROWEST_FIRST: readonly FloatFormat[] = ['f32', 'f64'];

/** Oracle's IEEE floats, the only binary floats Oracle has (its FLOAT, REAL and DOUBLE PRECISION are NUMBERs). */
const ORACLE_FLOAT_FORMATS: ReadonlyMap<string, FloatFormat> = new Map([
  ['binary_double', 'f64'],
  ['binary_float', 'f32'],
]);
/** Binary floats by the names that say their width in every database and format, as ODCS's format. */
const FLOAT_FORMATS: ReadonlyMap<string, FloatFormat> = new Map([
  ...['double precision', 'double', 'float8', 'float64'].map((name) => [name, 'f64'] as const),
  ...['real', 'float4', 'float32'].map((name) => [name, 'f32'] as const),
  ...ORACLE_FLOAT_FORMATS,
]);
/** MySQL's own widths where they differ: its REAL is a DOUBLE unless the REAL_AS_FLOAT SQL mode is on. */
const MYSQL_FLOAT_FORMATS: ReadonlyMap<string, FloatFormat> = new Map([...FLOAT_FORMATS, ['real', 'f64']]);
/**
 * MySQL's deprecated FLOAT(M,D), DOUBLE(M,D) and REAL(M,D), the only floats any database declares
 * with a scale: M and D round the values it stores, the float keeps its bits (FLOAT 32, DOUBLE and REAL 64).
 */
const MYSQL_SCALED_FLOAT_FORMATS: ReadonlyMap<string, FloatFormat> = new Map([
  ['float', 'f32'],
  ...['double', 'double precision', 'real'].map((name) => [name, 'f64'] as const),
]);

/**
 * The ODCS format of the binary float a physical type (its parts, as physicalTypeParts gives them)
 * says: `double` → f64, `real` → f32, and `float(p)` the narrowest of p binary digits, as
 * PostgreSQL, SQL Server and MySQL store it (`float(24)` f32, `float(53)` f64). A bare `float` is 64
 * bits in PostgreSQL and SQL Server (32 in MySQL) and 32 in Avro and Protobuf, so it says f32 only
 * in MySQL and in the record format of those the contract's servers store its data in, and no width
 * otherwise. MySQL's REAL is its DOUBLE, f64, as are its DOUBLE(M,D) and REAL(M,D), whatever the
 * servers (no other database declares them); its FLOAT(M,D) f32. In Oracle only BINARY_FLOAT (f32)
 * and BINARY_DOUBLE (f64), as its FLOAT, REAL and DOUBLE PRECISION are NUMBERs (oracleFloatDigits).
 */
export function floatFormatOfType(
  { base, size, scale }: { base: string; size?: number; scale?: number },
  dialect?: TypeDialect,
): FloatFormat | undefined {
  if (dialect === 'oracle') return size === undefined ? ORACLE_FLOAT_FORMATS.get(base) : undefined;
  if (size !== undefined && scale !== undefined) return MYSQL_SCALED_FLOAT_FORMATS.get(base);
  if (base === 'float' && size !== undefined) {
    // MySQL's FLOAT(0) is a 32-bit float too.
    return FLOAT_FORMATS_NARROWEST_FIRST.find((format) => size >= 0 && size <= FLOAT_FORMAT_DIGITS[format]);
  }
  if (size !== undefined) return undefined;
  if (base === 'float' && dialect !== undefined) return 'f32';
  return (dialect === 'mysql' ? MYSQL_FLOAT_FORMATS : FLOAT_FORMATS).get(base);
}

/** Oracle's FLOAT(p) keeps p binary digits, 1 to 126, of a NUMBER; FLOAT is FLOAT(126), REAL FLOAT(63), DOUBLE PRECISION FLOAT(126). */
const ORACLE_FLOAT_DIGITS: ReadonlyMap<string, number> = new Map([
  ['float', 126],
  ['double precision', 126],
  ['real', 63],
]);
const ORACLE_MOST_FLOAT_DIGITS = 126;

/** The binary digits an Oracle float type (its parts, as physicalTypeParts gives them) keeps: `FLOAT(53)` 53, `REAL` 63. */
function oracleFloatDigits({ base, size, scale }: { base: string; size?: number; scale?: number }): number | undefined {
  if (size === undefined) return ORACLE_FLOAT_DIGITS.get(base);
  return base === 'float' && scale === undefined && size >= 1 && size <= ORACLE_MOST_FLOAT_DIGITS ? size : undefined;
}

/** Whether `format` is an ODCS float format of more digits than `than` (f64 than f32): it holds every value and more. */
export function isWiderFloatFormat(format: unknown, than: unknown): boolean {
  return isFloatFormat(format) && isFloatFormat(than) && FLOAT_FORMAT_DIGITS[format] > FLOAT_FORMAT_DIGITS[than];
}

function isFloatFormat(value: unknown): value is FloatFormat {
  return typeof value === 'string' && Object.hasOwn(FLOAT_FORMAT_DIGITS, value);
}
/** Every integer of `bits` bits, signed or not. */
function integersOf(bits: number, isSigned: boolean): { smallest: bigint; largest: bigint } {
  if (!isSigned) return { smallest: 0n, largest: 2n ** BigInt(bits) - 1n };
  const largest = 2n ** BigInt(bits - 1) - 1n;
  return { smallest: -largest - 1n, largest };
}

/**
 * The exact integers, by the range every format that names them gives: SQL's, Avro's (`long`) and
 * Protobuf's, so that a contract imported from any of them compares with one from another, with
 * PostgreSQL's byte-count names and serials. `tinyint` is left out: it is -128..127 in MySQL but
 * 0..255 in SQL Server; `int8` too, 64 bits in PostgreSQL but 8 in ClickHouse; and `serial`, a
 * PostgreSQL integer but MySQL's unsigned bigint.
 */
const INTEGER_RANGES: ReadonlyMap<string, { smallest: bigint; largest: bigint }> = new Map([
  ...['smallint', 'int2', 'smallserial', 'serial2'].map((name) => [name, integersOf(16, true)] as const),
  ...['int', 'integer', 'int4', 'serial4', 'int32', 'sint32', 'sfixed32'].map(
    (name) => [name, integersOf(32, true)] as const,
  ),
  ...['bigint', 'bigserial', 'serial8', 'long', 'int64', 'sint64', 'sfixed64'].map(
    (name) => [name, integersOf(64, true)] as const,
  ),
  ...['uint32', 'fixed32'].map((name) => [name, integersOf(32, false)] as const),
  ...['uint64', 'fixed64'].map((name) => [name, integersOf(64, false)] as const),
]);

/**
 * The most characters a `varchar(n)`, `char(n)` or `nvarchar(n)` holds: n. None without a size, with
 * `max`, or for a type that takes none (`text`). SQL Server counts bytes (varchar) or UTF-16 units (nvarchar), never
 * fewer than characters, so n bounds the characters in every dialect.
 */
export function declaredLength(physicalType: string): number | undefined {
  const sized = sizedTypeOf(physicalType);
  return sized?.family === 'text' && Number.isFinite(sized.length) ? sized.length : undefined;
}

/**
 * The smallest and largest number an exact type (`smallint`, `integer`, `bigint`, `decimal(p,s)`)
 * holds, written out in full: `smallint` -32768 to 32767, `decimal(5,2)` -999.99 to 999.99. None for
 * other types. Text, as `decimal(18,8)`'s 9999999999.99999999 is no JavaScript number.
 */
export function declaredRange(physicalType: string): { smallest: string; largest: string } | undefined {
  const sized = sizedTypeOf(physicalType);
  if (sized?.family !== 'exact') return undefined;
  const fraction = sized.fractionDigits === 0 ? '' : `.${'9'.repeat(sized.fractionDigits)}`;
  // A decimal reaches as far below zero as above it, also when its whole part is 0 (decimal(3,3): -0.999).
  const smallest = fraction === '' ? `${sized.smallest}` : `-${sized.largest}${fraction}`;
  return { smallest, largest: `${sized.largest}${fraction}` };
}

/**
 * A length, the exact numbers a type holds (up to `largest` in magnitude before the point, and
 * `fractionDigits` after it), or the digits of a second a time type keeps: `fewest` to `most`
 * across databases, and `unwrittenIn` the type's name when they are its default.
 */
type SizedType =
  /** A `max` length, or none (`text`), is Infinity: longer than any declared one. */
  | { family: 'text'; length: number }
  | { family: 'exact'; smallest: bigint; largest: bigint; fractionDigits: number }
  /** A float's binary digits: an IEEE float's significand (24 of a real), or those of Oracle's FLOAT(p), p. */
  | { family: 'binary float'; binaryDigits: number }
  | { family: TimeFamily; secondDigits: { fewest: number; most: number }; unwrittenIn?: string };

function holdsAll(outer: SizedType, inner: SizedType): boolean {
  if (outer.family === 'text') return inner.family === 'text' && outer.length >= inner.length;
  if (outer.family === 'exact') {
    return (
      inner.family === 'exact' &&
      outer.fractionDigits >= inner.fractionDigits &&
      outer.smallest <= inner.smallest &&
      outer.largest >= inner.largest
    );
  }
  if (outer.family === 'binary float')
    return inner.family === 'binary float' && outer.binaryDigits >= inner.binaryDigits;
  if (!('secondDigits' in inner) || inner.family !== outer.family) return false;
  // One type's default is the same in the one database that runs it, whatever that is.
  const isSameDefault = outer.unwrittenIn !== undefined && outer.unwrittenIn === inner.unwrittenIn;
  return isSameDefault || outer.secondDigits.fewest >= inner.secondDigits.most;
}

/** Whether in some database the outer type holds every value of the inner one. */
function mayHoldAll(outer: SizedType, inner: SizedType): boolean {
  if (!('secondDigits' in outer) || !('secondDigits' in inner)) return holdsAll(outer, inner);
  return outer.secondDigits.most >= inner.secondDigits.fewest;
}

/**
 * A physical type's name (lower case, single spaces) and the size and scale it gives: `NUMERIC(14, 2)` → numeric, 14, 2.
 * SQL Server's `max` (`nvarchar(max)`) declares no length but the largest the type holds: `isMaxSize`.
 * A negative size is read (`varchar(-3)`), so that the check can call it invalid; no size below 0 is any type's.
 */
export function physicalTypeParts(
  physicalType: string,
): { base: string; size?: number; scale?: number; isMaxSize?: true } | undefined {
  // Oracle says whether a length counts characters or bytes: `VARCHAR2(12 CHAR)`, `VARCHAR2(40 BYTE)`.
  const match =
    /^\s*([a-z][a-z0-9_ ]*?)\s*(?:\(\s*(?:(-?\d+)\s*(?:,\s*(-?\d+)\s*|(?:char|byte)\s*)?|(max)\s*)\))?\s*$/i.exec(
      physicalType,
    );
  if (!match) return undefined;
  const base = (match[1] as string).toLowerCase().replace(/\s+/g, ' ');
  if (match[4] !== undefined) return { base, isMaxSize: true };
  const [size, scale] = [match[2], match[3]].map((digits) => (digits === undefined ? undefined : Number(digits)));
  return { base, size, scale };
}

/** Times of day and points in time, with a time zone or without: a change between two is of type, not of size. */
type TimeFamily = 'time of day' | 'time of day with zone' | 'timestamp' | 'timestamp with zone';

/**
 * Types whose size is the digits of a second's fraction, which may be none (`datetime2(0)` counts
 * whole seconds), and the digits each keeps without a size: those a database gives it by default,
 * from the fewest to the most among the databases that name it. `time` and `timestamp` keep none
 * in MySQL, 6 in PostgreSQL, 7 (`time`) in SQL Server, 9 in Snowflake; `datetime` none in MySQL and
 * SQL Server's steps of 1/300 s within 3; the names only SQL Server or PostgreSQL gives, their default.
 */
const FRACTIONAL_SECOND_TYPES: ReadonlyMap<string, { family: TimeFamily; fewest: number; most: number }> = new Map([
  ['time', { family: 'time of day', fewest: 0, most: 9 }],
  ['timetz', { family: 'time of day with zone', fewest: 6, most: 6 }],
  ['timestamp', { family: 'timestamp', fewest: 0, most: 9 }],
  ['datetime', { family: 'timestamp', fewest: 0, most: 3 }],
  ['datetime2', { family: 'timestamp', fewest: 7, most: 7 }],
  ['timestamptz', { family: 'timestamp with zone', fewest: 6, most: 6 }],
  ['datetimeoffset', { family: 'timestamp with zone', fewest: 7, most: 7 }],
]);

/** SQL Server's variable-length types and their synonyms, the only ones that take `max` for a size. */
const MAX_SIZED_TYPES = new Set([
  'varchar',
  'char varying',
  'character varying',
  'nvarchar',
  'national char varying',
  'national character varying',
  'varbinary',
  'binary varying',
]);

/** What a `max` size says is wrong, for a check's message. */
export const MAX_SIZE_RULE = 'only varchar, nvarchar and varbinary take max';

/**
 * Whether a type declares a size no SQL database takes: a length or precision below 1, a second's
 * fraction below 0 digits, `max` on a type other than SQL Server's varchar, nvarchar and varbinary.
 */
export function declaresInvalidSize({
  base,
  size,
  isMaxSize,
}: {
  base: string;
  size?: number;
  isMaxSize?: true;
}): boolean {
  if (isMaxSize) return !MAX_SIZED_TYPES.has(base);
  if (size === undefined) return false;
  return size < (FRACTIONAL_SECOND_TYPES.has(base) ? 0 : 1);
}

/**
 * The digits of a second a time type keeps, whatever the spelling: SQL's `timestamp(3) with time
 * zone` is PostgreSQL's `timestamptz(3)`, as is Oracle's `timestamp(3) with local time zone` (a
 * moment, read in the session's zone); `time without time zone` is `time`.
 */
function timeTypeOf(physicalType: string): SizedType | undefined {
  const zoned = /^\s*(time|timestamp)\s*(\(\s*-?\d+\s*\))?\s+(with|without)\s+(?:local\s+)?time\s+zone\s*$/i.exec(
    physicalType,
  );
  const spelt = zoned ? `${zoned[1]}${zoned[3]?.toLowerCase() === 'with' ? 'tz' : ''}${zoned[2] ?? ''}` : physicalType;
  const parts = physicalTypeParts(spelt);
  const defaults =
    parts && parts.scale === undefined && !parts.isMaxSize ? FRACTIONAL_SECOND_TYPES.get(parts.base) : undefined;
  if (!parts || !defaults || (parts.size ?? 0) < 0) return undefined;
  const { family, fewest, most } = defaults;
  if (parts.size === undefined) return { family, secondDigits: { fewest, most }, unwrittenIn: parts.base };
  return { family, secondDigits: { fewest: parts.size, most: parts.size } };
}

/**
 * The digits of a second a time type's physicalType declares (`timestamp(3)`, `datetime2(7)`,
 * `time(0) with time zone`), and whether it is a time of day; undefined where it declares none.
 */
export function declaredSecondDigits(physicalType: string): { digits: number; isTimeOfDay: boolean } | undefined {
  const time = timeTypeOf(physicalType);
  if (!time || !('secondDigits' in time) || time.unwrittenIn !== undefined) return undefined;
  return { digits: time.secondDigits.most, isTimeOfDay: time.family.startsWith('time of day') };
}

function sizedTypeOf(physicalType: string, dialect?: TypeDialect): SizedType | undefined {
  const time = timeTypeOf(physicalType);
  if (time) return time;
  const parts = physicalTypeParts(physicalType);
  if (!parts) return undefined;
  const { base, size, scale, isMaxSize } = parts;
  if (isMaxSize) return LENGTH_TYPES.has(base) ? { family: 'text', length: Number.POSITIVE_INFINITY } : undefined;
  const floatFormat = floatFormatOfType(parts, dialect);
  const oracleDigits = dialect === 'oracle' ? oracleFloatDigits(parts) : undefined;
  const floatDigits = floatFormat ? FLOAT_FORMAT_DIGITS[floatFormat] : oracleDigits;
  if (floatDigits !== undefined) return { family: 'binary float', binaryDigits: floatDigits };
  if (size === undefined && UNBOUNDED_TEXT_TYPES.has(base)) return { family: 'text', length: Number.POSITIVE_INFINITY };
  const integers = INTEGER_RANGES.get(base);
  if (integers !== undefined && size === undefined) return { family: 'exact', ...integers, fractionDigits: 0 };
  if (size === undefined || size < 0 || (scale ?? 0) < 0) return undefined;
  if (LENGTH_TYPES.has(base) && scale === undefined) return { family: 'text', length: size };
  const digits = declaredDigits(physicalType);
  if (!digits) return undefined;
  // decimal(p,s) holds whole parts up to 10^(p-s) - 1 either side of zero.
  const largest = 10n ** BigInt(digits.precision - digits.scale) - 1n;
  return { family: 'exact', smallest: -largest, largest, fractionDigits: digits.scale };
}

/** The digits a `decimal(p,s)` (`numeric`, `dec`, Oracle's `number`) declares: p in all, s of them after the point. None without p, or with s past it. */
export function declaredDigits(physicalType: string): { precision: number; scale: number } | undefined {
  const parts = physicalTypeParts(physicalType);
  if (!parts || !isDecimalTypeName(parts.base) || parts.size === undefined) return undefined;
  const scale = parts.scale ?? 0;
  return scale >= 0 && scale <= parts.size ? { precision: parts.size, scale } : undefined;
}
