import { isTimeZoneName } from '../../contracts/time-zone-name';
import type { ContractProperty } from '../../model/contract';
import { logicalTypeOptions } from '../../simulation/allowed-values';
import { columnTypeParts } from './postgres-column-types';
import { dollarQuoted, ident, literal } from './postgres-names';

/*
 * A column changing between timestamptz and a type without a zone: timestamp (of any digits of a
 * second), as the contract's `timezone` changes, or date, as its logicalType does; text becoming
 * timestamptz; a time becoming a timetz. A cast reads or writes the clock time (a date: its
 * midnight, or the day an instant falls on; text: one that names no offset; a time: its offset) in
 * the session's zone, so the stored values would shift with whoever runs the migration; the clock
 * time is instead the one in the zone the contract gives its times without a zone.
 */

/** ODCS's `defaultTimezone` where the contract gives none. */
const ODCS_DEFAULT_TIMEZONE = 'Etc/UTC';

/** The side whose `defaultTimezone` names the zone, per change of column type. */
const ZONE_SIDE: Record<string, 'before' | 'after'> = {
  'timestamp timestamptz': 'before',
  'timestamptz timestamp': 'after',
  // A date has no zone of its own: the timestamp's says where its day begins.
  'date timestamptz': 'after',
  'timestamptz date': 'before',
  'text timestamptz': 'after',
  'varchar timestamptz': 'after',
  'time timetz': 'after',
};

/** The function reading text as timestamptz in a zone, while the migration runs (pg_temp: the session's own). */
const TEXT_READER = 'pg_temp.timestamptz_read_in';

const changeOf = (fromType: string, toType: string) =>
  `${columnTypeParts(fromType).base} ${columnTypeParts(toType).base}`;

/**
 * The zone of the clock times of a change between timestamptz and timestamp or date (the
 * `defaultTimezone` of the zoneless timestamp, or of the timestamp a date becomes or was);
 * undefined for any other change.
 */
export function clockTimeZoneOfChange(
  before: ContractProperty,
  after: ContractProperty,
  fromType: string,
  toType: string,
): string | undefined {
  const side = ZONE_SIDE[changeOf(fromType, toType)];
  if (!side) return undefined;
  const { defaultTimezone } = logicalTypeOptions(side === 'before' ? before : after) ?? {};
  return typeof defaultTimezone === 'string' && defaultTimezone.trim() !== ''
    ? defaultTimezone.trim()
    : ODCS_DEFAULT_TIMEZONE;
}

/** The column's value as the new type holds it, read in `zone` (from `clockTimeZoneOfChange`) rather than the session's. */
export function valueInClockTimeZone(column: string, fromType: string, toType: string, zone: string): string {
  const [value, atZone] = [ident(column), `AT TIME ZONE ${literal(zone)}`];
  switch (changeOf(fromType, toType)) {
    case 'date timestamptz':
      return `${value}::timestamp ${atZone}`;
    case 'timestamptz date':
      return `(${value} ${atZone})::date`;
    case 'text timestamptz':
    case 'varchar timestamptz':
      return textReadIn(value, zone);
    case 'time timetz':
      // A zone Intl does not know (the contract checks warn of it) is left for PostgreSQL to refuse.
      return `(${value}::text || ${literal(isTimeZoneName(zone) ? standardOffsetOf(zone) : ` ${zone}`)})::timetz`;
    default:
      return `${value} ${atZone}`;
  }
}

/**
 * The statements to run before and after the change's `ALTER`s and their checks: those of text
 * made timestamptz define, then drop, the function reading it in a zone; none for any other.
 */
export function clockTimeZoneFunctions(fromType: string, toType: string): { define: string[]; drop: string[] } {
  if (!isTextToTimestamptz(fromType, toType)) return { define: [], drop: [] };
  // PostgreSQL's own reading decides what names a zone (an offset, Z, a zone name or abbreviation);
  // the SET clause gives the session its zone back when the function returns.
  const body = " BEGIN PERFORM set_config('TimeZone', zone, true); RETURN value::timestamptz; END ";
  return {
    define: [
      `CREATE FUNCTION ${TEXT_READER}(value text, zone text) RETURNS timestamptz LANGUAGE plpgsql STABLE SET "TimeZone" FROM CURRENT AS ${dollarQuoted(body)};`,
    ],
    drop: [`DROP FUNCTION ${TEXT_READER}(text, text);`],
  };
}

/**
 * The condition of a clock time `zone` skips (a daylight-saving gap), which the change would move
 * to another: a timestamp's, or text's that names no zone of its own; undefined for other changes.
 * Text must be one the new type reads.
 */
export function skippedClockTimeCondition(
  column: string,
  fromType: string,
  toType: string,
  zone: string,
): string | undefined {
  const [value, atZone] = [ident(column), `AT TIME ZONE ${literal(zone)}`];
  if (changeOf(fromType, toType) === 'timestamp timestamptz') return `(${value} ${atZone}) ${atZone} <> ${value}`;
  if (!isTextToTimestamptz(fromType, toType)) return undefined;
  // Text that names no zone is read in whichever zone it is read: two offsets an hour apart tell it.
  const namesNoZone = `${textReadIn(value, 'Etc/UTC')} <> ${textReadIn(value, 'Etc/GMT-1')}`;
  return `${namesNoZone} AND (${textReadIn(value, zone)} ${atZone}) <> ${value}::text::timestamp`;
}

function isTextToTimestamptz(fromType: string, toType: string): boolean {
  const change = changeOf(fromType, toType);
  return change === 'text timestamptz' || change === 'varchar timestamptz';
}

function textReadIn(value: string, zone: string): string {
  return `${TEXT_READER}(${value}::text, ${literal(zone)})`;
}

/**
 * A zone's offset in standard time (the smaller of January's and July's, this year), as
 * `+01:00`: a time has no day to tell summer from winter by.
 */
function standardOffsetOf(zone: string): string {
  const year = new Date().getUTCFullYear();
  const offsets = [0, 6].map((month) => offsetMinutesAt(zone, new Date(Date.UTC(year, month, 1))));
  const minutes = Math.min(...offsets);
  const sign = minutes < 0 ? '-' : '+';
  const [hours, rest] = [Math.floor(Math.abs(minutes) / 60), Math.abs(minutes) % 60];
  return `${sign}${String(hours).padStart(2, '0')}:${String(rest).padStart(2, '0')}`;
}

/** The zone's offset from UTC at `instant`, in minutes east. */
function offsetMinutesAt(zone: string, instant: Date): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(instant)
    .find((part) => part.type === 'timeZoneName')?.value;
  const [, sign, hours, minutes] = /^GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '') ?? [];
  if (!sign) return 0;
  return (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
}
