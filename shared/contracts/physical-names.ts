import type { ContractProperty, SchemaObject } from '../model/contract';

/*
 * The names a contract's tables and columns have in storage. ODCS's `physicalName` is the name
 * the dataset has where it is stored (its SQL quality rules query it); `name` is the logical one.
 */

function storedName(name: string, physicalName: unknown): string {
  return typeof physicalName === 'string' && physicalName !== '' ? physicalName : name;
}

/** A schema object's table: its `physicalName`, or its name when it has none. */
export function tableNameOf(object: SchemaObject): string {
  return storedName(object.name, object.physicalName);
}

/** A property's column: its `physicalName` (kept among the property's extensions), or its name. */
export function columnNameOf(property: ContractProperty): string {
  return storedName(property.name, property.extensions?.physicalName);
}
