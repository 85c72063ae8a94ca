/**
 * A run at a fixed speed keeps time from `startedAt`, when it was at tick `startTick`: tick
 * `startTick + k` is due `(k - 1) / speed` seconds later, so the first one at once.
 */
export interface RunPace {
  speed: number;
  startedAt: number;
  startTick: number;
}

/** The most time a fixed speed makes up in one request; further behind, it keeps time from now instead. */
export const CATCH_UP_MILLIS = 250;

/**
 * The ticks to ask the worker for now, and the pace to keep afterwards: every tick that is due (at
 * least one), so a request that takes longer than a tick still keeps the speed. A run further
 * behind than `CATCH_UP_MILLIS` (the engine cannot keep up) runs that much and keeps time from
 * now, so it goes as fast as it can and never owes a growing backlog.
 */
export function ticksToRun(pace: RunPace, tick: number, now: number): { ticks: number; pace: RunPace } {
  const due = pace.startTick + Math.floor(((now - pace.startedAt) * pace.speed) / 1000) + 1 - tick;
  const most = Math.max(1, Math.floor((CATCH_UP_MILLIS * pace.speed) / 1000));
  if (due <= most) return { ticks: Math.max(1, due), pace };
  return { ticks: most, pace: { speed: pace.speed, startedAt: now, startTick: tick } };
}

/** How long to wait, after reaching `tick`, before the next tick is due. */
export function millisToNextTick(pace: RunPace, tick: number, now: number): number {
  return Math.max(0, pace.startedAt + ((tick - pace.startTick) * 1000) / pace.speed - now);
}
