import { nestedFieldPath } from './nested-fields';
import { isJsonObject } from './odcs-document';

type OdcsValue = Record<string, unknown>;

/** A field a contract's ODCS text writes, at any depth, as written (no merge of model defaults). */
export interface WrittenField {
  /** Its path, as the contract checks name it: `storage.vault`, an array's items `lines[]`, theirs `lines[].sku`. */
  path: string;
  property: OdcsValue;
  /** An array's items, which have no name of their own. */
  isItems: boolean;
}

/** Each property of an ODCS `properties` list and, after it, the fields nested in it (an object's, an array's items). */
export function writtenFieldsAtEveryDepth(properties: unknown, parent?: string): WrittenField[] {
  return objectsIn(properties).flatMap((property) => {
    const name = String(property.name ?? '');
    const path = parent === undefined ? name : nestedFieldPath(parent, name);
    return [{ path, property, isItems: false }, ...fieldsBelow(property, path)];
  });
}

function fieldsBelow(property: OdcsValue, path: string): WrittenField[] {
  const { items } = property;
  const itemsPath = `${path}[]`;
  return [
    ...writtenFieldsAtEveryDepth(property.properties, path),
    ...(isJsonObject(items)
      ? [{ path: itemsPath, property: items, isItems: true }, ...fieldsBelow(items, itemsPath)]
      : []),
  ];
}

/** A list's entries, an entry that is no mapping read as an empty one (the problems list names it). */
function objectsIn(value: unknown): OdcsValue[] {
  return Array.isArray(value) ? value.map((item) => (isJsonObject(item) ? item : {})) : [];
}
