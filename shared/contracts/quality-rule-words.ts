import { isJsonObject } from './odcs-document';
import { shownValue } from './shown-value';
import type { ConstraintWords } from './type-option-words';

/**
 * A quality rule's comparison keys and how they read after a metric (`mustBeGreaterThan: 1000` →
 * `> 1000`) and after an SQL query, where a sign would read as more SQL (`must be more than 1000`).
 */
const OPERATOR_WORDS: readonly [key: string, afterMetric: string, afterQuery: string][] = [
  ['mustBe', '=', 'must be'],
  ['mustNotBe', '≠', 'must not be'],
  ['mustBeGreaterThan', '>', 'must be more than'],
  ['mustBeGreaterOrEqualTo', '≥', 'must be at least'],
  ['mustBeLessThan', '<', 'must be less than'],
  ['mustBeLessOrEqualTo', '≤', 'must be at most'],
  ['mustBeBetween', 'between', 'must be between'],
  ['mustNotBeBetween', 'not between', 'must not be between'],
];

/**
 * The arguments of ODCS v3.1's library metrics, as a reader takes them in: the columns a
 * `duplicateValues` rule combines bare, the others named; missing values quoted, as `''` would not show.
 */
const ARGUMENT_WORDS: Readonly<Record<string, (value: unknown) => string>> = {
  properties: (value) => listed(value, String),
  validValues: (value) => `valid: ${listed(value, String)}`,
  missingValues: (value) => `missing: ${listed(value, shownValue)}`,
  pattern: (value) => `pattern: ${String(value)}`,
};

/**
 * `nullValues = 0`, `rowCount > 1000`, `duplicateValues (a, b, c) = 0`, `nullValues < 5%`, an SQL
 * rule's query as written and what its result must be, or the rule's own words.
 */
export function qualityRuleWords(rule: Record<string, unknown>): ConstraintWords[] {
  if (rule.type === 'sql' && typeof rule.query === 'string') return sqlRuleWords(rule, rule.query);
  if (typeof rule.description === 'string' && rule.metric === undefined) return [{ words: rule.description }];
  const subject = String(rule.metric ?? rule.name ?? rule.type ?? 'rule');
  const argumentWords = Object.entries(isJsonObject(rule.arguments) ? rule.arguments : {}).map(([key, value]) =>
    (ARGUMENT_WORDS[key] ?? ((other: unknown) => `${key}: ${shownValue(other)}`))(value),
  );
  const shownArguments = argumentWords.length > 0 ? ` (${argumentWords.join('; ')})` : '';
  return [{ words: `${subject}${shownArguments} ${comparisonWords(rule, 'afterMetric')}`.trim() }];
}

/** `No future scans: SELECT count(*) … must be 0`, the query on one line: the Preview shows it in a table cell. */
function sqlRuleWords(rule: Record<string, unknown>, query: string): ConstraintWords[] {
  const lead = typeof rule.description === 'string' ? `${rule.description}:` : '';
  const comparison = comparisonWords(rule, 'afterQuery');
  return [{ words: lead, code: query.trim().replace(/\s+/g, ' ') }, ...(comparison ? [{ words: comparison }] : [])];
}

function comparisonWords(rule: Record<string, unknown>, after: 'afterMetric' | 'afterQuery'): string {
  const unit = unitWords(rule.unit);
  return OPERATOR_WORDS.filter(([key]) => rule[key] !== undefined)
    .map(([key, afterMetric, afterQuery]) => {
      const threshold = rule[key];
      const amount = Array.isArray(threshold) ? threshold.join('–') : String(threshold);
      return `${after === 'afterMetric' ? afterMetric : afterQuery} ${amount}${unit}`;
    })
    .join(' ');
}

/** A threshold's unit: `5` percent is not `5` rows, ODCS's default. */
function unitWords(unit: unknown): string {
  if (typeof unit !== 'string' || unit.trim() === '') return '';
  return unit === 'percent' ? '%' : ` ${unit}`;
}

function listed(value: unknown, show: (item: unknown) => string): string {
  return Array.isArray(value) ? value.map(show).join(', ') : show(value);
}
