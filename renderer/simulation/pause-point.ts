/**
 * The "Pause at tick" left once the run is at `tick`: a point reached or passed is spent, so the
 * field shows none (as Run would go on past it anyway); a point still ahead stays.
 */
export function pausePointAt(pauseAtTick: number | null, tick: number): number | null {
  return pauseAtTick !== null && pauseAtTick <= tick ? null : pauseAtTick;
}
