import { TIME_UNIT_NAMES } from './sla-durations';
import { slaPropertyName } from './sla-property-name';
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

const DURATION_AMOUNTS = ['1', '7', '30'];

/** A date quoted, as YAML 1.1 readers (PyYAML) would read it bare as a date, not the text YAML 1.2 reads. */
const dateOf = (today: string) => [`"${today}"`];

/**
 * The values offered for an SLA property, in the shape it takes, by its name in lower case: an
 * amount for a duration (its unit apart), a percentage, a rate, a time of day with its offset, or
 * a date (`today`) for the dates of a product's life. ODCS types no property as a boolean.
 */
const VALUE_CHOICES: Readonly<Record<string, (today: string) => readonly string[]>> = {
  latency: () => DURATION_AMOUNTS,
  freshness: () => DURATION_AMOUNTS,
  frequency: () => DURATION_AMOUNTS,
  retention: () => DURATION_AMOUNTS,
  availability: () => ['99.9', '99.5', '99'],
  throughput: () => ['1000', '10000'],
  errorrate: () => ['0.1', '1'],
  // ODCS's own example (`09:00-08:00`), then the same hour in UTC.
  timeofavailability: () => ['09:00-08:00', '06:00Z'],
  generalavailability: dateOf,
  endofsupport: dateOf,
  endoflife: dateOf,
};

/** The values offered for an SLA property's `value`; none for a property ODCS does not list, whose shape is unknown. */
export function slaValueChoices(property: string, today: string): readonly string[] {
  return VALUE_CHOICES[slaPropertyName({ property })]?.(today) ?? [];
}
