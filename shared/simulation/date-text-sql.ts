/**
 * Text SQLite reads as a time (`2026-01-05`, `2026-01-05 09:00`, `2026-01-05T09:00:00.000Z`):
 * a date first, so neither `now` nor a Julian day number is taken for one.
 */
export function isDateTextSql(valueSql: string): string {
  return `(typeof(${valueSql}) = 'text' AND ${valueSql} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' AND julianday(${valueSql}) IS NOT NULL)`;
}

/** The Julian day of 1970-01-01T00:00Z, where epoch times start. */
const EPOCH_JULIAN_DAY = 2440587.5;

/** A time's milliseconds since 1970 in UTC (a date: its midnight). */
export function epochMillisSql(valueSql: string): string {
  return `CAST(round((julianday(${valueSql}) - ${EPOCH_JULIAN_DAY}) * 86400000) AS INTEGER)`;
}

/**
 * A time's count of units of 10^-`digits` s since 1970 in UTC (`digits` 6: microseconds), with
 * the fraction its text writes kept to that many digits (further ones dropped), which milliseconds
 * (`julianday`'s precision) would lose: the whole seconds from the text without its fraction, the
 * fraction from its digits, both in 64-bit integers. The fraction is the digits after the seconds'
 * `.` (`2026-03-01T19:30:00.123456Z`), before any time zone.
 */
export function epochFractionSql(valueSql: string, digits: number): string {
  const perMilli = 10 ** (digits - 3);
  const afterPoint = `substr(${valueSql}, 21)`;
  const fractionLength = `(length(${afterPoint}) - length(ltrim(${afterPoint}, '0123456789')))`;
  const wholeSeconds = `substr(${valueSql}, 1, 19) || substr(${valueSql}, 21 + ${fractionLength})`;
  const fraction = `CAST(substr(substr(${afterPoint}, 1, ${fractionLength}) || '${'0'.repeat(digits)}', 1, ${digits}) AS INTEGER)`;
  return `CASE WHEN substr(${valueSql}, 20, 1) = '.' THEN ${epochMillisSql(wholeSeconds)} * ${perMilli} + ${fraction} ELSE ${epochMillisSql(valueSql)} * ${perMilli} END`;
}

/** A time's days since 1970 in UTC, its time of day dropped (`1969-12-31` is -1). */
export function epochDaysSql(valueSql: string): string {
  return `CAST(julianday(date(${valueSql})) - ${EPOCH_JULIAN_DAY} AS INTEGER)`;
}
