import type { ContractProperty, EnumValue, QualityRule } from '../model/contract';
import { asArray, asObject, isEnumRule, type OdcsDocument, qualityToOdcs } from './odcs-document';
import type { PathSegment } from './path-problem';

/**
 * The ODCS fields of a quality rule that name, explain, rank or schedule it. The others (`type`,
 * `metric`, `arguments`, the `mustBe…` operators, `query`, `engine`, `implementation`, `unit`,
 * `customProperties` "required for rule execution", and any the app does not know) decide which
 * data passes.
 */
const DOCUMENTATION_FIELDS = new Set([
  'id',
  'name',
  'description',
  'dimension',
  'severity',
  'businessImpact',
  'method',
  'scheduler',
  'schedule',
  'tags',
  'authoritativeDefinitions',
]);

/** A quality rule in ODCS terms, split into what it checks and what only documents it. */
export interface QualityRuleParts {
  /** How changes name it: its name or id, else what it measures (`nullValues`) or its type (`sql`). */
  label: string;
  check: OdcsDocument;
  documentation: OdcsDocument;
}

export function qualityRuleParts(rule: QualityRule): QualityRuleParts {
  const odcs = qualityToOdcs(rule);
  const label = [odcs.name, odcs.id, odcs.metric, odcs.rule].find((name) => typeof name === 'string') ?? rule.type;
  return { label: String(label), ...splitRuleFields(odcs) };
}

function splitRuleFields(odcs: OdcsDocument): Pick<QualityRuleParts, 'check' | 'documentation'> {
  const check: OdcsDocument = {};
  const documentation: OdcsDocument = {};
  for (const [field, value] of Object.entries(odcs))
    (DOCUMENTATION_FIELDS.has(field) ? documentation : check)[field] = value;
  return { check, documentation };
}

/**
 * Where a property's ODCS object writes its allowed values: its 3.2 `enum`, else the
 * `validValues` of the rule that checks no more than them (documented or not); none when it has none.
 */
export function writtenAllowedValuesPath(property: unknown): PathSegment[] | undefined {
  const { enum: entries, quality } = asObject(property);
  if (entries !== undefined) return ['enum'];
  const index = asArray(quality).findIndex((rule) => isEnumRule(splitRuleFields(asObject(rule)).check));
  return index === -1 ? undefined : ['quality', index, 'arguments', 'validValues'];
}

/**
 * What a property allows, for comparing versions: its allowed values, the label and documentation
 * of the `invalidValues` rule they were read from (none for an `enum` or a bare rule), and its
 * other rules. A rule that documents allowed values (a `description` beside `validValues`) is read
 * as a quality rule, yet allows the same values as the bare rule it was.
 */
export function allowedValuesOf(property: ContractProperty): {
  values?: EnumValue[];
  label: string;
  documentation: OdcsDocument;
  otherRules: QualityRule[];
  /** The rule the values were read from; none for an `enum`. */
  rule?: QualityRule;
} {
  const rules = property.quality ?? [];
  const bare = { values: property.enum, label: 'invalidValues', documentation: {}, otherRules: rules };
  if (property.enum !== undefined) return bare;
  const index = rules.findIndex((rule) => isEnumRule(qualityRuleParts(rule).check));
  const rule = rules[index];
  if (!rule) return bare;
  const { label, check, documentation } = qualityRuleParts(rule);
  return {
    values: (check.arguments as { validValues: Array<EnumValue | null> }).validValues.filter((value) => value !== null),
    label,
    documentation,
    otherRules: rules.filter((_, ruleIndex) => ruleIndex !== index),
    rule,
  };
}
