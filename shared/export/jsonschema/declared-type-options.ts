import { declaredDigits, declaredLength, declaredRange } from '../../contracts/physical-type-size';
import { holdsUuids } from '../../contracts/uuid-strings';
import type { ContractProperty } from '../../model/contract';
import { logicalTypeOptions } from '../../simulation/allowed-values';

/*
 * A property's logicalTypeOptions tightened by what its physicalType declares, so that a record
 * the JSON Schema accepts is one a column of that type holds: `varchar(12)` → maxLength 12 (the
 * smaller of the two), `uuid` or `UNIQUEIDENTIFIER` → format uuid (where none is given), `decimal(p,s)` → exclusive bounds either side of zero, an integer type
 * (`SMALLINT`, `INT`, `uint32`) → the range it holds, where a JSON number holds that bound exactly. The scale is left
 * out: a binary float cannot say "at most s decimals" exactly (multipleOf 0.01 refuses 0.07).
 */

export function declaredTypeOptions(property: ContractProperty): Record<string, unknown> {
  const options = logicalTypeOptions(property) ?? {};
  const { logicalType, physicalType } = property;
  if (physicalType === undefined) return options;
  if (logicalType === 'string') {
    const length = declaredLength(physicalType);
    const withLength =
      length === undefined ? options : { ...options, maxLength: tighter(Math.min, options.maxLength, length) };
    return options.format === undefined && holdsUuids(property) ? { ...withLength, format: 'uuid' } : withLength;
  }
  if (logicalType !== 'number' && logicalType !== 'integer') return options;
  const digits = declaredDigits(physicalType);
  if (!digits && logicalType === 'integer') return withIntegerRange(options, physicalType);
  const magnitude = digits && refusedMagnitude(digits.precision, digits.scale);
  if (magnitude === undefined) return options;
  return {
    ...options,
    exclusiveMinimum: tighter(Math.max, options.exclusiveMinimum, -magnitude),
    exclusiveMaximum: tighter(Math.min, options.exclusiveMaximum, magnitude),
  };
}

/** The inclusive bounds of an integer type's range; a 64-bit one's are past what a JSON number holds exactly, and left out. */
function withIntegerRange(options: Record<string, unknown>, physicalType: string): Record<string, unknown> {
  const range = declaredRange(physicalType);
  if (!range) return options;
  const [smallest, largest] = [Number(range.smallest), Number(range.largest)];
  return {
    ...options,
    ...(Number.isSafeInteger(smallest) && { minimum: tighter(Math.max, options.minimum, smallest) }),
    ...(Number.isSafeInteger(largest) && { maximum: tighter(Math.min, options.maximum, largest) }),
  };
}

function tighter(pick: (a: number, b: number) => number, given: unknown, declared: number): number {
  return typeof given === 'number' && Number.isFinite(given) ? pick(given, declared) : declared;
}

/**
 * The least magnitude decimal(p,s) refuses: a value is rounded to s decimals first, so
 * numeric(5,2) refuses 999.995 (1000.00, past its 3 whole digits). None past what a JSON number holds.
 */
function refusedMagnitude(precision: number, scale: number): number | undefined {
  const magnitude = Number(`${'9'.repeat(precision - scale) || '0'}.${'9'.repeat(scale)}5`);
  return Number.isFinite(magnitude) ? magnitude : undefined;
}

/** One name for each integer range the export writes as bounds, as PostgreSQL declares it where it has the type. */
const RANGED_INTEGER_TYPES = ['smallint', 'integer', 'uint32'];

const IS_LOWER_BOUND: Record<string, boolean> = {
  minimum: true,
  exclusiveMinimum: true,
  maximum: false,
  exclusiveMaximum: false,
};

/**
 * The physicalType whose bounds `options` restate, as `declaredTypeOptions` writes them, and the
 * options left beside it (the user's own, tighter than the type's); none where they restate no type,
 * as where only a bound of 0 is the type's (uint32's `minimum`).
 * A number's `exclusiveMaximum: 99999999.995` is `numeric(10,2)`, an integer's -32768 to 32767 `smallint`.
 */
export function restatedPhysicalType(
  logicalType: ContractProperty['logicalType'],
  options: Record<string, unknown>,
): { physicalType: string; options: Record<string, unknown> } | undefined {
  if (logicalType !== 'number' && logicalType !== 'integer') return undefined;
  const decimals = [options.exclusiveMaximum, options.exclusiveMinimum].flatMap(decimalRefusing);
  const candidates = [...new Set(decimals), ...(logicalType === 'integer' ? RANGED_INTEGER_TYPES : [])];
  for (const physicalType of candidates) {
    const declared = declaredTypeOptions({
      name: '',
      logicalType,
      physicalType,
      required: false,
      unique: false,
      primaryKey: false,
    });
    const bounds = Object.entries(declared);
    const isWithin = ([name, bound]: [string, unknown]) => {
      const given = options[name];
      if (typeof given !== 'number' || typeof bound !== 'number') return false;
      return IS_LOWER_BOUND[name] ? given >= bound : given <= bound;
    };
    // A bound of 0 is no sign of a type: a count or a score of 0 to 100 is no uint32 that the user narrowed.
    const restatesType = ([name, bound]: [string, unknown]) => options[name] === bound && bound !== 0;
    if (bounds.length === 0 || !bounds.every(isWithin) || !bounds.some(restatesType)) continue;
    const own = Object.entries(options).filter(([name, given]) => declared[name] !== given);
    return { physicalType, options: Object.fromEntries(own) };
  }
  return undefined;
}

/** The `numeric(p,s)` whose least refused magnitude (`refusedMagnitude`) `bound` is, written as the export writes it. */
function decimalRefusing(bound: unknown): string[] {
  if (typeof bound !== 'number') return [];
  const digits = /^(9+|0)\.(9*)5$/.exec(String(Math.abs(bound)));
  if (!digits) return [];
  const [, whole = '', fraction = ''] = digits;
  const scale = fraction.length;
  return [`numeric(${(whole === '0' ? 0 : whole.length) + scale},${scale})`];
}
