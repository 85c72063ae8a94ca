import { isDeepEqual } from '../model/deep-equal';
import type { OdcsDocument } from './odcs-document';

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
