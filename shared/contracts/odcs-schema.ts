import type { ErrorObject } from 'ajv';
import { nearMiss } from '../model/near-miss';
import { valueAt } from '../model/plain-schema-issue';
import { formatPath } from '../model/problem';
import { joinedWith } from '../model/word-list';
import { isDeclaredFieldLeftUnevaluated } from './declared-unevaluated-fields';
import { escapePointer, pathOf } from './json-pointer';
import { nonJsonNumberProblems } from './non-json-numbers';
import { isJsonObject } from './odcs-document';
import { choosingValuesFor, logicalTypesTaking, schemaPathOf } from './odcs-schema-guide';
import { asV30Problem, v30LibraryRules, withRulesAsV310 } from './odcs-v30-quality';
import { LATEST_API_VERSION, schemaForApiVersion } from './odcs-versions';
import { otherDocumentKindProblem } from './other-document-kind';
import type { PathProblem, PathSegment } from './path-problem';
import { unchosenBranchFields } from './unchosen-branch-fields';

const MAX_REPORTED_VIOLATIONS = 50;
/** Keywords whose errors only summarise the more precise errors of their branches. */
const SUMMARY_KEYWORDS = new Set(['if', 'oneOf', 'anyOf']);

/**
 * The document's violations of the official schema of the ODCS version it declares, each
 * at the path it is about; a version the app does not know is itself the one problem.
 */
export function validateOdcsDocument(document: unknown): PathProblem[] {
  const v30Rules = v30LibraryRules(document);
  if (v30Rules.length === 0) return schemaProblems(document);
  // v3.0.x has no schema here: its library rules are checked in the v3.1.0 form they became.
  const asV310 = withRulesAsV310(document as Record<string, unknown>, v30Rules);
  return schemaProblems(asV310).flatMap((problem) => asV30Problem(problem, v30Rules));
}

function schemaProblems(document: unknown): PathProblem[] {
  const apiVersion = (document as Record<string, unknown> | null)?.apiVersion;
  const resolved = schemaForApiVersion(apiVersion);
  if (!resolved.ok) {
    const otherKind = otherDocumentKindProblem(document);
    if (otherKind) return [otherKind];
    const { message, meant } = resolved;
    return [{ path: ['apiVersion'], message, ...(meant && { repair: { kind: 'replace-marked-text', text: meant } }) }];
  }
  const { validate, version } = resolved.schema;
  if (validate(document)) return [];
  const nonJsonNumbers = nonJsonNumberProblems(document);
  // What the schema says of such a number (the wrong type) is what the number's own problem explains.
  const nonJsonPaths = new Set(nonJsonNumbers.map(({ path }) => formatPath(path)));
  const unchosen = unchosenBranchFields(validate.errors ?? [], document, version);
  const unexplained = (validate.errors ?? []).filter((error) => !unchosen.explained.has(error));
  const errors = withoutDeclaredFields(unexplained, document, version);
  const schemaProblems = [...unchosen.problems, ...describeErrors(errors, document)].filter(
    (problem) => !nonJsonPaths.has(formatPath(problem.path)),
  );
  const problems = [...nonJsonNumbers, ...schemaProblems].slice(0, MAX_REPORTED_VIOLATIONS);
  if (version === LATEST_API_VERSION) return problems;
  return withLatestVersionFeaturesNamed(problems, unknownNamesOf(errors, document), document);
}

/** Ajv's errors without those that call a field the schema declares there unknown. */
function withoutDeclaredFields(errors: readonly ErrorObject[], document: unknown, version: string): ErrorObject[] {
  return errors.filter((error) => !isDeclaredFieldLeftUnevaluated(error, document, version));
}

/** Where the schema met a field or a value it does not know, as formatted paths. */
function unknownNamesOf(errors: readonly ErrorObject[], document: unknown): Set<string> {
  return new Set(
    withoutCollateral(errors).flatMap((error) => {
      const path = pathOf(error.instancePath, document);
      if (error.keyword === 'enum') return [formatPath(path)];
      const field = error.params.additionalProperty ?? error.params.unevaluatedProperty;
      return field === undefined ? [] : [formatPath([...path, String(field)])];
    }),
  );
}

/**
 * A field or value an older version does not know (`enum`, the `map` type in v3.1.0) that the
 * latest version's schema finds nothing wrong with is that version's feature: said so, with the way to upgrade.
 */
function withLatestVersionFeaturesNamed(
  problems: PathProblem[],
  unknownNames: ReadonlySet<string>,
  document: unknown,
): PathProblem[] {
  const latest = schemaForApiVersion(LATEST_API_VERSION);
  if (!latest.ok) return problems;
  const declared = versionOf(document);
  const asLatest = { ...(document as object), apiVersion: LATEST_API_VERSION };
  const { validate } = latest.schema;
  // A field the latest version knows is its feature even when written wrongly (an enum of bare strings).
  const unknownToLatest = validate(asLatest)
    ? new Set()
    : unknownNamesOf(withoutDeclaredFields(validate.errors ?? [], asLatest, LATEST_API_VERSION), asLatest);
  const isLatestFeature = (problem: PathProblem) =>
    unknownNames.has(formatPath(problem.path)) && !unknownToLatest.has(formatPath(problem.path));
  return problems.map((problem) =>
    isLatestFeature(problem)
      ? {
          ...problem,
          message: `${problem.message}. It is an ODCS ${LATEST_API_VERSION} feature and this contract declares ${declared}: the editor's Upgrade to ${LATEST_API_VERSION} rewrites the contract in ${LATEST_API_VERSION}`,
          repair: { kind: 'upgrade-to-latest' as const },
        }
      : problem,
  );
}

/**
 * Turns Ajv's raw errors into messages a person can act on: drops summaries when a
 * precise error explains them; merges the `required` errors of `oneOf` branches (the
 * comparison operators of a quality rule) into one "needs one of" message, naming an
 * unknown field there as the misspelt alternative it probably is, unless a branch found its
 * field and failed on its value (then only that is said); merges the `type` errors
 * of `anyOf` branches (an SLA value) into one "must be of type a, b or c", unless the value
 * fails inside (a `team` object with an unknown member field is no call for a list); says so when more
 * than one branch matches (two operators); and drops "unevaluated property" errors on an
 * object that fails otherwise, on a field that fails deeper down and within it: a failed
 * subschema leaves its properties unevaluated, so they would be reported as unknown.
 */
function describeErrors(errors: readonly ErrorObject[], document: unknown): PathProblem[] {
  const uncollateral = new Set(withoutCollateral(errors));
  const isCollateral = (error: ErrorObject) => !uncollateral.has(error);
  const ambiguous = errors.filter(isAmbiguousOneOf);
  const ambiguousPaths = new Set(ambiguous.map((error) => error.instancePath));
  const precise = errors.filter((error) => !SUMMARY_KEYWORDS.has(error.keyword) && !isCollateral(error));
  const summaries = errors.filter(
    (error) =>
      SUMMARY_KEYWORDS.has(error.keyword) &&
      !isAmbiguousOneOf(error) &&
      !precise.some((other) => isWithin(other.instancePath, error.instancePath)),
  );
  const direct = precise.filter((error) => !isBranchError(error) || isRequiredWithinBranch(error));
  const directPaths = new Set(direct.map((error) => error.instancePath));
  const alternatives = precise.filter(
    (error) => isBranchError(error) && !isRequiredWithinBranch(error) && !ambiguousPaths.has(error.instancePath),
  );

  // A schema may reach the same alternatives twice (array items are checked as properties too): each is named once.
  const missingAlternatives = namesPerPath(
    alternatives.filter((error) => !isExplainedByChosenBranch(error, alternatives)),
    'required',
    (error) => error.params.missingProperty,
  );
  const typeAlternatives = namesPerPath(alternatives, 'type', (error) => error.params.type);
  // A value with an error inside it has the type of the alternative that checked it: the others' types are beside the point.
  const failsWithin = (pointer: string) => precise.some((error) => error.instancePath.startsWith(`${pointer}/`));
  // An alternative that failed on something else than the type took the value's type: the other types are beside the point.
  const failsPastItsType = (pointer: string) =>
    alternatives.some((error) => error.instancePath === pointer && error.keyword !== 'type');
  const unknownFieldsAt = (pointer: string) =>
    errors
      .filter((error) => error.keyword === 'unevaluatedProperties' && error.instancePath === pointer)
      .map((error) => String(error.params.unevaluatedProperty));

  const problems: PathProblem[] = [
    ...direct.map((error) => describeError(error, document)),
    ...[...missingAlternatives].flatMap(([pointer, names]) =>
      describeMissingAlternative(pathOf(pointer, document), names, unknownFieldsAt(pointer)),
    ),
    ...[...typeAlternatives]
      .filter(([pointer]) => !directPaths.has(pointer) && !failsWithin(pointer) && !failsPastItsType(pointer))
      .map(([pointer, types]) => ({
        path: pathOf(pointer, document),
        message: `must be of type ${joinedWith(types, 'or')}`,
      })),
    ...ambiguous.map((error) => describeAmbiguity(error, document)),
    ...alternatives
      .filter((error) => !['required', 'type'].includes(error.keyword) && !directPaths.has(error.instancePath))
      .map((error) => describeError(error, document)),
    ...summaries.map((error) => describeError(error, document)),
  ];
  return withoutDuplicates(problems);
}

/**
 * Ajv's errors without the "unevaluated property" errors on an object that fails otherwise, on a
 * field that fails deeper down and within it: a failed subschema leaves its properties unevaluated.
 */
function withoutCollateral(errors: readonly ErrorObject[]): ErrorObject[] {
  const failures = errors
    .filter((error) => error.keyword !== 'unevaluatedProperties' && !isUntypedPropertyAskedForMap(error))
    .map((error) => error.instancePath);
  const failingObjects = new Set(failures);
  // A field that fails deeper down is left unevaluated by the subschema it failed, and so is all it holds.
  const failingFields = errors
    .filter((error) => error.keyword === 'unevaluatedProperties')
    .map((error) => `${error.instancePath}/${escapePointer(String(error.params.unevaluatedProperty))}`)
    .filter((field) => failures.some((failure) => isWithin(failure, field)));
  const isCollateral = (error: ErrorObject) =>
    error.keyword === 'unevaluatedProperties' &&
    (failingObjects.has(error.instancePath) ||
      failingFields.some((field) => isWithin(error.instancePath, field)) ||
      failingFields.includes(`${error.instancePath}/${escapePointer(String(error.params.unevaluatedProperty))}`));
  return errors.filter((error) => !isCollateral(error));
}

/** Per object, the distinct names (missing fields, types) that the alternatives' errors of one keyword give. */
function namesPerPath(
  errors: readonly ErrorObject[],
  keyword: string,
  nameOf: (error: ErrorObject) => unknown,
): Map<string, string[]> {
  const names = new Map<string, string[]>();
  for (const error of errors) {
    if (error.keyword !== keyword) continue;
    const known = names.get(error.instancePath) ?? [];
    const name = String(nameOf(error));
    if (!known.includes(name)) known.push(name);
    names.set(error.instancePath, known);
  }
  return names;
}

/**
 * None of the alternatives is there. An unknown field that looks like one of them (a typo
 * such as `mustBeGreaterThen`) is named as the culprit, at its key.
 */
function describeMissingAlternative(path: PathSegment[], names: string[], unknownFields: string[]): PathProblem[] {
  const choices = names.join(', ');
  const misspelt = unknownFields.filter((field) => names.some((name) => sharedPrefixLength(field, name) >= 4));
  if (misspelt.length === 0) return [{ path, message: `needs one of: ${choices}` }];
  const noun = names.every((name) => name.startsWith('must')) ? 'quality operator' : 'field';
  return misspelt.map((field) => {
    const meant = nearMiss(field, names);
    return {
      path: [...path, field],
      message: `unknown ${noun} '${field}'; expected one of: ${choices}`,
      target: 'key' as const,
      ...(meant && { repair: { kind: 'replace-marked-text' as const, text: meant } }),
    };
  });
}

/** A `oneOf` where several alternatives match: for quality rules, two comparison operators. */
function isAmbiguousOneOf(error: ErrorObject): boolean {
  return error.keyword === 'oneOf' && Array.isArray(error.params.passingSchemas);
}

function describeAmbiguity(error: ErrorObject, document: unknown): PathProblem {
  const branches = (error.schema ?? []) as Array<{ required?: string[] }>;
  const passing = (error.params.passingSchemas as number[]).flatMap((index) => branches[index]?.required ?? []);
  const path = pathOf(error.instancePath, document);
  if (passing.length === 0) return { path, message: 'matches more than one alternative of the schema' };
  const noun = passing.every((name) => name.startsWith('must')) ? 'comparison operator' : 'of these fields';
  return { path, message: `has more than one ${noun} (${passing.join(', ')}); a rule takes exactly one` };
}

function describeError(error: ErrorObject, document: unknown): PathProblem {
  const path = pathOf(error.instancePath, document);
  switch (error.keyword) {
    case 'required':
      if (error.params.missingProperty === 'map') {
        const misplaced = mapPartsBesideType(error.data, path);
        if (misplaced) return misplaced;
      }
      return isAskedOfUntypedProperty(error)
        ? {
            path,
            message: `has no logicalType, so ODCS ${versionOf(document)}'s schema applies the rules of every type to it and asks for '${error.params.missingProperty}': add a logicalType (such as string)`,
          }
        : { path, message: `missing required field '${error.params.missingProperty}'` };
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const field = String(error.params.additionalProperty ?? error.params.unevaluatedProperty);
      const apiVersion = error.keyword === 'unevaluatedProperties' ? versionOf(document) : undefined;
      return optionOfAnotherType(path, field, document) ?? unknownField(path, field, apiVersion);
    }
    case 'not':
      return describeForbidden(error, path);
    case 'type':
      return isPlainEnumEntry(error, path)
        ? { path, message: `must be an object: write each allowed value as {value: ${String(error.data)}}` }
        : { path, message: error.message ?? `fails '${error.keyword}'` };
    case 'enum': {
      const field = path.at(-1);
      const allowed = (error.params.allowedValues as unknown[]).map(String);
      const subject = typeof field === 'string' ? field : 'value';
      const meant = typeof error.data === 'string' ? nearMiss(error.data, allowed) : undefined;
      return {
        path,
        message: `unknown ${subject} ${JSON.stringify(error.data)}; expected one of: ${allowed.join(', ')}`,
        ...(meant && { repair: { kind: 'replace-marked-text' as const, text: meant } }),
      };
    }
    default:
      return { path, message: error.message ?? `fails '${error.keyword}'` };
  }
}

/** A map property whose `key` and `value` are written beside its logicalType, where ODCS wants them under `map:`. */
function mapPartsBesideType(property: unknown, path: PathSegment[]): PathProblem | undefined {
  if (!isJsonObject(property)) return undefined;
  const parts = (['key', 'value'] as const).filter((part) => property[part] !== undefined);
  if (parts.length === 0) return undefined;
  return {
    path,
    message:
      "missing required field 'map': key and value belong under map: (map: {key: ..., value: ...}), not beside logicalType",
    repair: {
      kind: 'edit',
      title: `Move ${parts.join(' and ')} under map:`,
      edits: [
        { op: 'set', path: [...path, 'map'], value: Object.fromEntries(parts.map((part) => [part, property[part]])) },
        ...parts.map((part) => ({ op: 'delete' as const, path: [...path, part] })),
      ],
    },
  };
}

/** An ODCS 3.2 `enum` entry written as a bare value (`enum: [booked]`), where the schema wants `{value: booked}`. */
function isPlainEnumEntry(error: ErrorObject, path: PathSegment[]): boolean {
  return (
    error.params.type === 'object' &&
    path.at(-2) === 'enum' &&
    typeof path.at(-1) === 'number' &&
    ['string', 'number', 'boolean'].includes(typeof error.data)
  );
}

/**
 * `not: { required: [key] }` forbids a key (a property-level relationship's `from`); Ajv's own
 * words, "must NOT be valid", say neither which key nor why, so both come from the schema.
 */
function describeForbidden(error: ErrorObject, path: PathSegment[]): PathProblem {
  const forbidden = (error.schema as { required?: unknown } | undefined)?.required;
  if (!Array.isArray(forbidden) || forbidden.length !== 1) {
    return { path, message: error.message ?? "fails 'not'" };
  }
  const key = String(forbidden[0]);
  const reason = (error.parentSchema as { description?: unknown } | undefined)?.description;
  const why = typeof reason === 'string' ? `: ${reason.charAt(0).toLowerCase()}${reason.slice(1)}` : '';
  return { path: [...path, key], message: `'${key}' is not allowed here${why}`, target: 'key' };
}

/**
 * The schema's per-type rules are `if: {properties: {logicalType: {const: map}}}, then: ...`,
 * and an `if` about a field that is absent holds: a property without a logicalType gets them all.
 */
function isAskedOfUntypedProperty(error: ErrorObject): boolean {
  return error.schemaPath.endsWith('/then/required') && isJsonObject(error.data) && !('logicalType' in error.data);
}

/**
 * v3.2.0's `map` branch, whose `if` an untyped property passes, asking it for `map` (its `required` error, and its
 * `if`'s): that branch evaluates no field but `map`, so the property's other fields are as evaluated as they were.
 */
function isUntypedPropertyAskedForMap(error: ErrorObject): boolean {
  const asksForMap =
    (error.keyword === 'required' && error.params.missingProperty === 'map') ||
    (error.keyword === 'if' && valueAt(error.schema, ['properties', 'logicalType', 'const']) === 'map');
  return asksForMap && isJsonObject(error.data) && !('logicalType' in error.data);
}

function versionOf(document: unknown): string {
  return isJsonObject(document) && typeof document.apiVersion === 'string' ? document.apiVersion : 'v3';
}

/** An unknown field, with what would allow it where the schema has it in another branch (`engine` needs `type: custom`). */
function unknownField(objectPath: PathSegment[], field: string, apiVersion?: string): PathProblem {
  const choices = apiVersion === undefined ? [] : choosingValuesFor(schemaPathOf(objectPath), field, apiVersion);
  const keys = [...new Set(choices.map(({ key }) => key))];
  const needs = keys.map((key) =>
    namedUpTo(
      choices.filter((choice) => choice.key === key).map(({ value }) => value),
      MAX_NAMED_CHOICES,
    ),
  );
  const hint = keys.length > 0 ? `; it needs ${keys.map((key, index) => `${key}: ${needs[index]}`).join(' or ')}` : '';
  return { path: [...objectPath, field], message: `unknown field '${field}'${hint}`, target: 'key' };
}

/** A `logicalTypeOptions` key the schema knows, written under a logical type that does not take it. */
function optionOfAnotherType(objectPath: PathSegment[], option: string, document: unknown): PathProblem | undefined {
  if (objectPath.at(-1) !== 'logicalTypeOptions') return undefined;
  const logicalType = valueAt(document, [...objectPath.slice(0, -1), 'logicalType']);
  const takers = logicalTypesTaking(option, versionOf(document));
  if (typeof logicalType !== 'string' || takers.length === 0) return undefined;
  return {
    path: [...objectPath, option],
    message: `'${option}' applies to ${joinedWith(takers, 'and')} fields, not ${logicalType}`,
    target: 'key',
  };
}

/** How many values a hint names before it counts the rest (19 server types have a `database`). */
const MAX_NAMED_CHOICES = 4;

function namedUpTo(values: readonly string[], limit: number): string {
  if (values.length <= limit) return joinedWith(values, 'or');
  return `${values.slice(0, limit).join(', ')} or ${values.length - limit} more`;
}

/**
 * A missing alternative that does not matter: another branch of the same `oneOf` found its
 * field there and failed on its value (`mustBeBetween: 5` is not a list), so that is the problem.
 */
function isExplainedByChosenBranch(error: ErrorObject, alternatives: readonly ErrorObject[]): boolean {
  if (error.keyword !== 'required') return false;
  const choice = choiceOf(error);
  return alternatives.some(
    (other) => other.instancePath.startsWith(`${error.instancePath}/`) && choiceOf(other) === choice,
  );
}

/** The `oneOf`/`anyOf` a branch error comes from (its schema path up to the branch index). */
function choiceOf(error: ErrorObject): string | undefined {
  return /^(.*\/(?:oneOf|anyOf))\/\d+\//.exec(error.schemaPath)?.[1];
}

/**
 * A field an alternative requires deeper down (a v3.2.0 context's `verifiedStatements` entry
 * without its `question`), not the alternative's own requirement (`mustBe` of one quality operator):
 * simply missing, not one of several choices.
 */
function isRequiredWithinBranch(error: ErrorObject): boolean {
  return (
    error.keyword === 'required' && isBranchError(error) && !/\/(oneOf|anyOf)\/\d+\/required$/.test(error.schemaPath)
  );
}

/** Errors raised inside one alternative of a `oneOf`/`anyOf`: only some of them apply. */
function isBranchError(error: ErrorObject): boolean {
  return /\/(oneOf|anyOf)\/\d+\//.test(error.schemaPath);
}

function isWithin(pointer: string, ancestor: string): boolean {
  return pointer === ancestor || pointer.startsWith(`${ancestor}/`);
}

function sharedPrefixLength(a: string, b: string): number {
  let length = 0;
  while (length < a.length && a[length] === b[length]) length++;
  return length;
}

function withoutDuplicates(problems: readonly PathProblem[]): PathProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = JSON.stringify([problem.path, problem.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
