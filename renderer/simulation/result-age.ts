/**
 * When a result was read, against where the run is now: `as of tick 26 (Sun, 1 Mar, 12:26:00 AM)`,
 * then `… — the run is at tick 32; run again` once the run has moved on (or been reset), with
 * what brings the result up to date, where the user has to do it.
 */
export function resultAgeText(
  readAt: { tick: number; time: string },
  runTick: number | undefined,
  toUpdate?: string,
): string {
  const asOf = `as of tick ${readAt.tick} (${readAt.time})`;
  if (runTick === undefined || runTick === readAt.tick) return asOf;
  return `${asOf} — the run is at tick ${runTick}${toUpdate ? `; ${toUpdate}` : ''}`;
}
