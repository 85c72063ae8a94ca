import type { ContractProperty } from '../model/contract';
import { valueAt } from '../model/plain-schema-issue';
import type { FindingSeverity } from './finding';
import { writtenAllowedValues } from './odcs-document';
import type { PathProblem, PathSegment } from './path-problem';

/*
 * A null among a property's allowed values says it may be empty, which is `required`'s to say:
 * redundant on an optional field (a CHECK and a JSON Schema enum judge only the values there are),
 * a contradiction on a required one. The model leaves nulls out of the allowed values, so they are
 * read where the contract writes them.
 */

interface NullAllowedValueIssue extends PathProblem {
  severity: FindingSeverity;
  hint: string;
  documentPath: PathSegment[];
}

/** A warning at each null among the allowed values of the property at `path`; `document` is the contract's ODCS value. */
export function nullAllowedValueIssues(
  property: ContractProperty,
  path: readonly PathSegment[],
  document: () => unknown,
): NullAllowedValueIssue[] {
  if (property.enum === undefined) return [];
  const nulls = writtenAllowedValues(valueAt(document(), path)).filter(({ value }) => value === null);
  const name = property.name;
  const message = property.required
    ? `allowed value null of ${name} contradicts required: true, which refuses an empty ${name}; remove it, or make the field optional`
    : `allowed value null of ${name} is redundant: required: false already lets ${name} be empty, and a CHECK or enum only judges the values there are; remove it`;
  return nulls.map(({ at }) => ({
    path: [...path, 'enum'],
    documentPath: [...path, ...at],
    message,
    severity: 'warning',
    hint: 'Allowed values say what a value may be; whether there must be one is what required says.',
  }));
}
