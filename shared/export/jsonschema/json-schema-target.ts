import { allowedValueType } from '../../contracts/allowed-value-types';
import { contractUrn } from '../../contracts/contract-urn';
import { storedProperties } from '../../contracts/measures';
import { mapPartsOf, nestedPropertiesOf } from '../../contracts/odcs-document';
import { isRequiredAsKey } from '../../contracts/primary-key';
import type { Contract, ContractProperty, SchemaObject } from '../../model/contract';
import type { LogicalType } from '../../model/logical-type';
import { defineTarget } from '../export-target';
import { fileNamedAfter } from '../file-names';
import { compact, nonEmpty } from '../json-values';
import { declaredTypeOptions } from './declared-type-options';
import { optionKeywords, TIME_OF_DAY } from './type-options';

/*
 * A JSON Schema (draft 2020-12) per schema object of each contract: what one record looks
 * like. Required properties and primary key parts (whether or not they write `required: true`,
 * as the table's PRIMARY KEY holds no null) are required and never null; optional ones may be
 * null; each property's logicalTypeOptions, with what its physicalType declares
 * (declared-type-options.ts), are the keywords that say the same (see type-options.ts).
 * Further properties are allowed, as adding an optional field is not a breaking change. ODCS 3.2
 * measures are left out: an aggregate computed when queried is no field of a record.
 */

export const JSON_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';

const JSON_TYPES: Record<LogicalType, { type: string; format?: string; pattern?: string }> = {
  string: { type: 'string' },
  date: { type: 'string', format: 'date' },
  timestamp: { type: 'string', format: 'date-time' },
  time: { type: 'string', pattern: TIME_OF_DAY },
  number: { type: 'number' },
  integer: { type: 'integer' },
  map: { type: 'object' },
  boolean: { type: 'boolean' },
  object: { type: 'object' },
  array: { type: 'array' },
};

export const jsonSchemaTarget = defineTarget({
  id: 'jsonschema',
  label: 'JSON Schema',
  readBy: 'JSON Schema validators (Ajv, jsonschema), schema registries, code generators',
  write({ scoped, nameFilesOf }) {
    const records = scoped.contracts.flatMap((contract) => contract.schema.map((object) => ({ contract, object })));
    const subjectOf = ({ contract, object }: (typeof records)[number]) => ({
      id: `${contract.id} ${object.name}`,
      name: `${fileNamedAfter(contract)} ${object.name}`,
    });
    const nameFile = nameFilesOf(records.map(subjectOf));
    return {
      ok: true,
      value: records.map((record) => ({
        path: nameFile(subjectOf(record), '.schema.json'),
        content: `${JSON.stringify(recordSchema(record.contract, record.object), null, 2)}\n`,
        about: `records of ${record.object.name} in contract ${record.contract.name} ${record.contract.version}`,
      })),
    };
  },
});

export function recordSchema(contract: Contract, object: SchemaObject): Record<string, unknown> {
  return compact({
    $schema: JSON_SCHEMA_DIALECT,
    $id: contractUrn({ contractId: contract.id, version: contract.version, objectName: object.name }),
    title: `${contract.name} ${object.name}`,
    description: object.description ?? contract.description,
    type: 'object',
    ...memberSchemas(object.properties),
  });
}

/**
 * The `properties` and `required` of an object: a record, or an object property's nested properties.
 * Not its measures, which are computed when queried (see measures.ts).
 */
function memberSchemas(members: readonly ContractProperty[]): Record<string, unknown> {
  const properties = storedProperties(members);
  return {
    properties: Object.fromEntries(properties.map((property) => [property.name, propertySchema(property)])),
    // A name given twice (ODCS does not forbid it) is one property, and JSON Schema wants `required` unique.
    required: nonEmpty([...new Set(properties.filter(isRequiredAsKey).map((property) => property.name))]),
  };
}

function propertySchema(property: ContractProperty): Record<string, unknown> {
  if (property.logicalType === undefined) return untypedPropertySchema(property);
  const { type, format, pattern } = JSON_TYPES[property.logicalType];
  const { keywords, hasOwnForm } = optionKeywords(property.logicalType, declaredTypeOptions(property));
  return compact({
    type: isRequiredAsKey(property) ? type : [type, 'null'],
    ...(hasOwnForm ? {} : { format, pattern }),
    ...keywords,
    description: property.description,
    ...allowedValueKeywords(property, valuesOfType(property)),
    examples: property.examples,
    ...nestedSchemas(property),
  });
}

/**
 * A property's allowed values that JSON Schema states: only those of its type (`'0644'` of a text,
 * `1` of a number, `true` of a boolean), as one of another type matches no record (see
 * allowed-value-types.ts). Objects and arrays have none here.
 */
function valuesOfType(property: ContractProperty): unknown[] | undefined {
  const valueType = allowedValueType(property.logicalType);
  if (!property.enum || valueType === undefined) return undefined;
  return property.enum.filter((value) => typeof value === valueType);
}

/**
 * Allowed values as JSON Schema states them, and null when the property is optional: an `enum`,
 * or where a value has a label or a description, which an `enum` has no place for, a `oneOf` of
 * `const`s with their `title` and `description`.
 */
function allowedValueKeywords(property: ContractProperty, values: readonly unknown[] | undefined) {
  if (!values) return {};
  const isNullable = !isRequiredAsKey(property);
  const documented = values.map((value) => {
    const { label, description } = property.enumEntryDocumentation?.[String(value)] ?? {};
    return compact({
      const: value,
      title: typeof label === 'string' ? label : undefined,
      description: typeof description === 'string' ? description : undefined,
    });
  });
  if (documented.every((entry) => Object.keys(entry).length === 1)) {
    return { enum: [...values, ...(isNullable ? [null] : [])] };
  }
  return { oneOf: [...documented, ...(isNullable ? [{ type: 'null' }] : [])] };
}

/** ODCS v3 nests an object property's `properties`, an array property's `items` and (3.2) a map property's values. */
function nestedSchemas(property: ContractProperty): Record<string, unknown> {
  const { properties, items } = nestedPropertiesOf(property);
  if (property.logicalType === 'object' && properties.length > 0) return memberSchemas(properties);
  if (property.logicalType === 'array' && items) return { items: propertySchema(items) };
  const map = property.logicalType === 'map' ? mapPartsOf(property) : undefined;
  return compact({
    propertyNames: map?.key && keySchema(map.key),
    additionalProperties: map?.value && propertySchema(map.value),
  });
}

/**
 * What a map's keys, always strings in JSON, must be written as for the key's logical type (as
 * the contract check reads them): a JSON number for a number, no fraction or exponent for an integer.
 */
const KEY_FORMS: Partial<Record<LogicalType, Record<string, unknown>>> = {
  integer: { pattern: '^-?(0|[1-9][0-9]*)$' },
  number: { pattern: '^-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?$' },
  boolean: { enum: ['true', 'false'] },
  object: { not: {} },
  array: { not: {} },
  map: { not: {} },
};

/** A map key's rules as `propertyNames`: its type's form, a text key's options, its allowed values as strings. */
function keySchema(key: ContractProperty): Record<string, unknown> | undefined {
  const type = key.logicalType ?? 'string';
  const textForm = KEY_FORMS[type] === undefined ? JSON_TYPES[type] : undefined;
  const { keywords, hasOwnForm } = textForm
    ? optionKeywords(type, declaredTypeOptions(key))
    : { keywords: {}, hasOwnForm: false };
  const schema = compact({
    ...KEY_FORMS[type],
    ...(textForm && !hasOwnForm ? { format: textForm.format, pattern: textForm.pattern } : {}),
    ...keywords,
    ...(key.enum && { enum: key.enum.map(String) }),
  });
  return Object.keys(schema).length > 0 ? schema : undefined;
}

/** ODCS lets a property go without a logical type: any value, and null only when it is optional. */
function untypedPropertySchema(property: ContractProperty): Record<string, unknown> {
  return compact({
    not: isRequiredAsKey(property) ? { type: 'null' } : undefined,
    description: property.description,
    ...allowedValueKeywords(property, property.enum),
    examples: property.examples,
  });
}
