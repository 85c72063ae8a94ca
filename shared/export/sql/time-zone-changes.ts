import type { ContractProperty } from '../../model/contract';
import { logicalTypeOptions } from '../../simulation/allowed-values';
import { columnTypeParts } from './postgres-column-types';

/*
 * A timestamp column changing between timestamptz and timestamp (of any digits of a second), as
 * the contract's `timezone` changes. A cast reads or writes the clock time in the session's zone, so the stored times would
 * shift with whoever runs the migration; the clock time is instead the one in the zone the
 * contract gives its times without a zone.
 */

/** ODCS's `defaultTimezone` where the contract gives none. */
const ODCS_DEFAULT_TIMEZONE = 'Etc/UTC';

/**
 * The zone of the clock times of the zoneless side of a change between timestamptz and timestamp
 * (its `defaultTimezone`); undefined for any other change.
 */
export function clockTimeZoneOfChange(
  before: ContractProperty,
  after: ContractProperty,
  fromType: string,
  toType: string,
): string | undefined {
  const types = `${columnTypeParts(fromType).base} ${columnTypeParts(toType).base}`;
  if (types !== 'timestamp timestamptz' && types !== 'timestamptz timestamp') return undefined;
  const { defaultTimezone } = logicalTypeOptions(types === 'timestamp timestamptz' ? before : after) ?? {};
  return typeof defaultTimezone === 'string' && defaultTimezone.trim() !== ''
    ? defaultTimezone.trim()
    : ODCS_DEFAULT_TIMEZONE;
}
