import { isDeepEqual } from '../model/deep-equal';
import type { OdcsDocument } from './odcs-document';
import { isNumber, isRange, type PassingValuesMove, passingValues, passingValuesMove } from './quality-passing-values';
import { isCountRule } from './quality-rule-counts';

/*
 * A quality rule whose threshold gets stricter lets through only data its consumers already
 * accepted, so it takes nothing from them; a looser one lets through data they were promised
 * would not come. A threshold that changed in anything besides its operator and value cannot be
 * ranked so.
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
  direction: PassingValuesMove;
  message: string;
}

/** How a move of the results let through reads after the two thresholds; `kept` says what stayed the same. */
const OPERATOR_CHANGE_VERDICTS: Readonly<Record<Exclude<PassingValuesMove, 'kept'>, string>> = {
  tightened: 'tightened',
  loosened: 'loosened',
  changed: 'letting through data it refused before',
};

function operatorChangeVerdict(direction: PassingValuesMove, isCount: boolean): string {
  if (direction === 'kept') return `allowing the same ${isCount ? 'counts' : 'results'}`;
  return OPERATOR_CHANGE_VERDICTS[direction];
}

/**
 * A threshold whose operator is the only change, perhaps with its value (`mustBe: 0` to
 * `mustBeLessThan: 1`, `mustBeLessThan: 1` to `mustBeLessOrEqualTo: 1`): one threshold moved,
 * not one removed and another set, ranked by the results each lets through. Over counts, `= 0`,
 * `< 1` and `≤ 0` let the same through.
 */
export function operatorChange(previous: OdcsDocument, next: OdcsDocument): OperatorChange | undefined {
  const keys = [...new Set([...Object.keys(previous), ...Object.keys(next)])];
  const changed = keys.filter((key) => !isDeepEqual(previous[key], next[key]));
  const was = changed.find((key) => previous[key] !== undefined && next[key] === undefined);
  const is = changed.find((key) => next[key] !== undefined && previous[key] === undefined);
  if (changed.length !== 2 || was === undefined || is === undefined) return undefined;
  const [from, to] = [passingValues(was, previous[was]), passingValues(is, next[is])];
  if (!from || !to) return undefined;
  const isCount = isCountRule(next);
  const direction = passingValuesMove(from, to, isCount);
  const verdict = operatorChangeVerdict(direction, isCount);
  return { operator: is, direction, message: `operator changed from ${from.shown} to ${to.shown}, ${verdict}` };
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
