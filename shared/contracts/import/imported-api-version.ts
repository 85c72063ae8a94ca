import type { SchemaObject } from '../../model/contract';
import { isJsonObject } from '../odcs-document';
import { DEFAULT_API_VERSION, LATEST_API_VERSION } from '../odcs-versions';
import { SHORTHAND } from '../relationship-checks';

/** ODCS 3.2's shorthand, whose table part may hold dots (`links.v2.link_id`), where 3.1's holds none. */
const LONGER_SHORTHAND = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)+$/;

/**
 * The ODCS version an import writes its contract in: the one most tools read, unless the schema
 * needs 3.2 for a map, a property's `semanticType` (a measure), an allowed value's label or
 * description, or a reference to a schema object whose name holds a `.`.
 */
export function importedApiVersion(objects: readonly SchemaObject[]): string {
  const written = JSON.stringify(objects);
  const usesMaps = written.includes('"logicalType":"map"') || written.includes('"semanticType":');
  // A documented allowed value is a 3.2 enum entry (`{ value, label }`), on a property or a nested one.
  const documentsValues = written.includes('"enumEntryDocumentation":') || written.includes('"enum":[{');
  const needsLongerShorthand = referencesIn(objects).some(
    (reference) => !SHORTHAND.test(reference) && LONGER_SHORTHAND.test(reference),
  );
  return usesMaps || documentsValues || needsLongerShorthand ? LATEST_API_VERSION : DEFAULT_API_VERSION;
}

/** Every `from` and `to` of the relationships anywhere in `value` (on objects, on properties at any depth). */
function referencesIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(referencesIn);
  if (!isJsonObject(value)) return [];
  const relationships = Array.isArray(value.relationships) ? value.relationships : [];
  const own = relationships
    .flatMap((relationship) => (isJsonObject(relationship) ? [relationship.from, relationship.to].flat() : []))
    .filter((reference): reference is string => typeof reference === 'string');
  return [...own, ...Object.values(value).flatMap(referencesIn)];
}
