import { TIME_UNIT_NAMES } from './sla-durations';
import { isDurationSla } from './sla-weakening';

/**
 * The SLA properties offered by name, in ODCS's camel case: those whose changes the app compares
 * (see sla-weakening), then the rest of ODCS's table of service levels.
 */
export const SLA_PROPERTY_NAMES: readonly string[] = [
  'latency',
  'freshness',
  'frequency',
  'retention',
  'availability',
  'throughput',
  'errorRate',
  'generalAvailability',
  'endOfSupport',
  'endOfLife',
  'timeOfAvailability',
];

/** The units of time offered for an SLA property's amount, short names first as ODCS writes them (`d`, `y`). */
export const SLA_UNIT_NAMES = TIME_UNIT_NAMES;

/** The units offered for an SLA property's amount: units of time for a duration (a latency), none where the app reads none (a date). */
export function slaUnitChoices(property: string): readonly string[] {
  return isDurationSla(property) ? SLA_UNIT_NAMES : [];
}
