import { isDeepEqual } from '../model/deep-equal';
import type { OdcsDocument } from './odcs-document';

/** The two keys that can each write one end of a range: inclusive and exclusive. */
const RANGE_ENDS = [
  { end: 'lower', inclusive: 'minimum', exclusive: 'exclusiveMinimum' },
  { end: 'upper', inclusive: 'maximum', exclusive: 'exclusiveMaximum' },
] as const;

/** The other key that writes the same end of a range as `option` (`exclusiveMinimum` for `minimum`), if it is one. */
export function otherKeyOfRangeEnd(option: string): string | undefined {
  const end = RANGE_ENDS.find(({ inclusive, exclusive }) => option === inclusive || option === exclusive);
  if (!end) return undefined;
  return option === end.inclusive ? end.exclusive : end.inclusive;
}

export interface RangeEndMove {
  /** The keys the move covers on either side, reported as one change. */
  options: readonly string[];
  /** The key the new options write the end with, where the change shows. */
  option: string;
  /** `kept` when both keys allow the same integers (`minimum: 1`, `exclusiveMinimum: 0`). */
  direction: 'loosened' | 'tightened' | 'changed' | 'kept';
  message: string;
}

export type RangeEndSide = 'lower' | 'upper';

interface RangeEnd {
  option: string;
  value: unknown;
  isExclusive: boolean;
}

/**
 * Each end of a range whose key changed between inclusive and exclusive (`exclusiveMinimum: 0` to
 * `minimum: 0`): one bound that moved, not one removed and another set. An end written with both
 * keys (`minimum: 1` and `exclusiveMinimum: 0`) is where the tighter of them puts it, so a key
 * added or dropped beside the one that decides moves nothing.
 */
export function rangeEndMoves(before: OdcsDocument, after: OdcsDocument, isInteger: boolean): RangeEndMove[] {
  return RANGE_ENDS.flatMap(({ end, inclusive, exclusive }) => {
    const [was, is] = [writtenEnd(before, inclusive, exclusive), writtenEnd(after, inclusive, exclusive)];
    if (was.length === 0 || is.length === 0 || isDeepEqual(was, is)) return [];
    const [onlyWas, onlyIs] = was.length === 1 && is.length === 1 ? [was[0], is[0]] : [];
    // One key on both sides, changed in value only: optionChanges says how that key moved.
    if (onlyWas && onlyIs && onlyWas.option === onlyIs.option) return [];
    const direction =
      onlyWas && onlyIs ? endMove(end, onlyWas, onlyIs, isInteger) : decidingEndMove(end, was, is, isInteger);
    if (direction === undefined) return [];
    const shown = (bounds: readonly RangeEnd[]) => bounds.map((bound) => shownBound(end, bound)).join(' and ');
    const message =
      direction === 'kept'
        ? `${end} bound written differently, from ${shown(was)} to ${shown(is)}, allowing the same ${isInteger ? 'integers' : 'values'}`
        : `${end} bound ${direction} from ${shown(was)} to ${shown(is)}`;
    const changed = is.find((bound) => !was.some((old) => isDeepEqual(old, bound))) ?? is[0];
    return [{ options: [inclusive, exclusive], option: changed?.option ?? inclusive, direction, message }];
  });
}

/** The keys that write one end of a range, inclusive first, with their values. */
function writtenEnd(options: OdcsDocument, inclusive: string, exclusive: string): RangeEnd[] {
  return [inclusive, exclusive]
    .filter((option) => options[option] !== undefined)
    .map((option) => ({ option, value: options[option], isExclusive: option === exclusive }));
}

/** How an end written with two keys on either side moved, by the key that decides it; not told for values not numbers. */
function decidingEndMove(
  end: RangeEndSide,
  was: readonly RangeEnd[],
  is: readonly RangeEnd[],
  isInteger: boolean,
): RangeEndMove['direction'] | undefined {
  const [from, to] = [decidingBound(end, was, isInteger), decidingBound(end, is, isInteger)];
  return from && to ? boundMove(end, from, to, isInteger) : undefined;
}

/** The bound the tighter of an end's keys sets, or nothing when one is not a number. */
function decidingBound(end: RangeEndSide, bounds: readonly RangeEnd[], isInteger: boolean): NumericBound | undefined {
  const numeric = bounds.flatMap(({ value, isExclusive }) =>
    typeof value === 'number' ? [{ value, isExclusive }] : [],
  );
  if (numeric.length !== bounds.length) return undefined;
  return numeric.reduce((tightest, bound) =>
    boundMove(end, tightest, bound, isInteger) === 'tightened' ? bound : tightest,
  );
}

/** Which way an end moved when its key changed between inclusive and exclusive; `changed` for values not numbers (dates). */
function endMove(end: RangeEndSide, was: RangeEnd, is: RangeEnd, isInteger: boolean): RangeEndMove['direction'] {
  if (typeof was.value !== 'number' || typeof is.value !== 'number') return 'changed';
  return boundMove(
    end,
    { value: was.value, isExclusive: was.isExclusive },
    { value: is.value, isExclusive: is.isExclusive },
    isInteger,
  );
}

/** One end of a range of numbers: `> 0` is exclusive, `≥ 0` inclusive. */
export interface NumericBound {
  value: number;
  isExclusive: boolean;
}

/**
 * Which way one end of a range moved, written inclusive or exclusive on either side; `kept` when,
 * over integers, both let the same ones through (`≥ 1` and `> 0`).
 */
export function boundMove(
  end: RangeEndSide,
  was: NumericBound,
  is: NumericBound,
  isInteger: boolean,
): 'loosened' | 'tightened' | 'kept' {
  if (isInteger) {
    const from = inclusiveIntegerBound(end, was.value, was.isExclusive);
    const to = inclusiveIntegerBound(end, is.value, is.isExclusive);
    if (from === to) return 'kept';
    return (end === 'lower' ? to < from : to > from) ? 'loosened' : 'tightened';
  }
  if (is.value === was.value && is.isExclusive === was.isExclusive) return 'kept';
  const outward = end === 'lower' ? is.value < was.value : is.value > was.value;
  // At the same value, only the exclusive key moved: dropping it lets the value itself through.
  const isLooser = outward || (is.value === was.value && was.isExclusive);
  return isLooser ? 'loosened' : 'tightened';
}

/** A bound as messages write it: `≥ 1`, `< 6`. */
export function shownBound(
  end: RangeEndSide,
  { value, isExclusive }: { value: unknown; isExclusive: boolean },
): string {
  const signs = end === 'lower' ? ['≥', '>'] : ['≤', '<'];
  return `${signs[Number(isExclusive)]} ${String(value)}`;
}

/**
 * The least (lower end) or greatest (upper end) integer a bound lets through, so that bounds
 * allowing the same integers compare equal: `> 0` and `≥ 1` are both 1, `< 6` and `≤ 5` both 5.
 */
export function inclusiveIntegerBound(end: RangeEndSide, value: number, isExclusive: boolean): number {
  if (end === 'lower') return isExclusive ? Math.floor(value) + 1 : Math.ceil(value);
  return isExclusive ? Math.ceil(value) - 1 : Math.floor(value);
}
