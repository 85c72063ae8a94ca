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
