import type { SimulationError } from '../../shared/simulation/simulation-metrics';

/** When a problem happened: `tick 0`, or `ticks 0–12, 13 times` for one that kept happening. */
export function problemTicks(error: Pick<SimulationError, 'firstTick' | 'lastTick' | 'count'>): string {
  if (error.count === 1) return `tick ${error.firstTick}`;
  return `ticks ${error.firstTick}–${error.lastTick}, ${error.count} times`;
}

/** The transformations of a node that failed at the given tick, as `message` lines. */
export function failingTransformations(errors: readonly SimulationError[], nodeId: string, tick: number): string[] {
  return errors
    .filter((error) => error.nodeId === nodeId && error.step !== undefined && error.lastTick === tick)
    .map((error) => error.message);
}
