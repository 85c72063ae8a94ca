import { asArray, isJsonObject, type OdcsDocument } from './odcs-document';
import type { PathProblem, PathSegment } from './path-problem';

/*
 * ODCS v3.0.x names a library rule with `rule` (any name, a threshold optional, its own fields
 * such as `validValues` beside it); v3.1.0 renamed it `metric`, from a closed list, with a
 * threshold required and the rule's own fields under `arguments`. The app reads v3.0.x rules
 * in their v3.1.0 form and checks the rest of the document with v3.1.0's schema.
 */

/** The v3.1.0 metric each v3.0.x rule name became; the v3.1.0 names themselves stand. */
const METRIC_OF_V30_RULE: Readonly<Record<string, string>> = {
  nullCheck: 'nullValues',
  nullValues: 'nullValues',
  missingValues: 'missingValues',
  validValues: 'invalidValues',
  invalidValues: 'invalidValues',
  duplicateCount: 'duplicateValues',
  duplicateValues: 'duplicateValues',
  rowCount: 'rowCount',
};

const V310_METRICS = [...new Set(Object.values(METRIC_OF_V30_RULE))];

const THRESHOLDS = [
  'mustBe',
  'mustNotBe',
  'mustBeGreaterThan',
  'mustBeGreaterOrEqualTo',
  'mustBeLessThan',
  'mustBeLessOrEqualTo',
  'mustBeBetween',
  'mustNotBeBetween',
];

/** The fields v3.0.2's schema gives every quality rule; any other field of a library rule belongs to its rule. */
const V30_QUALITY_FIELDS = new Set([
  'authoritativeDefinitions',
  'businessImpact',
  'customProperties',
  'description',
  'dimension',
  'method',
  'name',
  'schedule',
  'scheduler',
  'severity',
  'tags',
  'type',
  'unit',
  'rule',
  ...THRESHOLDS,
]);

export interface V30LibraryRule {
  path: PathSegment[];
  /** The rule in v3.1.0's form; with its v3.0.x name kept where v3.1.0 has no metric for it. */
  asV310: OdcsDocument;
  /** The fields moved under `arguments`. */
  movedToArguments: string[];
  /** Why the app checks nothing for it, when it does not. */
  unchecked?: string;
}

function isV30Document(document: unknown): boolean {
  return isJsonObject(document) && typeof document.apiVersion === 'string' && document.apiVersion.startsWith('v3.0.');
}

/** The library rules of a v3.0.x document named by `rule`, at every depth; none for another version. */
export function v30LibraryRules(document: unknown): V30LibraryRule[] {
  if (!isV30Document(document)) return [];
  return asArray((document as OdcsDocument).schema).flatMap((object, index) => rulesBelow(object, ['schema', index]));
}

function rulesBelow(node: unknown, at: PathSegment[]): V30LibraryRule[] {
  if (!isJsonObject(node)) return [];
  const own = asArray(node.quality).flatMap((rule, index) => libraryRuleAt(rule, [...at, 'quality', index]));
  const nested = asArray(node.properties).flatMap((property, index) =>
    rulesBelow(property, [...at, 'properties', index]),
  );
  return [...own, ...nested, ...rulesBelow(node.items, [...at, 'items'])];
}

function libraryRuleAt(rule: unknown, path: PathSegment[]): V30LibraryRule[] {
  if (!isJsonObject(rule) || typeof rule.rule !== 'string' || rule.metric !== undefined) return [];
  if ((rule.type ?? 'library') !== 'library') return [];
  const metric = METRIC_OF_V30_RULE[rule.rule];
  if (metric === undefined) {
    const unchecked = `library rule '${rule.rule}' is not one of the metrics ODCS v3.1.0 names (${V310_METRICS.join(', ')}): it is kept as written, and the app checks nothing for it`;
    // v3.1.0 takes a rule without `type` or `metric` for no library rule, where v3.0.x's type defaults to library.
    return [{ path, asV310: { type: 'library', ...rule }, movedToArguments: [], unchecked }];
  }
  const { rule: _name, ...fields } = rule;
  const movedToArguments = Object.keys(fields).filter((field) => !V30_QUALITY_FIELDS.has(field));
  const ruleArguments = Object.fromEntries(movedToArguments.map((field) => [field, fields[field]]));
  // `metric` where `rule` was, so a rewritten rule keeps its order (`{rule: nullCheck, mustBe: 0}` too).
  const kept = Object.entries(rule).flatMap(([field, value]): [string, unknown][] =>
    field === 'rule' ? [['metric', metric]] : V30_QUALITY_FIELDS.has(field) ? [[field, value]] : [],
  );
  const asV310 = Object.fromEntries([...kept, ...(movedToArguments.length > 0 ? [['arguments', ruleArguments]] : [])]);
  const hasThreshold = THRESHOLDS.some((threshold) => rule[threshold] !== undefined);
  const unchecked = hasThreshold
    ? undefined
    : `library rule '${rule.rule}' has no threshold (mustBe, mustBeLessThan, …): ODCS v3.0.x allows that, but it says nothing to check, so the app checks nothing for it`;
  return [{ path, asV310, movedToArguments, ...(unchecked && { unchecked }) }];
}

/** A copy of the document with these rules in their v3.1.0 form. */
export function withRulesAsV310(document: OdcsDocument, rules: readonly V30LibraryRule[]): OdcsDocument {
  const copy = structuredClone(document);
  for (const { path, asV310 } of rules) {
    const parent = path.slice(0, -1).reduce<unknown>((node, segment) => (node as OdcsDocument)[segment], copy);
    (parent as OdcsDocument)[path.at(-1) as PathSegment] = asV310;
  }
  return copy;
}

/**
 * A problem v3.1.0's schema finds in the translated document, at the v3.0.x field it is about;
 * none where it is only that v3.1.0 wants a metric or a threshold the v3.0.x rule need not have.
 */
export function asV30Problem(problem: PathProblem, rules: readonly V30LibraryRule[]): PathProblem[] {
  const rule = rules.find(({ path }) => path.every((segment, index) => problem.path[index] === segment));
  if (!rule) return [problem];
  const within = problem.path.slice(rule.path.length);
  if (within.length === 0) return rule.unchecked ? [] : [problem];
  const [field, argument, ...rest] = within;
  if (field === 'metric') return [{ ...problem, path: [...rule.path, 'rule'] }];
  if (field === 'arguments' && typeof argument === 'string' && rule.movedToArguments.includes(argument)) {
    return [{ ...problem, path: [...rule.path, argument, ...rest] }];
  }
  return [problem];
}

/** A warning at each v3.0.x library rule the app keeps but checks nothing for. */
export function uncheckedV30RuleWarnings(document: unknown): PathProblem[] {
  return v30LibraryRules(document).flatMap(({ path, unchecked }) => (unchecked ? [{ path, message: unchecked }] : []));
}
