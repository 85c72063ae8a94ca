import type { ErrorObject } from 'ajv';
import { valueAt } from '../model/plain-schema-issue';
import { pathOf } from './json-pointer';
import { isJsonObject } from './odcs-document';
import { keysDeclaredAsWritten, writtenKeysOf } from './odcs-schema-guide';

/**
 * Whether Ajv's "unevaluated property" error names a field the schema declares for its object
 * as written (an array's items' `logicalType`, a map value's `logicalType`; not a quality rule's
 * `mustBe` before a `metric` makes it a library rule, which the schema does refuse). Ajv forgets what a failed
 * subschema evaluated, so one unknown field in such an object leaves its known fields reading as
 * unknown too, and the unknown field's own error reading as a consequence of theirs.
 */
export function isDeclaredFieldLeftUnevaluated(error: ErrorObject, document: unknown, apiVersion: string): boolean {
  if (error.keyword !== 'unevaluatedProperties') return false;
  const path = pathOf(error.instancePath, document);
  const object = valueAt(document, path);
  if (!isJsonObject(object)) return false;
  const field = String(error.params.unevaluatedProperty);
  const guidePath = path.map((segment) => (typeof segment === 'number' ? '[]' : segment));
  return keysDeclaredAsWritten(guidePath, apiVersion, writtenKeysOf(object)).has(field);
}
