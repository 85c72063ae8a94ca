/**
 * The only time a run knows: tick `n` happens at `startTime + n × tickMillis`. Every ts_ms,
 * valid_from and generated date derives from it, so two runs of a scenario agree to the byte.
 */
export interface SimulatedClock {
  millisAt(tick: number): number;
  isoAt(tick: number): string;
}

export function simulatedClock(startTime: string, tickMillis: number): SimulatedClock {
  const startMillis = Date.parse(startTime);
  const millisAt = (tick: number) => startMillis + tick * tickMillis;
  return { millisAt, isoAt: (tick) => new Date(millisAt(tick)).toISOString() };
}
