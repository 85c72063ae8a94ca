/**
 * A date or timestamp bound read only where its meaning is certain: ISO 8601 text, a date as
 * `YYYY-MM-DD`, a timestamp as `YYYY-MM-DDThh:mm[:ss[.fff…]]` with an offset (`Z`, `+01:00`) or
 * without one (a wall time). Never read through the machine's time zone.
 */
export interface TimePoint {
  /** Points of different kinds never compare: a wall time is no instant until a zone is chosen. */
  kind: 'date' | 'instant' | 'wall time';
  /** Whole seconds since 1970-01-01 (an instant in UTC, a wall time or date as if it were). */
  seconds: number;
  /** The fraction of a second's digits, trailing zeros dropped, compared digit by digit so no precision is lost. */
  fraction: string;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(?:(Z)|([+-])(\d{2}):?(\d{2}))?$/i;
/** JDK DateTimeFormatter patterns that write dates and timestamps as ISO 8601 does, field for field. */
const ISO_FORMAT = /^(?:yyyy|uuuu)-MM-dd(?:'T'HH:mm(?::ss(?:\.S{1,9})?)?(?:X{1,3}|x{1,3}|Z{1,3}|ZZZZZ)?)?$/;

/** Whether a declared `format` (a DateTimeFormatter pattern in ODCS) leaves an ISO 8601 bound meaning what ISO says. */
export function isIsoFormat(format: unknown): boolean {
  return format === undefined || (typeof format === 'string' && ISO_FORMAT.test(format));
}

export function isoDateOf(text: unknown): TimePoint | undefined {
  const match = typeof text === 'string' ? ISO_DATE.exec(text) : null;
  const days = match ? calendarDaysOf(match[1], match[2], match[3]) : undefined;
  return days === undefined ? undefined : { kind: 'date', seconds: days * 86_400, fraction: '' };
}

export function isoTimestampOf(text: unknown): TimePoint | undefined {
  const match = typeof text === 'string' ? ISO_TIMESTAMP.exec(text) : null;
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second = '0', fraction = '', zulu, sign, offsetHours, offsetMinutes] = match;
  const days = calendarDaysOf(year, month, day);
  const clock = secondsOfDay(Number(hour), Number(minute), Number(second));
  const offset = sign === undefined ? 0 : offsetSeconds(sign, Number(offsetHours), Number(offsetMinutes));
  if (days === undefined || clock === undefined || offset === undefined) return undefined;
  return {
    kind: zulu !== undefined || sign !== undefined ? 'instant' : 'wall time',
    seconds: days * 86_400 + clock - offset,
    fraction: fraction.replace(/0+$/, ''),
  };
}

/** Negative, zero or positive as `a` is before, at or after `b`; undefined when they cannot be compared. */
export function compareTimePoints(a: TimePoint, b: TimePoint): number | undefined {
  if (a.kind !== b.kind) return undefined;
  if (a.seconds !== b.seconds) return a.seconds - b.seconds;
  const width = Math.max(a.fraction.length, b.fraction.length);
  const [fa, fb] = [a.fraction.padEnd(width, '0'), b.fraction.padEnd(width, '0')];
  return fa === fb ? 0 : fa < fb ? -1 : 1;
}

/** A leap second (`:60`) or `24:00` is left unread rather than guessed at. */
function secondsOfDay(hour: number, minute: number, second: number): number | undefined {
  return hour > 23 || minute > 59 || second > 59 ? undefined : hour * 3600 + minute * 60 + second;
}

function offsetSeconds(sign: string, hours: number, minutes: number): number | undefined {
  if (hours > 23 || minutes > 59) return undefined;
  return (sign === '-' ? -1 : 1) * (hours * 3600 + minutes * 60);
}

/** Days since 1970-01-01 of a date the calendar has (no 2024-02-30). */
function calendarDaysOf(yearText = '', monthText = '', dayText = ''): number | undefined {
  const [year, month, day] = [Number(yearText), Number(monthText), Number(dayText)];
  const isInCalendar = month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
  return isInCalendar ? daysSinceEpoch(year, month, day) : undefined;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days from 1970-01-01 in the proleptic Gregorian calendar (Hinnant's days_from_civil): Date.UTC maps years 0–99 to 1900–1999. */
function daysSinceEpoch(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}
