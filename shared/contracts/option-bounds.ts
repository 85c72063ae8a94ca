import type { ContractProperty } from '../model/contract';
import type { LogicalType } from '../model/logical-type';

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
  const pointOf = POINT_OF[logicalType];
  if (!pointOf) return [];
  return LOWER_BOUNDS.flatMap((lowerOption) =>
    UPPER_BOUNDS.flatMap((upperOption) => {
      const [lower, upper] = [given[lowerOption], given[upperOption]];
      const [low, high] = [pointOf(lower), pointOf(upper)];
      if (low === undefined || high === undefined) return [];
      const isExclusive = lowerOption === 'exclusiveMinimum' || upperOption === 'exclusiveMaximum';
      const isEmpty =
        logicalType === 'integer'
          ? integerAbove(low, lowerOption) > integerBelow(high, upperOption)
          : low > high || (isExclusive && low === high);
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

/** A bound as a point on its type's line, where the type has bounds and the bound reads as one. */
const POINT_OF: Partial<Record<LogicalType, (bound: unknown) => number | undefined>> = {
  integer: numberOf,
  number: numberOf,
  date: timeOf,
  timestamp: timeOf,
};

function numberOf(bound: unknown): number | undefined {
  return typeof bound === 'number' && Number.isFinite(bound) ? bound : undefined;
}

/** Dates and timestamps are compared as times, as the simulation compares them. */
function timeOf(bound: unknown): number | undefined {
  const time = typeof bound === 'string' ? Date.parse(bound) : Number.NaN;
  return Number.isNaN(time) ? undefined : time;
}

/** The smallest integer the lower bound lets through. */
function integerAbove(bound: number, option: (typeof LOWER_BOUNDS)[number]): number {
  return option === 'minimum' ? Math.ceil(bound) : Math.floor(bound) + 1;
}

/** The largest integer the upper bound lets through. */
function integerBelow(bound: number, option: (typeof UPPER_BOUNDS)[number]): number {
  return option === 'maximum' ? Math.floor(bound) : Math.ceil(bound) - 1;
}
