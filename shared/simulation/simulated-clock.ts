import type { Scenario } from '../model/scenario';

/**
 * The only time a run knows: tick `n` happens at `startTime + n × tickMillis`. Every ts_ms,
 * valid_from and generated date derives from it, so two runs of a scenario agree to the byte.
 */
export interface SimulatedClock {
  millisAt(tick: number): number;
  isoAt(tick: number): string;
  /** The tick that happens at `millis` (the first at or after it). */
  tickAt(millis: number): number;
  /** The last tick at or before the clock's end, 9999-12-31T23:59:59.999Z. */
  lastTick: number;
}

/**
 * The last time the clock can show, 9999-12-31T23:59:59.999Z: ISO 8601 timestamps (and SQLite's
 * date functions, which read them) have four-digit years, and `Date` stops at +275760 anyway.
 */
const CLOCK_END_MILLIS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
const CLOCK_END = new Date(CLOCK_END_MILLIS).toISOString();

/** Milliseconds from `startTime` to the clock's end. */
const millisLeftFrom = (startTime: string) => CLOCK_END_MILLIS - Date.parse(startTime);
const WHY_THE_CLOCK_ENDS = `the last time the simulated clock can show (timestamps are ISO 8601, with four-digit years)`;

export function simulatedClock(startTime: string, tickMillis: number): SimulatedClock {
  const startMillis = Date.parse(startTime);
  const millisAt = (tick: number) => startMillis + tick * tickMillis;
  return {
    millisAt,
    isoAt: (tick) => new Date(millisAt(tick)).toISOString(),
    tickAt: (millis) => Math.ceil((millis - startMillis) / tickMillis),
    lastTick: Math.floor(millisLeftFrom(startTime) / tickMillis),
  };
}

export type SecondDecimals = 0 | 1 | 2 | 3;

/**
 * The decimals of a second a clock needs to tell every tick's time exactly: none where each tick
 * falls on a whole second, one for ticks of 500 ms, two for 1,250 ms or a start at .250.
 */
export function secondDecimals({ startTime, tickMillis }: Pick<Scenario, 'startTime' | 'tickMillis'>): SecondDecimals {
  const millisOfSecond = (millis: number) => ((millis % 1000) + 1000) % 1000;
  const offsets = [millisOfSecond(Date.parse(startTime)), millisOfSecond(tickMillis)];
  if (offsets.every((millis) => millis === 0)) return 0;
  if (offsets.every((millis) => millis % 100 === 0)) return 1;
  if (offsets.every((millis) => millis % 10 === 0)) return 2;
  return 3;
}

type ScenarioClock = Pick<Scenario, 'startTime' | 'tickMillis' | 'steps' | 'faults'>;

/**
 * Why a scenario's clock cannot reach the ticks it needs, tick 1 and those its steps and faults
 * are set for, or null. Runs go on as long as asked, so a run also stops where the clock ends.
 */
export function clockRangeProblem({ startTime, tickMillis, steps, faults = [] }: ScenarioClock): string | null {
  // Folded, not spread into Math.max: a generated script of a few hundred thousand steps would overflow the call stack.
  const needed = [...steps, ...faults].reduce((last, { tick }) => Math.max(last, tick), 1);
  if (needed <= simulatedClock(startTime, tickMillis).lastTick) return null;
  const subject = needed === 1 ? 'tick 1' : `tick ${needed}, the last a step or fault is set for,`;
  const longest = Math.floor(millisLeftFrom(startTime) / needed);
  return `${subject} would come after ${CLOCK_END}, ${WHY_THE_CLOCK_ENDS}: from ${startTime}, tickMillis can be at most ${longest}`;
}

/**
 * Why a scenario's connector delay keeps every record from its topic, or null: a record reaches its
 * topic at the first tick at or after its change's time plus the delay, and the earliest change is
 * the snapshot at the start, so a delay past the clock's last tick leaves a run that publishes nothing.
 */
export function connectorDelayProblem({
  startTime,
  tickMillis,
  connector,
}: Pick<Scenario, 'startTime' | 'tickMillis' | 'connector'>): string | null {
  const delayMillis = connector?.delayMillis ?? 0;
  const { lastTick } = simulatedClock(startTime, tickMillis);
  const longest = lastTick * tickMillis;
  // Without a tick 1 the clock is refused at tickMillis already.
  if (lastTick < 1 || delayMillis <= longest) return null;
  return `a record would reach its topic only after ${CLOCK_END}, ${WHY_THE_CLOCK_ENDS}, so no record would ever reach a topic: from ${startTime}, with ticks of ${tickMillis} ms, delayMillis can be at most ${longest}`;
}

/** Why a run stops before `tick`, the first after the clock's end. */
export function clockEndMessage(
  { startTime, tickMillis }: Pick<Scenario, 'startTime' | 'tickMillis'>,
  tick: number,
): string {
  return `tick ${tick} would come after ${CLOCK_END}, ${WHY_THE_CLOCK_ENDS}: ${tickMillis} ms a tick from ${startTime}; the run stopped at tick ${tick - 1}`;
}
