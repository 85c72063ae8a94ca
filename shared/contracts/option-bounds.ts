import type { ContractProperty } from '../model/contract';
import type { LogicalType } from '../model/logical-type';
import { compareTimePoints, isIsoFormat, isoDateOf, isoTimestampOf, type TimePoint } from './iso-time-bound';

/** A lower and an upper bound of a property's `logicalTypeOptions` that leave no value between them. */
export interface EmptyBounds {
  lower: { option: string; value: number | string };
  upper: { option: string; value: number | string };
  /** What the bounds bound, as a message names it: `length`, `integer`, `date`. */
  noun: string;
}

/** Bounds of a count (the ODCS schema makes them integers): the value must be at least the min and at most the max. */
const COUNT_BOUNDS: Partial<Record<LogicalType, { lower: string; upper: string; noun: string }>> = {
  string: { lower: 'minLength', upper: 'maxLength', noun: 'length' },
  array: { lower: 'minItems', upper: 'maxItems', noun: 'number of items' },
  object: { lower: 'minProperties', upper: 'maxProperties', noun: 'number of properties' },
};

const LOWER_BOUNDS = ['minimum', 'exclusiveMinimum'] as const;
const UPPER_BOUNDS = ['maximum', 'exclusiveMaximum'] as const;

/**
 * Each pair of bounds in a property's `logicalTypeOptions` that no value keeps: a min above its
 * max, or a range (`minimum`, `exclusiveMinimum` against `maximum`, `exclusiveMaximum`) that is
 * empty — no integer strictly between 1 and 2. Options of the wrong kind are the schema's to report.
 */
export function emptyBoundsOf(property: ContractProperty): EmptyBounds[] {
  const options = property.extensions?.logicalTypeOptions;
  const { logicalType } = property;
  if (typeof options !== 'object' || options === null || Array.isArray(options) || !logicalType) return [];
  const given = options as Record<string, unknown>;
  const counts = COUNT_BOUNDS[logicalType];
  if (counts) {
    const [lower, upper] = [given[counts.lower], given[counts.upper]];
    if (typeof lower !== 'number' || typeof upper !== 'number' || lower <= upper) return [];
    return [
      {
        lower: { option: counts.lower, value: lower },
        upper: { option: counts.upper, value: upper },
        noun: counts.noun,
      },
    ];
  }
  const orderOf = ORDER_OF[logicalType];
  if (!orderOf) return [];
  return LOWER_BOUNDS.flatMap((lowerOption) =>
    UPPER_BOUNDS.flatMap((upperOption) => {
      const [lower, upper] = [given[lowerOption], given[upperOption]];
      const isEmpty =
        logicalType === 'integer'
          ? isEmptyIntegerRange(lower, lowerOption, upper, upperOption)
          : isEmptyRange(orderOf(lower, upper, given.format), lowerOption, upperOption);
      if (!isEmpty) return [];
      return [
        {
          lower: { option: lowerOption, value: lower as number | string },
          upper: { option: upperOption, value: upper as number | string },
          noun: logicalType,
        },
      ];
    }),
  );
}

/** A bound of an integer field written as a fraction, and the integer it means under the same key. */
export interface FractionalIntegerBound {
  option: (typeof LOWER_BOUNDS)[number] | (typeof UPPER_BOUNDS)[number];
  value: number;
  meant: number;
}

/**
 * Each `minimum`, `maximum` or exclusive one of an integer field that is no integer: it lets the same
 * integers through as one (`maximum: 5.5` as `maximum: 5`, `exclusiveMaximum: 5.5` as `exclusiveMaximum: 6`).
 */
export function fractionalIntegerBoundsOf(property: ContractProperty): FractionalIntegerBound[] {
  const options = property.extensions?.logicalTypeOptions;
  if (property.logicalType !== 'integer' || typeof options !== 'object' || options === null) return [];
  return [...LOWER_BOUNDS, ...UPPER_BOUNDS].flatMap((option) => {
    const value = numberOf((options as Record<string, unknown>)[option]);
    if (value === undefined || Number.isInteger(value)) return [];
    const roundsUp = option === 'minimum' || option === 'exclusiveMaximum';
    return [{ option, value, meant: roundsUp ? Math.ceil(value) : Math.floor(value) }];
  });
}

/**
 * How a lower bound stands to an upper one (negative: below it), where the type has bounds and
 * both certainly read as points of its line; undefined leaves the pair unjudged.
 */
type BoundOrder = (lower: unknown, upper: unknown, format: unknown) => number | undefined;

const ORDER_OF: Partial<Record<LogicalType, BoundOrder>> = {
  integer: numberOrder,
  number: numberOrder,
  date: timeOrder(isoDateOf),
  timestamp: timeOrder(isoTimestampOf),
};

function numberOrder(lower: unknown, upper: unknown): number | undefined {
  const [low, high] = [numberOf(lower), numberOf(upper)];
  return low === undefined || high === undefined ? undefined : low - high;
}

/** Only ISO 8601 bounds under no other declared format: `02/03/2024` may be either day first or month first. */
function timeOrder(pointOf: (bound: unknown) => TimePoint | undefined): BoundOrder {
  return (lower, upper, format) => {
    if (!isIsoFormat(format)) return undefined;
    const [low, high] = [pointOf(lower), pointOf(upper)];
    return low === undefined || high === undefined ? undefined : compareTimePoints(low, high);
  };
}

function isEmptyRange(
  order: number | undefined,
  lowerOption: (typeof LOWER_BOUNDS)[number],
  upperOption: (typeof UPPER_BOUNDS)[number],
): boolean {
  if (order === undefined) return false;
  const isExclusive = lowerOption === 'exclusiveMinimum' || upperOption === 'exclusiveMaximum';
  return order > 0 || (isExclusive && order === 0);
}

/** No integer strictly between 1 and 2: integers are judged by the ones each bound lets through. */
function isEmptyIntegerRange(
  lower: unknown,
  lowerOption: (typeof LOWER_BOUNDS)[number],
  upper: unknown,
  upperOption: (typeof UPPER_BOUNDS)[number],
): boolean {
  const [low, high] = [numberOf(lower), numberOf(upper)];
  if (low === undefined || high === undefined) return false;
  return integerAbove(low, lowerOption) > integerBelow(high, upperOption);
}

function numberOf(bound: unknown): number | undefined {
  return typeof bound === 'number' && Number.isFinite(bound) ? bound : undefined;
}

/** The smallest integer the lower bound lets through. */
function integerAbove(bound: number, option: (typeof LOWER_BOUNDS)[number]): number {
  return option === 'minimum' ? Math.ceil(bound) : Math.floor(bound) + 1;
}

/** The largest integer the upper bound lets through. */
function integerBelow(bound: number, option: (typeof UPPER_BOUNDS)[number]): number {
  return option === 'maximum' ? Math.floor(bound) : Math.ceil(bound) - 1;
}
