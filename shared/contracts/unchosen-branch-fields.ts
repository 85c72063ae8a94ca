import type { ErrorObject } from 'ajv';
import { joinedWith } from '../model/word-list';
import { pathOf } from './json-pointer';
import { isJsonObject } from './odcs-document';
import { schemaPathOf, suggestKeys, suggestValues } from './odcs-schema-guide';
import type { PathProblem, PathSegment } from './path-problem';

/** The parts of a schema node read here: its `allOf` of `if`/`then` branches and what each `if` tests. */
interface ConditionNode {
  properties?: Record<string, { type?: string | string[] }>;
  allOf?: ConditionNode[];
  anyOf?: ConditionNode[];
  if?: ConditionNode;
}

export interface UnchosenBranchFields {
  problems: PathProblem[];
  /** The "unevaluated property" errors these problems explain. */
  explained: ReadonlySet<ErrorObject>;
}

/**
 * A field that chooses an `if`/`then` branch (a quality rule's `metric`) written without a value
 * of the type the `if` tests, as an empty `metric:` is while being typed: no branch applies, so
 * the schema leaves that field, and every field the branch would have checked
 * (`mustBeGreaterThan`), "unevaluated", which reads as unknown. It is said instead that the
 * field needs a value, naming the values it takes; a field no branch knows stays unknown.
 */
export function unchosenBranchFields(
  errors: readonly ErrorObject[],
  document: unknown,
  apiVersion: string,
): UnchosenBranchFields {
  const problems: PathProblem[] = [];
  const explained = new Set<ErrorObject>();
  for (const [pointer, unevaluated] of unevaluatedPerObject(errors)) {
    const [first] = unevaluated;
    if (!first || !isJsonObject(first.data)) continue;
    const object = first.data;
    const choosing = choosingFields(first.parentSchema as ConditionNode | undefined).filter(
      ({ field, type }) => field in object && !hasJsonType(object[field], type),
    );
    if (choosing.length === 0) continue;
    const path = pathOf(pointer, document);
    const schemaPath = schemaPathOf(path);
    const known = new Set(suggestKeys(schemaPath, apiVersion).map((suggestion) => suggestion.key));
    for (const error of unevaluated) {
      if (known.has(String(error.params.unevaluatedProperty))) explained.add(error);
    }
    for (const { field, type } of choosing) {
      problems.push(valueProblem([...path, field], object[field], type, suggestValues(schemaPath, field, apiVersion)));
    }
  }
  return { problems, explained };
}

function unevaluatedPerObject(errors: readonly ErrorObject[]): Map<string, ErrorObject[]> {
  const perObject = new Map<string, ErrorObject[]>();
  for (const error of errors) {
    if (error.keyword !== 'unevaluatedProperties') continue;
    perObject.set(error.instancePath, [...(perObject.get(error.instancePath) ?? []), error]);
  }
  return perObject;
}

/** The fields the `if`s of a node's branches test for a type, with that type. */
function choosingFields(node: ConditionNode | undefined): Array<{ field: string; type: string | string[] }> {
  const testedBy = (condition: ConditionNode | undefined): Array<{ field: string; type: string | string[] }> => [
    ...Object.entries(condition?.properties ?? {}).flatMap(([field, rule]) =>
      rule.type === undefined ? [] : [{ field, type: rule.type }],
    ),
    ...(condition?.anyOf ?? []).flatMap(testedBy),
    ...(condition?.allOf ?? []).flatMap(testedBy),
  ];
  const fields = (node?.allOf ?? []).flatMap((branch) => testedBy(branch.if));
  return fields.filter((entry, index) => fields.findIndex(({ field }) => field === entry.field) === index);
}

function valueProblem(path: PathSegment[], value: unknown, type: string | string[], allowed: string[]): PathProblem {
  const field = String(path.at(-1));
  const expected = allowed.length > 0 ? `one of: ${allowed.join(', ')}` : `of type ${joinedWith([type].flat(), 'or')}`;
  if (value === null) return { path, message: `needs a value, ${expected}` };
  return { path, message: `unknown ${field} ${JSON.stringify(value)}; expected ${expected}` };
}

function hasJsonType(value: unknown, type: string | string[]): boolean {
  return [type].flat().some((name) => {
    if (name === 'null') return value === null;
    if (name === 'array') return Array.isArray(value);
    if (name === 'object') return isJsonObject(value);
    if (name === 'integer') return Number.isInteger(value);
    return typeof value === name;
  });
}
