import type { ContractProperty, SchemaObject } from '../model/contract';

/**
 * The key properties in key order: those with a `primaryKeyPosition` by it, then those without
 * one (ODCS's default is -1) as declared, so a part added without a position comes last.
 */
export function keyPropertiesInOrder<Property extends ContractProperty>(properties: readonly Property[]): Property[] {
  const keys = properties.filter((property) => property.primaryKey);
  return [
    ...keys.filter(hasKeyPosition).sort((a, b) => (a.primaryKeyPosition ?? 0) - (b.primaryKeyPosition ?? 0)),
    ...keys.filter((property) => !hasKeyPosition(property)),
  ];
}

/** The key's field names in key order (see keyPropertiesInOrder). */
export function primaryKeyOf(object: SchemaObject): string[] {
  return keyPropertiesInOrder(object.properties).map((property) => property.name);
}

/** Whether a key property says where it is in the key; ODCS's default, -1, says it does not. */
export function hasKeyPosition(property: ContractProperty): boolean {
  return (property.primaryKeyPosition ?? -1) >= 0;
}

/** Whether a property (a model's, or as a document writes it) is the whole primary key of `properties`, its siblings. */
export function isWholeKey(property: KeyFacts, properties: readonly KeyFacts[]): boolean {
  return property.primaryKey === true && properties.filter((sibling) => sibling.primaryKey === true).length === 1;
}

/** Whether a property is unique by itself: it says so, or it is the whole primary key of `properties`. */
export function isUniqueAmong(property: ContractProperty, properties: readonly ContractProperty[]): boolean {
  return property.unique || isWholeKey(property, properties);
}

/** Whether a property's values are never null: it says so, or it is part of the primary key. */
export function isRequiredAsKey(property: ContractProperty): boolean {
  return property.required || property.primaryKey === true;
}

interface KeyFacts {
  primaryKey?: unknown;
}
