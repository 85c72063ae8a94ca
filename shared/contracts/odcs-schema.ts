import type { ErrorObject } from 'ajv';
import validateOdcs from './generated/odcs-validator';
import type { PathProblem, PathSegment } from './path-problem';

// Validates against the official ODCS v3.1.0 JSON Schema (Apache-2.0, see ODCS-LICENSE), its
// content unchanged from the Bitol open-data-contract-standard repository, precompiled so no
// code is generated at run time (the app's CSP forbids it).

export const ODCS_API_VERSION = 'v3.1.0';

const MAX_REPORTED_VIOLATIONS = 50;
/** Keywords whose errors only summarise the more precise errors of their branches. */
const SUMMARY_KEYWORDS = new Set(['if', 'oneOf', 'anyOf']);

/** The document's violations of the official schema, each at the path it is about. */
export function validateOdcsDocument(document: unknown): PathProblem[] {
  if (validateOdcs(document)) return [];
  return describeErrors(validateOdcs.errors ?? [], document).slice(0, MAX_REPORTED_VIOLATIONS);
}

/**
 * Turns Ajv's raw errors into messages a person can act on: drops summaries when a
 * precise error explains them, merges the `required` errors of `oneOf` branches (e.g.
 * the comparison operators of a quality rule) into one "needs one of" message, and
 * drops "unevaluated property" errors on an object that fails otherwise: a failed
 * subschema leaves its properties unevaluated, so they would be reported as unknown.
 */
function describeErrors(errors: readonly ErrorObject[], document: unknown): PathProblem[] {
  const failingObjects = new Set(
    errors.filter((error) => error.keyword !== 'unevaluatedProperties').map((error) => error.instancePath),
  );
  const precise = errors.filter(
    (error) =>
      !SUMMARY_KEYWORDS.has(error.keyword) &&
      !(error.keyword === 'unevaluatedProperties' && failingObjects.has(error.instancePath)),
  );
  const summaries = errors.filter(
    (error) =>
      SUMMARY_KEYWORDS.has(error.keyword) && !precise.some((other) => isWithin(other.instancePath, error.instancePath)),
  );
  const direct = precise.filter((error) => !isBranchError(error));
  const directPaths = new Set(direct.map((error) => error.instancePath));
  const alternatives = precise.filter(isBranchError);

  const missingAlternatives = new Map<string, string[]>();
  for (const error of alternatives) {
    if (error.keyword !== 'required') continue;
    const missing = missingAlternatives.get(error.instancePath) ?? [];
    missing.push(String(error.params.missingProperty));
    missingAlternatives.set(error.instancePath, missing);
  }

  const problems: PathProblem[] = [
    ...direct.map((error) => describeError(error, document)),
    ...[...missingAlternatives].map(([pointer, names]) => ({
      path: pathOf(pointer, document),
      message: `needs one of: ${names.join(', ')}`,
    })),
    ...alternatives
      .filter((error) => error.keyword !== 'required' && !directPaths.has(error.instancePath))
      .map((error) => describeError(error, document)),
    ...summaries.map((error) => describeError(error, document)),
  ];
  return withoutDuplicates(problems);
}

function describeError(error: ErrorObject, document: unknown): PathProblem {
  const path = pathOf(error.instancePath, document);
  switch (error.keyword) {
    case 'required':
      return { path, message: `missing required field '${error.params.missingProperty}'` };
    case 'additionalProperties':
      return unknownField(path, String(error.params.additionalProperty));
    case 'unevaluatedProperties':
      return unknownField(path, String(error.params.unevaluatedProperty));
    case 'enum': {
      const field = path.at(-1);
      const allowed = (error.params.allowedValues as unknown[]).map(String).join(', ');
      const subject = typeof field === 'string' ? field : 'value';
      return { path, message: `unknown ${subject} ${JSON.stringify(error.data)}; expected one of: ${allowed}` };
    }
    default:
      return { path, message: error.message ?? `fails '${error.keyword}'` };
  }
}

function unknownField(objectPath: PathSegment[], field: string): PathProblem {
  return { path: [...objectPath, field], message: `unknown field '${field}'`, target: 'key' };
}

/** Errors raised inside one alternative of a `oneOf`/`anyOf`: only some of them apply. */
function isBranchError(error: ErrorObject): boolean {
  return /\/(oneOf|anyOf)\/\d+\//.test(error.schemaPath);
}

function isWithin(pointer: string, ancestor: string): boolean {
  return pointer === ancestor || pointer.startsWith(`${ancestor}/`);
}

/** A JSON pointer as path segments, with array indexes as numbers (walking the document to tell). */
function pathOf(pointer: string, document: unknown): PathSegment[] {
  if (pointer === '') return [];
  const path: PathSegment[] = [];
  let current = document;
  for (const raw of pointer.slice(1).split('/')) {
    const token = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    const segment = Array.isArray(current) ? Number(token) : token;
    path.push(segment);
    current = (current as Record<PathSegment, unknown> | undefined)?.[segment];
  }
  return path;
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
