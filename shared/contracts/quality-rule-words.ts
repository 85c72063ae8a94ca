import { isJsonObject } from './odcs-document';
import { shownValue } from './shown-value';

/** A quality rule's comparison keys and how they read: `mustBeGreaterThan: 1000` → `> 1000`. */
const OPERATOR_WORDS: readonly [key: string, words: string][] = [
  ['mustBe', '='],
  ['mustNotBe', '≠'],
  ['mustBeGreaterThan', '>'],
  ['mustBeGreaterOrEqualTo', '≥'],
  ['mustBeLessThan', '<'],
  ['mustBeLessOrEqualTo', '≤'],
  ['mustBeBetween', 'between'],
  ['mustNotBeBetween', 'not between'],
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

/** `nullValues = 0`, `rowCount > 1000`, `duplicateValues (a, b, c) = 0`, `nullValues < 5%`, or the rule's own words. */
export function qualityRuleWords(rule: Record<string, unknown>): string {
  if (typeof rule.description === 'string' && rule.metric === undefined) return rule.description;
  const subject = String(rule.metric ?? rule.name ?? rule.type ?? 'rule');
  const unit = unitWords(rule.unit);
  const comparison = OPERATOR_WORDS.filter(([key]) => rule[key] !== undefined)
    .map(([key, words]) => `${words} ${Array.isArray(rule[key]) ? rule[key].join('–') : String(rule[key])}${unit}`)
    .join(' ');
  const argumentWords = Object.entries(isJsonObject(rule.arguments) ? rule.arguments : {}).map(([key, value]) =>
    (ARGUMENT_WORDS[key] ?? ((other: unknown) => `${key}: ${shownValue(other)}`))(value),
  );
  const shownArguments = argumentWords.length > 0 ? ` (${argumentWords.join('; ')})` : '';
  return `${subject}${shownArguments} ${comparison}`.trim();
}

/** A threshold's unit: `5` percent is not `5` rows, ODCS's default. */
function unitWords(unit: unknown): string {
  if (typeof unit !== 'string' || unit.trim() === '') return '';
  return unit === 'percent' ? '%' : ` ${unit}`;
}

function listed(value: unknown, show: (item: unknown) => string): string {
  return Array.isArray(value) ? value.map(show).join(', ') : show(value);
}
