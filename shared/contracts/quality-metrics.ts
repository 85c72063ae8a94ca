/**
 * What each metric of ODCS's data quality library counts. The schema names the metrics
 * without saying what they mean; these follow the standard's data quality documentation.
 */
const METRIC_MEANINGS: Readonly<Record<string, string>> = {
  nullValues: 'Counts the null values of the property.',
  missingValues:
    'Counts the values of the property taken as missing: null, and those listed in `arguments.missingValues` (such as `""` or `N/A`).',
  invalidValues:
    'Counts the values of the property that are not valid: not among `arguments.validValues`, or not matching `arguments.pattern`.',
  duplicateValues:
    'Counts the values that occur more than once: of the property, or, on a schema object, of the combination of the properties in `arguments.properties`.',
  rowCount: 'Counts the rows of the schema object (a rule on a schema object, not on a property).',
};

const COUNT_THRESHOLD_NOTE =
  'The count is compared with `mustBe`, `mustBeLessThan` and the other thresholds; with `unit: percent` it is a share of the rows.';

/** rowCount counts the rows themselves, so a share of the rows means nothing for it. */
const THRESHOLD_NOTES: Readonly<Record<string, string>> = {
  rowCount: 'The number of rows is compared with `mustBe`, `mustBeGreaterThan` and the other thresholds.',
};

/** Whether a rule of this metric and unit compares a whole number of values or rows (not a share of them, `unit: percent`). */
export function isCountMetric(metric: unknown, unit: unknown): boolean {
  return typeof metric === 'string' && METRIC_MEANINGS[metric] !== undefined && (unit ?? 'rows') === 'rows';
}

/** The meaning of a data quality library metric, for a hover on `metric: <name>`; undefined for a name the library lacks. */
export function describeQualityMetric(metric: string): string | undefined {
  const meaning = METRIC_MEANINGS[metric];
  return meaning === undefined ? undefined : `${meaning} ${THRESHOLD_NOTES[metric] ?? COUNT_THRESHOLD_NOTE}`;
}
