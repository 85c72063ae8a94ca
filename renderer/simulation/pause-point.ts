import { decimalInteger } from '../../shared/model/decimal-integer';

/**
 * The "Pause at tick" left once the run is at `tick`: a point reached or passed is spent, so the
 * field shows none (as Run would go on past it anyway); a point still ahead stays.
 */
export function pausePointAt(pauseAtTick: number | null, tick: number): number | null {
  return pauseAtTick !== null && pauseAtTick <= tick ? null : pauseAtTick;
}

/** Why a typed "Pause at tick" is no tick a run can pause at, or null when it is one. */
export function pauseTickProblem(text: string): string | null {
  const tick = decimalInteger(text);
  return Number.isSafeInteger(tick) && tick >= 1
    ? null
    : `Pause at tick must be a whole number, at least 1 (got '${text}')`;
}
