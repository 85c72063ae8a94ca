import type { ContractProperty } from '../model/contract';
import { mapPartsOf, nestedPropertiesOf } from './odcs-document';
import type { PathSegment } from './path-problem';

/*
 * The fields a property holds below it, at every depth, as the breaking-change check, the
 * link compatibility check and the semantic checks name them: a property nested in an object
 * property is `orders.address.street`, an array's items `orders.tags[]`, a v3.2.0 map's key
 * and values `orders.sizes{key}` and `orders.sizes{value}`.
 */

/** A part of a property that has no name of its own: an array's items, a map's key or its values. */
export interface UnnamedPart {
  /** What the part adds to its property's name: `[]`, `{key}`, `{value}`. */
  suffix: string;
  /** Where the part sits in the property's ODCS object. */
  at: PathSegment[];
  property: ContractProperty;
}

/** A field at any depth, named by its path (`reader.geo.country`, `bid_prices{value}`). */
export interface NestedField {
  path: string;
  /** The path of the field it is nested in; none at the top level. */
  parent?: string;
  /** Where it sits in the ODCS list of properties it was found from: `[2, 'properties', 0]`, `[3, 'items']`. */
  at: PathSegment[];
  property: ContractProperty;
}

export function nestedFieldPath(parent: string, name: string): string {
  return `${parent}.${name}`;
}

/** An array property's items, then a map property's key and values, those the property has. */
export function unnamedPartsOf(property: ContractProperty): UnnamedPart[] {
  const { items } = nestedPropertiesOf(property);
  const map = mapPartsOf(property);
  const parts: Array<Omit<UnnamedPart, 'property'> & { property: ContractProperty | undefined }> = [
    { suffix: '[]', at: ['items'], property: items },
    { suffix: '{key}', at: ['map', 'key'], property: map?.key },
    { suffix: '{value}', at: ['map', 'value'], property: map?.value },
  ];
  return parts.filter((part): part is UnnamedPart => part.property !== undefined);
}

/** Each property of the list and every field below it, parents before their children. */
export function fieldsAtEveryDepth(
  properties: readonly ContractProperty[],
  parent?: string,
  listAt: PathSegment[] = [],
): NestedField[] {
  return properties.flatMap((property, index) => {
    const path = parent === undefined ? property.name : nestedFieldPath(parent, property.name);
    const at = [...listAt, index];
    return [{ path, ...(parent !== undefined && { parent }), at, property }, ...fieldsBelow(property, path, at)];
  });
}

function fieldsBelow(property: ContractProperty, path: string, at: PathSegment[]): NestedField[] {
  return [
    ...fieldsAtEveryDepth(nestedPropertiesOf(property).properties, path, [...at, 'properties']),
    ...unnamedPartsOf(property).flatMap((part) => {
      const partPath = `${path}${part.suffix}`;
      const partAt = [...at, ...part.at];
      return [
        { path: partPath, parent: path, at: partAt, property: part.property },
        ...fieldsBelow(part.property, partPath, partAt),
      ];
    }),
  ];
}
