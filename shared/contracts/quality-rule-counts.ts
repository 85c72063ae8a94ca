import type { OdcsDocument } from './odcs-document';
import { isCountMetric } from './quality-metrics';

/**
 * A query whose one result is a `COUNT(…)` of rows (`SELECT COUNT(*) FROM orders WHERE …`, the
 * common form of an ODCS SQL rule); anything computed from it (`COUNT(*) - 1`) or beside it is not.
 */
const COUNT_QUERY = /^\s*select\s+count\s*\(\s*(?:\*|(?:distinct\s+)?[\w."`[\]]+)\s*\)\s*(?:as\s+[\w"`]+\s*)?from\s/i;

/**
 * Whether a rule's result is a whole number of values or rows, never below 0: a library count
 * metric not in `unit: percent`, or a SQL rule whose query selects one `COUNT`.
 */
export function isCountRule(check: OdcsDocument): boolean {
  if (check.type === 'sql') return typeof check.query === 'string' && COUNT_QUERY.test(check.query);
  return isCountMetric(check.metric, check.unit);
}
