import type { ErrorObject } from 'ajv';
import { valueAt } from '../model/plain-schema-issue';
import { pathOf } from './json-pointer';
import { isJsonObject } from './odcs-document';
import { suggestKeys, writtenKeysOf } from './odcs-schema-guide';

/**
 * Whether Ajv's "unevaluated property" error names a field the schema declares for its object
 * (an array's items' `logicalType`, a map value's `logicalType`). Ajv forgets what a failed
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
  return suggestKeys(guidePath, apiVersion, writtenKeysOf(object)).some((suggestion) => suggestion.key === field);
}
