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

/** In "as fast as possible", each request runs about this long, so the view still updates. */
export const MAX_MODE_BATCH_MILLIS = 40;
const MOST_TICKS_PER_REQUEST = 1000;

/**
 * The ticks of the next "as fast as possible" request, after one of `ticks` took `elapsedMillis`
 * (work and the round trip): about `MAX_MODE_BATCH_MILLIS` of them, and never fewer than
 * `fastestSpeed` would have run in that time, so that on an engine too slow for small batches
 * it still batches as a fixed speed catching up does, and is never the slower of the two.
 */
export function maxModeBatch(ticks: number, elapsedMillis: number, fastestSpeed: number): number {
  const elapsed = Math.max(1, elapsedMillis);
  const byTime = Math.round((ticks * MAX_MODE_BATCH_MILLIS) / elapsed);
  const atFastestSpeed = Math.min(
    Math.floor((elapsed * fastestSpeed) / 1000),
    Math.floor((CATCH_UP_MILLIS * fastestSpeed) / 1000),
  );
  return Math.max(1, Math.min(MOST_TICKS_PER_REQUEST, Math.max(byTime, atFastestSpeed)));
}
