import { allowedValueType } from '../../contracts/allowed-value-types';
import { mapPartsOf, nestedPropertiesOf } from '../../contracts/odcs-document';
import { isRequiredAsKey } from '../../contracts/primary-key';
import type { ContractProperty } from '../../model/contract';
import type { LogicalType } from '../../model/logical-type';
import { logicalTypeOptions } from '../../simulation/allowed-values';
import { literal, qualified } from './postgres-names';

/*
 * What the contract says of the documents an object, map or array property's jsonb column holds,
 * as conditions of its CHECK (PostgreSQL 12+), as the JSON Schema export says it of a record: the
 * JSON value it is (`jsonb_typeof`), the fields an object requires, present and not null (`?`,
 * `->`), an array's minItems and maxItems (`jsonb_array_length`), and the JSON type of an array's
 * items and a map's values (`jsonb_path_match`, strict so that an item that is an array is not
 * unwrapped), and an array's uniqueItems: a CHECK takes no subquery, so it calls a function of the
 * schema that compares the items (`"p"."jsonb_items_unique"("tags")`), created before the tables
 * that call it. Deeper fields are the JSON Schema's.
 */

/** The function, one per schema, whose call in a CHECK says an array holds no item twice; the DDL import reads it back. */
export const ITEMS_UNIQUE_FUNCTION = 'jsonb_items_unique';

/** The JSON value jsonb_typeof names for each logical type a jsonb column holds. */
const JSON_SHAPES: Partial<Record<LogicalType, 'object' | 'array'>> = {
  object: 'object',
  map: 'object',
  array: 'array',
};

/** The jsonpath filters, either true of a member not of the logical type, by the JSON value (`@.type()`) it is held as. */
function notOfType(type: LogicalType): string[] {
  const notOfJsonType = `@.type() != "${allowedValueType(type) ?? JSON_SHAPES[type]}"`;
  return type === 'integer' ? [notOfJsonType, '@.floor() != @'] : [notOfJsonType];
}

/** The conditions on a jsonb column's documents; none for a property held otherwise. */
export function jsonDocumentChecksOf(property: ContractProperty, value: string, schema: string): string[] {
  const shape = property.logicalType && JSON_SHAPES[property.logicalType];
  if (!shape) return [];
  const conditions = [`jsonb_typeof(${value}) = ${literal(shape)}`];
  if (property.logicalType === 'object') conditions.push(...requiredFieldChecks(property, value));
  if (property.logicalType === 'array') {
    conditions.push(...itemCountChecks(property, value));
    if (logicalTypeOptions(property)?.uniqueItems === true) conditions.push(`${itemsUniqueFunction(schema)}(${value})`);
    const { items } = nestedPropertiesOf(property);
    if (items) conditions.push(...memberTypeChecks(items, value, '$[*]'));
  }
  const mapValue = property.logicalType === 'map' ? mapPartsOf(property)?.value : undefined;
  if (mapValue) conditions.push(...memberTypeChecks(mapValue, value, '$.*'));
  return conditions;
}

function requiredFieldChecks(property: ContractProperty, value: string): string[] {
  const required = nestedPropertiesOf(property).properties.filter(isRequiredAsKey);
  return [...new Set(required.map((field) => literal(field.name)))].flatMap((key) => [
    `${value} ? ${key}`,
    `${value} -> ${key} <> 'null'`,
  ]);
}

function itemCountChecks(property: ContractProperty, value: string): string[] {
  const options = logicalTypeOptions(property) ?? {};
  const count = (name: string) => {
    const option = options[name];
    return typeof option === 'number' && Number.isInteger(option) ? option : undefined;
  };
  const [minItems, maxItems] = [count('minItems'), count('maxItems')];
  return [
    ...(minItems !== undefined && minItems > 0 ? [`jsonb_array_length(${value}) >= ${minItems}`] : []),
    ...(maxItems !== undefined ? [`jsonb_array_length(${value}) <= ${maxItems}`] : []),
  ];
}

/** That each member (`$[*]` an array's items, `$.*` a map's values) is of its type, or null where it is optional. */
function memberTypeChecks(member: ContractProperty, value: string, members: string): string[] {
  if (!member.logicalType) return isRequiredAsKey(member) ? [memberMatch(value, members, '@.type() == "null"')] : [];
  const notOfItsType = notOfType(member.logicalType);
  const either = notOfItsType.join(' || ');
  if (isRequiredAsKey(member)) return [memberMatch(value, members, either)];
  return [memberMatch(value, members, `@.type() != "null" && ${notOfItsType.length > 1 ? `(${either})` : either}`)];
}

function memberMatch(value: string, members: string, refused: string): string {
  return `jsonb_path_match(${value}, ${literal(`strict !exists(${members} ? (${refused}))`)})`;
}

const itemsUniqueFunction = (schema: string) => qualified(schema, ITEMS_UNIQUE_FUNCTION);

/**
 * The function's definition where one of `statements` calls it: before them, as a CHECK cannot name a
 * function yet to be made. An item equal to another as jsonb (`1` and `1.0`) is the same, as in JSON
 * Schema; a document that is no array has no items to repeat (its jsonb_typeof condition refuses it).
 */
export function itemsUniqueFunctionStatements(schema: string, statements: readonly string[]): string[] {
  const name = itemsUniqueFunction(schema);
  if (!statements.some((statement) => statement.includes(`${name}(`))) return [];
  return [
    `CREATE OR REPLACE FUNCTION ${name}(doc jsonb) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT count(DISTINCT item) = count(*) FROM jsonb_array_elements(CASE WHEN jsonb_typeof(doc) = 'array' THEN doc END) AS item $$;`,
  ];
}
