import { epochDaysSql, epochFractionSql, epochMillisSql, isDateTextSql } from './date-text-sql';
import type { LogFormat } from './log-format';
import type { TableColumn } from './table-column';

/*
 * How Debezium 2.7's relational connectors write date and timestamp columns with the JSON
 * converter and their default `time.precision.mode: adaptive` (each connector's "temporal types"
 * table in Debezium's documentation): as numbers since 1970-01-01 UTC, whose unit follows the
 * column's type and precision. A design's columns name no precision, so each engine's column is
 * taken as the type noted below; `timestamp` is a time without time zone (a zoned one, which
 * Debezium writes as ISO text, `io.debezium.time.ZonedTimestamp`, is not modelled).
 */

type TemporalType = NonNullable<TableColumn['temporal']>;

/** `io.debezium.time.Date` (days), `Timestamp` (ms), `MicroTimestamp` (µs), `NanoTimestamp` (ns). */
export type EpochUnit = 'days' | 'millis' | 'micros' | 'nanos';

const ADAPTIVE_UNITS: Readonly<Record<string, Record<TemporalType, EpochUnit>>> = {
  // DATE; timestamp, whose default precision is 6
  postgresql: { date: 'days', timestamp: 'micros' },
  // DATE; DATETIME(3)
  mysql: { date: 'days', timestamp: 'millis' },
  mariadb: { date: 'days', timestamp: 'millis' },
  // date; datetime2, whose default precision is 7
  sqlserver: { date: 'days', timestamp: 'nanos' },
  // DATE, which holds a time of day too and is written as a Timestamp; TIMESTAMP, precision 6
  oracle: { date: 'millis', timestamp: 'micros' },
  // DATE; TIMESTAMP, precision 6
  db2: { date: 'days', timestamp: 'micros' },
};

/**
 * The columns of a log whose records carry a date or timestamp as the number its connector
 * wrote, while the log's table (and a raw zone's copy) holds the ISO text, which SQL reads.
 */
export function numberEncodedColumns(format: LogFormat): string[] {
  if (format.kind !== 'cdc') return [];
  return format.columns.filter((column) => adaptiveUnit(format.source.connector, column)).map((column) => column.name);
}

/** What `connector` counts a date or timestamp column in; undefined for other columns and connectors. */
function adaptiveUnit(connector: string, column: TableColumn): EpochUnit | undefined {
  return column.temporal && ADAPTIVE_UNITS[connector]?.[column.temporal];
}

const EPOCH_SQL: Record<EpochUnit, (valueSql: string) => string> = {
  days: epochDaysSql,
  millis: epochMillisSql,
  micros: (valueSql) => epochFractionSql(valueSql, 6),
  nanos: (valueSql) => epochFractionSql(valueSql, 9),
};

/**
 * A date or timestamp column's value as `connector` writes it (`2026-01-07` → `20460` on
 * PostgreSQL), `otherwiseSql` for text that is no date, another column, or a connector that is
 * no relational one of Debezium's (MongoDB's writes BSON dates, the simulator's own ISO text).
 */
export function temporalValueSql(
  connector: string,
  column: TableColumn,
  valueSql: string,
  otherwiseSql: string,
): string {
  const unit = adaptiveUnit(connector, column);
  if (unit === undefined) return otherwiseSql;
  return `CASE WHEN ${isDateTextSql(valueSql)} THEN ${EPOCH_SQL[unit](valueSql)} ELSE ${otherwiseSql} END`;
}

/** How many of a finer unit a millisecond holds. */
const PER_MILLI: Record<'micros' | 'nanos', number> = { micros: 1000, nanos: 1_000_000 };

const MILLIS_OF: Record<EpochUnit, (count: number) => number> = {
  days: (days) => days * 86_400_000,
  millis: (millis) => millis,
  micros: (micros) => wholeMillis(micros, PER_MILLI.micros),
  nanos: (nanos) => wholeMillis(nanos, PER_MILLI.nanos),
};

/** The millisecond a finer count falls in; a count past 2^53, no longer exact, to the nearest one. */
function wholeMillis(count: number, perMilli: number): number {
  return Number.isSafeInteger(count) ? Math.floor(count / perMilli) : Math.round(count / perMilli);
}

/** The milliseconds JavaScript's dates span either side of 1970. */
const LAST_DATE_MILLIS = 8.64e15;

/** A date or timestamp a connector wrote as a number, read back: the ISO text the service wrote, and what the number counts. */
export interface TemporalReading {
  written: string;
  unit: EpochUnit;
}

/**
 * A date or timestamp field of `connector`'s change record read back (`20458` → `2026-01-05`,
 * days, on PostgreSQL), undone as `temporalValueSql` did it; undefined for any other value. A
 * count past 2^53 read exactly (a bigint) keeps its finer digits too.
 */
export function readTemporalValue(connector: string, column: TableColumn, value: unknown): TemporalReading | undefined {
  const unit = adaptiveUnit(connector, column);
  if (unit === undefined || (typeof value !== 'number' && typeof value !== 'bigint')) return undefined;
  const { millis, finer } = countInMillis(unit, value);
  if (!(Math.abs(millis) <= LAST_DATE_MILLIS)) return undefined;
  const iso = new Date(millis).toISOString();
  if (column.temporal === 'date') return { written: iso.slice(0, 10), unit };
  return { written: unit === 'micros' || unit === 'nanos' ? withFinerDigits(iso, finer, PER_MILLI[unit]) : iso, unit };
}

/**
 * A count of `unit` as the millisecond it falls in and the finer units past it, where the count is
 * exact (a safe number, or a bigint); a number past 2^53 to the nearest millisecond, without them.
 */
function countInMillis(unit: EpochUnit, count: number | bigint): { millis: number; finer: number } {
  if (typeof count === 'number') {
    const millis = MILLIS_OF[unit](count);
    const isFiner = unit === 'micros' || unit === 'nanos';
    return { millis, finer: isFiner && Number.isSafeInteger(count) ? count - millis * PER_MILLI[unit] : 0 };
  }
  if (unit !== 'micros' && unit !== 'nanos') return { millis: MILLIS_OF[unit](Number(count)), finer: 0 };
  const perMilli = BigInt(PER_MILLI[unit]);
  // Floored, as `wholeMillis`: before 1970 the finer units count on from an earlier millisecond.
  const finer = ((count % perMilli) + perMilli) % perMilli;
  return { millis: Number((count - finer) / perMilli), finer: Number(finer) };
}

/** ISO text to the millisecond with the `finer` units past it as digits (`…00.123Z` and 456 µs → `…00.123456Z`). */
function withFinerDigits(iso: string, finer: number, perMilli: number): string {
  if (finer === 0) return iso;
  const digits = String(finer)
    .padStart(String(perMilli).length - 1, '0')
    .replace(/0+$/, '');
  return `${iso.slice(0, -1)}${digits}Z`;
}

/** A date or timestamp field of `connector`'s change record back as the ISO text the service wrote; anything else as it is. */
export function writtenTemporalValue(connector: string, column: TableColumn, value: unknown): unknown {
  return readTemporalValue(connector, column, value)?.written ?? value;
}
