import { isDeepEqual } from '../model/deep-equal';
import type { OdcsDocument } from './odcs-document';
import { isCountMetric } from './quality-metrics';
import { boundMove, type RangeEndSide, shownBound } from './range-end-moves';

/*
 * A quality rule whose threshold gets stricter lets through only data its consumers already
 * accepted, so it takes nothing from them; a looser one lets through data they were promised
 * would not come. Only a threshold moved under the same operator can be ranked so.
 */

/** Which way a one-sided `mustBe…` threshold moves to let less through. */
const STRICTER_SIDE: Readonly<Record<string, 'lower' | 'higher'>> = {
  mustBeLessThan: 'lower',
  mustBeLessOrEqualTo: 'lower',
  mustBeGreaterThan: 'higher',
  mustBeGreaterOrEqualTo: 'higher',
};

export interface ThresholdMove {
  operator: string;
  direction: 'tightened' | 'loosened';
}

/**
 * How a rule's threshold moved when it is the only field of what the rule checks that changed
 * (`mustBeLessThan: 5` to `1` is tightened); undefined for any other change, such as another
 * operator, metric, arguments or query, or an operator with no stricter side (`mustBe`).
 */
export function thresholdMove(previous: OdcsDocument, next: OdcsDocument): ThresholdMove | undefined {
  const keys = [...new Set([...Object.keys(previous), ...Object.keys(next)])];
  const changed = keys.filter((key) => !isDeepEqual(previous[key], next[key]));
  const [operator] = changed;
  if (changed.length !== 1 || operator === undefined) return undefined;
  const isStricter = isStricterThreshold(operator, previous[operator], next[operator]);
  return isStricter === undefined ? undefined : { operator, direction: isStricter ? 'tightened' : 'loosened' };
}

export interface OperatorChange {
  /** The operator the rule checks with now, where the change shows. */
  operator: string;
  direction: 'tightened' | 'loosened' | 'kept';
  message: string;
}

/**
 * A one-sided threshold whose operator changed to its inclusive or exclusive twin, perhaps with
 * its value (`mustBeLessThan: 1` to `mustBeLessOrEqualTo: 1`, loosened): one threshold moved, not
 * one removed and another set. On a count, `< 1` and `≤ 0` let the same counts through.
 */
export function operatorChange(previous: OdcsDocument, next: OdcsDocument): OperatorChange | undefined {
  const keys = [...new Set([...Object.keys(previous), ...Object.keys(next)])];
  const changed = keys.filter((key) => !isDeepEqual(previous[key], next[key]));
  const was = changed.find((key) => previous[key] !== undefined && next[key] === undefined);
  const is = changed.find((key) => next[key] !== undefined && previous[key] === undefined);
  if (changed.length !== 2 || was === undefined || is === undefined) return undefined;
  const [from, to] = [thresholdBound(was, previous[was]), thresholdBound(is, next[is])];
  if (!from || !to || from.end !== to.end) return undefined;
  const isCount = isCountMetric(next.metric, next.unit);
  const direction = boundMove(from.end, from, to, isCount);
  const verdict = direction === 'kept' ? 'allowing the same counts' : direction;
  return {
    operator: is,
    direction,
    message: `operator changed from ${shownBound(from.end, from)} to ${shownBound(to.end, to)}, ${verdict}`,
  };
}

/** A one-sided threshold as the end of the range of values it lets through: `mustBeLessThan: 1` is `< 1`. */
function thresholdBound(operator: string, value: unknown) {
  const side = STRICTER_SIDE[operator];
  if (side === undefined || !isNumber(value)) return undefined;
  const end: RangeEndSide = side === 'lower' ? 'upper' : 'lower';
  return { end, value, isExclusive: operator.endsWith('Than') };
}

/** Whether `next` lets through less than `previous` under `operator`; undefined where they cannot be ranked. */
function isStricterThreshold(operator: string, previous: unknown, next: unknown): boolean | undefined {
  const side = STRICTER_SIDE[operator];
  if (side && isNumber(previous) && isNumber(next)) return side === 'lower' ? next < previous : next > previous;
  if (!isRange(previous) || !isRange(next)) return undefined;
  const [[low, high], [nextLow, nextHigh]] = [previous, next];
  if (operator === 'mustBeBetween') return nextLow >= low && nextHigh <= high;
  if (operator === 'mustNotBeBetween') return nextLow <= low && nextHigh >= high;
  return undefined;
}

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

const isRange = (value: unknown): value is [number, number] =>
  Array.isArray(value) && value.length === 2 && value.every(isNumber);
