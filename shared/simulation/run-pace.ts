/** Where a run at a fixed speed started keeping time: the wall clock, the tick, the ticks per second. */
export interface RunPace {
  startedAt: number;
  startTick: number;
  speed: number;
}

/**
 * Ticks to run now to keep the pace: one when the worker keeps up, more when a tick takes longer
 * than the pace allows (a busy machine at 60 per second), at most a second's worth.
 */
export function ticksDue(pace: RunPace, tick: number, now: number): number {
  const scheduled = Math.floor(((now - pace.startedAt) * pace.speed) / 1000) + 1;
  return Math.max(1, Math.min(pace.speed, scheduled - (tick - pace.startTick)));
}

/** How long to wait before the next tick is due. */
export function millisToNextTick(pace: RunPace, tick: number, now: number): number {
  return Math.max(0, pace.startedAt + ((tick - pace.startTick) * 1000) / pace.speed - now);
}
