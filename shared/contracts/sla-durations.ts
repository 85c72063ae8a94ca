export const DAY_IN_MINUTES = 24 * 60;

/**
 * Each unit of time SLAs and freshness are measured in, in minutes, under its names (the short
 * one first): those ODCS lists for SLAs (`d, day, days`… `y, yr, years`). Where a number of
 * minutes is needed (a topic's retention, a freshness check), a month counts as 30 days and a
 * year as 365; `compareDurations` compares them exactly. `m` is a minute, as for SLOs, and a
 * capital `M` a month, as in Grafana's and ISO 8601's durations (folded to `m`, a retention of
 * `3 M` became three minutes).
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

/** `ms`, `s`, `min`, `h`, `d`, `w`, `mo`, `y`: the short name of each unit durations are measured in. */
export const TIME_UNIT_NAMES: readonly string[] = UNITS.map(([, [short]]) => short);

/** `ms, s, min, h, d, w, mo, y`: the units durations are measured in, for messages. */
export const TIME_UNITS = TIME_UNIT_NAMES.join(', ');

/** `ms`, `msec`… `years`: every spelling of a unit of time read, short names first. */
export const TIME_UNIT_SPELLING_LIST: readonly string[] = UNITS.flatMap(([, units]) => units);

/** `ms/msec/…, s/sec/…, …, y/yr/yrs/year/years`: every spelling of a unit of time read, for hints. */
export const TIME_UNIT_SPELLINGS = UNITS.map(([, units]) => units.join('/')).join(', ');

/** The name `unit` is listed under in `UNITS`. */
function unitName(unit: string | undefined): string {
  const trimmed = (unit ?? '').trim();
  return trimmed === 'M' ? 'mo' : trimmed.toLowerCase();
}

export const isUnitOfTime = (unit: string | undefined) => MINUTES_PER_UNIT[unitName(unit)] !== undefined;

/** A duration in minutes, or undefined for a unit that is no unit of time (percent…) or no number. */
export function minutesOf(value: unknown, unit: string | undefined): number | undefined {
  const perUnit = MINUTES_PER_UNIT[unitName(unit)];
  const amount = typeof value === 'string' ? Number(value) : value;
  return perUnit !== undefined && typeof amount === 'number' && Number.isFinite(amount) ? amount * perUnit : undefined;
}

/** The calendar units, in months: no fixed number of days, but 12 months are a year exactly. */
const MONTHS_PER_CALENDAR_UNIT: Readonly<Record<string, number>> = Object.fromEntries(
  UNITS.slice(-2).flatMap(([, units], index) => units.map((unit) => [unit, index === 0 ? 1 : 12])),
);

/** Why two durations cannot be compared exactly, for messages. */
export const CALENDAR_UNIT_SPAN = 'a month has 28 to 31 days, a year 365 or 366';

/**
 * Negative when duration `a` is shorter than `b`, 0 when equal, positive when longer; undefined
 * when either is no duration, or when they cannot be compared exactly: months and years compare
 * with each other (12 months a year) and with days only where no length of month could turn the
 * order (1 mo > 27 d, but 1 mo against 30 d cannot be told).
 */
export function compareDurations(
  a: { value: unknown; unit?: string | undefined },
  b: { value: unknown; unit?: string | undefined },
): number | undefined {
  const [left, right] = [a, b].map(({ value, unit }) => spanOf(value, unit));
  if (!left || !right) return undefined;
  if (left.months !== undefined && right.months !== undefined) return left.months - right.months;
  if (left.longest < right.shortest) return -1;
  if (left.shortest > right.longest) return 1;
  return left.shortest === left.longest && left.shortest === right.shortest && right.shortest === right.longest
    ? 0
    : undefined;
}

/** The shortest and longest a duration can be in minutes, and for calendar units its months. */
function spanOf(value: unknown, unit: string | undefined) {
  const minutes = minutesOf(value, unit);
  if (minutes === undefined) return undefined;
  const monthsPerUnit = MONTHS_PER_CALENDAR_UNIT[unitName(unit)];
  if (monthsPerUnit === undefined) return { shortest: minutes, longest: minutes, months: undefined };
  const months = Number(value) * monthsPerUnit;
  const years = Math.floor(months / 12);
  const rest = months - years * 12;
  return {
    shortest: (years * 365 + rest * 28) * DAY_IN_MINUTES,
    longest: (years * 366 + rest * 31) * DAY_IN_MINUTES,
    months,
  };
}
