import { nestedFieldPath } from './nested-fields';
import { isJsonObject } from './odcs-document';

type OdcsValue = Record<string, unknown>;

/** A field a contract's ODCS text writes, at any depth, as written (no merge of model defaults). */
export interface WrittenField {
  /**
   * Its path, as the contract checks name it: `storage.vault`, an array's items `lines[]`, theirs
   * `lines[].sku`, a v3.2.0 map's key and values `sizes{key}` and `sizes{value}`.
   */
  path: string;
  property: OdcsValue;
  /** An array's items or a map's key or values, which have no name of their own. */
  isUnnamedPart: boolean;
}

/** Each property of an ODCS `properties` list and, after it, the fields nested in it (an object's, an array's items, a map's). */
export function writtenFieldsAtEveryDepth(properties: unknown, parent?: string): WrittenField[] {
  return objectsIn(properties).flatMap((property) => {
    const name = String(property.name ?? '');
    const path = parent === undefined ? name : nestedFieldPath(parent, name);
    return [{ path, property, isUnnamedPart: false }, ...fieldsBelow(property, path)];
  });
}

function fieldsBelow(property: OdcsValue, path: string): WrittenField[] {
  const map = isJsonObject(property.map) ? property.map : {};
  const unnamedParts: [suffix: string, part: unknown][] = [
    ['[]', property.items],
    ['{key}', map.key],
    ['{value}', map.value],
  ];
  return [
    ...writtenFieldsAtEveryDepth(property.properties, path),
    ...unnamedParts.flatMap(([suffix, part]) =>
      isJsonObject(part)
        ? [{ path: `${path}${suffix}`, property: part, isUnnamedPart: true }, ...fieldsBelow(part, `${path}${suffix}`)]
        : [],
    ),
  ];
}

/** A list's entries, an entry that is no mapping read as an empty one (the problems list names it). */
function objectsIn(value: unknown): OdcsValue[] {
  return Array.isArray(value) ? value.map((item) => (isJsonObject(item) ? item : {})) : [];
}
