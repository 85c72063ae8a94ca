import type { ContractProperty } from '../../model/contract';
import { logicalTypeOptions } from '../../simulation/allowed-values';
import { columnTypeParts } from './postgres-column-types';
import { ident, literal } from './postgres-names';

/*
 * A column changing between timestamptz and a type without a zone: timestamp (of any digits of a
 * second), as the contract's `timezone` changes, or date, as its logicalType does. A cast reads or
 * writes the clock time (a date: its midnight, or the day an instant falls on) in the session's
 * zone, so the stored values would shift with whoever runs the migration; the clock time is instead
 * the one in the zone the contract gives its times without a zone.
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
};

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
    default:
      return `${value} ${atZone}`;
  }
}
