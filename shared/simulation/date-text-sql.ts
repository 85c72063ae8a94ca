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

/** A time's days since 1970 in UTC, its time of day dropped (`1969-12-31` is -1). */
export function epochDaysSql(valueSql: string): string {
  return `CAST(julianday(date(${valueSql})) - ${EPOCH_JULIAN_DAY} AS INTEGER)`;
}
