import { boundMove, inclusiveIntegerBound, type NumericBound, shownBound } from './range-end-moves';

/*
 * A quality rule's threshold as the set of results it lets through, so that two thresholds
 * written with different operators (`mustBe: 0`, `mustBeLessThan: 1`) can be ranked: the new
 * one lets through less, more, the same, or other results.
 */

/** Numbers from `lower` to `upper`; an open end is an infinite bound. */
interface ValueInterval {
  lower: NumericBound;
  upper: NumericBound;
}

export interface PassingValues {
  /** Separate intervals whose union the threshold lets through (two for `mustNotBeBetween`). */
  intervals: ValueInterval[];
  /** How the threshold reads: `= 0`, `< 1`, `between 1 and 10`. */
  shown: string;
}

export type PassingValuesMove = 'tightened' | 'loosened' | 'kept' | 'changed';

const UNBOUNDED_BELOW: NumericBound = { value: Number.NEGATIVE_INFINITY, isExclusive: false };
const UNBOUNDED_ABOVE: NumericBound = { value: Number.POSITIVE_INFINITY, isExclusive: false };

const below = (bound: NumericBound): ValueInterval => ({ lower: UNBOUNDED_BELOW, upper: bound });
const above = (bound: NumericBound): ValueInterval => ({ lower: bound, upper: UNBOUNDED_ABOVE });
const inclusive = (value: number): NumericBound => ({ value, isExclusive: false });
const exclusive = (value: number): NumericBound => ({ value, isExclusive: true });

/** The results a `mustBe…` operator lets through with this value; undefined for a value it cannot rank (not a number, a reversed range). */
export function passingValues(operator: string, value: unknown): PassingValues | undefined {
  if (isNumber(value)) return oneValueThreshold(operator, value);
  if (!isRange(value)) return undefined;
  const [low, high] = value;
  if (low > high) return undefined;
  const shownRange = `${low} and ${high}`;
  if (operator === 'mustBeBetween')
    return { intervals: [{ lower: inclusive(low), upper: inclusive(high) }], shown: `between ${shownRange}` };
  if (operator === 'mustNotBeBetween')
    return { intervals: [below(exclusive(low)), above(exclusive(high))], shown: `not between ${shownRange}` };
  return undefined;
}

function oneValueThreshold(operator: string, value: number): PassingValues | undefined {
  switch (operator) {
    case 'mustBe':
      return { intervals: [{ lower: inclusive(value), upper: inclusive(value) }], shown: `= ${value}` };
    case 'mustNotBe':
      return { intervals: [below(exclusive(value)), above(exclusive(value))], shown: `≠ ${value}` };
    case 'mustBeLessThan':
    case 'mustBeLessOrEqualTo': {
      const bound = { value, isExclusive: operator === 'mustBeLessThan' };
      return { intervals: [below(bound)], shown: shownBound('upper', bound) };
    }
    case 'mustBeGreaterThan':
    case 'mustBeGreaterOrEqualTo': {
      const bound = { value, isExclusive: operator === 'mustBeGreaterThan' };
      return { intervals: [above(bound)], shown: shownBound('lower', bound) };
    }
    default:
      return undefined;
  }
}

/**
 * How the results let through moved from `was` to `is`; over counts (whole numbers from 0) `= 0`
 * and `< 1` let the same through. `changed` when each lets through some the other refuses.
 */
export function passingValuesMove(was: PassingValues, is: PassingValues, isCount: boolean): PassingValuesMove {
  const [from, to] = [possibleResults(was, isCount), possibleResults(is, isCount)];
  const [isNarrower, isWider] = [isWithin(to, from, isCount), isWithin(from, to, isCount)];
  if (isNarrower && isWider) return 'kept';
  if (isNarrower) return 'tightened';
  return isWider ? 'loosened' : 'changed';
}

/** The non-empty intervals a threshold lets through of the results a rule can give: a count is never below 0. */
function possibleResults({ intervals }: PassingValues, isCount: boolean): ValueInterval[] {
  const counted = isCount
    ? intervals.map(({ lower, upper }) => ({ lower: tighterLower(lower, inclusive(0)), upper }))
    : intervals;
  return counted.filter((interval) => !isEmpty(interval, isCount));
}

function tighterLower(one: NumericBound, other: NumericBound): NumericBound {
  return boundMove('lower', one, other, true) === 'tightened' ? other : one;
}

function isEmpty({ lower, upper }: ValueInterval, isInteger: boolean): boolean {
  if (isInteger)
    return (
      inclusiveIntegerBound('lower', lower.value, lower.isExclusive) >
      inclusiveIntegerBound('upper', upper.value, upper.isExclusive)
    );
  return lower.value > upper.value || (lower.value === upper.value && (lower.isExclusive || upper.isExclusive));
}

/** Whether every interval of `inner` lies inside one of `outer`'s, which are apart from each other. */
function isWithin(inner: readonly ValueInterval[], outer: readonly ValueInterval[], isInteger: boolean): boolean {
  const holds = (container: ValueInterval, interval: ValueInterval) =>
    boundMove('lower', container.lower, interval.lower, isInteger) !== 'loosened' &&
    boundMove('upper', container.upper, interval.upper, isInteger) !== 'loosened';
  return inner.every((interval) => outer.some((container) => holds(container, interval)));
}

export const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

export const isRange = (value: unknown): value is [number, number] =>
  Array.isArray(value) && value.length === 2 && value.every(isNumber);
