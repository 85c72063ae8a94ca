import { wholeNumberProblem } from '../../shared/model/decimal-integer';

/**
 * The "Pause at tick" left once the run is at `tick`: a point reached or passed is spent, so the
 * field shows none (as Run would go on past it anyway); a point still ahead stays.
 */
export function pausePointAt(pauseAtTick: number | null, tick: number): number | null {
  return pauseAtTick !== null && pauseAtTick <= tick ? null : pauseAtTick;
}

/** Why a typed "Pause at tick" is no tick a run now at `tick` can pause at, or null when it is one. */
export function pauseTickProblem(text: string, tick: number): string | null {
  const problem = wholeNumberProblem('Pause at tick', text, 1, Number.MAX_SAFE_INTEGER);
  if (problem !== null || Number(text) > tick) return problem;
  return `Pause at tick must be later than the run's tick: the run is already at tick ${tick} (got '${text}')`;
}
