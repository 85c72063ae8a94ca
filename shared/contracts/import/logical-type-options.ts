import type { LogicalType } from '../../model/logical-type';
import { floatFormatOfType } from '../physical-type-size';

/*
 * The `logicalTypeOptions` ODCS v3 allows for each logical type (SchemaBaseProperty in the
 * official schemas, the same in 3.1.0 and 3.2.0; each set is closed: an option of another
 * type makes the contract invalid), so importers keep a source's bounds where ODCS can say them.
 */
const BOUNDS = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'] as const;
const OPTIONS: Record<LogicalType, readonly string[]> = {
  string: ['minLength', 'maxLength', 'pattern', 'format'],
  date: ['format', ...BOUNDS],
  timestamp: ['format', ...BOUNDS, 'timezone', 'defaultTimezone'],
  time: ['format', ...BOUNDS, 'timezone', 'defaultTimezone'],
  integer: ['multipleOf', ...BOUNDS, 'format'],
  number: ['multipleOf', ...BOUNDS, 'format'],
  object: ['minProperties', 'maxProperties'],
  array: ['minItems', 'maxItems', 'uniqueItems'],
  boolean: [],
  map: [],
};

/** Whether ODCS has the option `name` for `logicalType`. */
export function isOptionOf(logicalType: LogicalType, name: string): boolean {
  return OPTIONS[logicalType].includes(name);
}

/** ODCS's formats of integers: Rust's integer types. */
const INTEGER_FORMATS: Record<string, string> = {
  int8: 'i8',
  int16: 'i16',
  int32: 'i32',
  int64: 'i64',
  uint8: 'u8',
  uint16: 'u16',
  uint32: 'u32',
  uint64: 'u64',
};

/** ODCS's format of a source's number type (`double` → f64, `int64` → i64), if it has one. */
export function numberFormatOf(logicalType: LogicalType, typeName: string): string | undefined {
  if (logicalType === 'integer')
    return Object.hasOwn(INTEGER_FORMATS, typeName) ? INTEGER_FORMATS[typeName] : undefined;
  // A source's `float` is 32 bits, as Avro's (Protobuf's, JSON Schema's format) is.
  return logicalType === 'number' ? floatFormatOfType({ base: typeName }, 'avro') : undefined;
}

/**
 * The options of `candidates` that ODCS has for `logicalType`, and the names of those it has
 * not (for the importer to report). Number formats are translated (`int64` → `i64`).
 */
export function logicalTypeOptions(
  logicalType: LogicalType,
  candidates: Record<string, unknown>,
): { options: Record<string, unknown>; unmapped: string[] } {
  const options: Record<string, unknown> = {};
  const unmapped: string[] = [];
  for (const [name, value] of Object.entries(candidates)) {
    if (value === undefined) continue;
    const translated =
      name === 'format' && isNumberType(logicalType) ? numberFormatOf(logicalType, String(value)) : value;
    const isAllowed = isOptionOf(logicalType, name) && translated !== undefined;
    const isDateBound = ['date', 'timestamp', 'time'].includes(logicalType) && typeof translated !== 'string';
    if (isAllowed && !(isDateBound && name !== 'timezone')) options[name] = translated;
    else unmapped.push(name);
  }
  return { options, unmapped };
}

function isNumberType(logicalType: LogicalType): boolean {
  return logicalType === 'integer' || logicalType === 'number';
}
