export const DAY_IN_MINUTES = 24 * 60;

/**
 * Each unit of time SLAs and freshness are measured in, in minutes, under its names (the short
 * one first): those ODCS lists for SLAs (`d, day, days`… `y, yr, years`). A month counts as 30
 * days and a year as 365: durations are compared, not dated. `m` is a minute, as for SLOs.
 */
const UNITS = [
  [1 / 60_000, ['ms', 'msec', 'msecs', 'millisecond', 'milliseconds']],
  [1 / 60, ['s', 'sec', 'secs', 'second', 'seconds']],
  [1, ['min', 'm', 'mins', 'minute', 'minutes']],
  [60, ['h', 'hr', 'hrs', 'hour', 'hours']],
  [DAY_IN_MINUTES, ['d', 'day', 'days']],
  [7 * DAY_IN_MINUTES, ['w', 'week', 'weeks']],
  [30 * DAY_IN_MINUTES, ['mo', 'mon', 'mos', 'month', 'months']],
  [365 * DAY_IN_MINUTES, ['y', 'yr', 'yrs', 'year', 'years']],
] as const;

const MINUTES_PER_UNIT: Readonly<Record<string, number>> = Object.fromEntries(
  UNITS.flatMap(([minutes, units]) => units.map((unit) => [unit, minutes])),
);

/** `ms, s, min, h, d, w, mo, y`: the units durations are measured in, for messages. */
export const TIME_UNITS = UNITS.map(([, [short]]) => short).join(', ');

/** `ms/msec/…, s/sec/…, …, y/yr/yrs/year/years`: every spelling of a unit of time read, for hints. */
export const TIME_UNIT_SPELLINGS = UNITS.map(([, units]) => units.join('/')).join(', ');

export const isUnitOfTime = (unit: string | undefined) =>
  MINUTES_PER_UNIT[(unit ?? '').trim().toLowerCase()] !== undefined;

/** A duration in minutes, or undefined for a unit that is no unit of time (percent…) or no number. */
export function minutesOf(value: unknown, unit: string | undefined): number | undefined {
  const perUnit = MINUTES_PER_UNIT[(unit ?? '').trim().toLowerCase()];
  const amount = typeof value === 'string' ? Number(value) : value;
  return perUnit !== undefined && typeof amount === 'number' && Number.isFinite(amount) ? amount * perUnit : undefined;
}
