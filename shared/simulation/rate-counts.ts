/** Operations a rate makes by the end of `tick`: fractional rates accumulate, so 0.5 per tick is one every other tick. */
export function countThrough(perTick: number, tick: number): number {
  return Math.floor(perTick * tick);
}

/** Operations a rate makes at `tick` alone. */
export function countAt(perTick: number, tick: number): number {
  return countThrough(perTick, tick) - countThrough(perTick, tick - 1);
}
