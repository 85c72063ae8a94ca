import type { ContractProperty, EnumValue, SchemaObject } from '../../model/contract';
import type { LogicalType } from '../../model/logical-type';
import type { PathSegment } from '../path-problem';
import { readYamlSource, type YamlSource } from '../yaml-source';
import { baseName, type ImportNote, importedProperty, nestedProperty, type SchemaImport } from './imported-schema';

/*
 * A JSON Schema (draft 4 to 2020-12) of one record to a schema object: its `properties`,
 * `required` list, types (`["string", "null"]` is an optional string), `format` (date,
 * date-time, time), `enum`, nested objects and arrays, local `$ref`s (`#/$defs/...`,
 * `#/definitions/...`), and `additionalProperties` schemas as maps. `oneOf`/`anyOf` of
 * several types, and types it cannot tell, are imported as strings and reported.
 */

type JsonSchema = {
  $ref?: string;
  title?: string;
  description?: string;
  type?: string | string[];
  format?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  additionalProperties?: boolean | JsonSchema;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
};

const FORMATS: Record<string, LogicalType> = { date: 'date', 'date-time': 'timestamp', time: 'time' };
const TYPES: Record<string, LogicalType> = {
  string: 'string',
  integer: 'integer',
  number: 'number',
  boolean: 'boolean',
  object: 'object',
  array: 'array',
};

interface Context {
  root: JsonSchema;
  source: YamlSource;
  notes: ImportNote[];
}

export function importJsonSchema(text: string, fileName: string): SchemaImport {
  const source = readYamlSource(text);
  if (source.syntaxErrors.length > 0 || typeof source.value !== 'object' || source.value === null) {
    const errors =
      source.syntaxErrors.length > 0
        ? source.syntaxErrors
        : [{ path: '(file)', message: 'not a JSON object', ...source.locate([]) }];
    return { ok: false, format: 'json-schema', errors: errors.map((error) => ({ ...error, path: '(file)' })) };
  }
  const root = source.value as JsonSchema;
  const context: Context = { root, source, notes: [] };
  const resolved = resolve(root, context);
  if (!resolved.properties) {
    return {
      ok: false,
      format: 'json-schema',
      errors: [{ path: '(schema)', message: 'the schema describes no object with properties', ...source.locate([]) }],
    };
  }
  const object: SchemaObject = {
    name: resolved.title ?? baseName(fileName),
    ...(resolved.description && { description: resolved.description }),
    properties: propertiesOf(resolved, [], resolved.title ?? baseName(fileName), context),
  };
  return { ok: true, format: 'json-schema', objects: [object], notes: context.notes };
}

function resolve(schema: JsonSchema, context: Context): JsonSchema {
  if (!schema.$ref?.startsWith('#/')) return schema;
  const target = schema.$ref
    .slice(2)
    .split('/')
    .reduce<unknown>((node, segment) => (node as Record<string, unknown> | undefined)?.[segment], context.root);
  return typeof target === 'object' && target !== null ? resolve(target as JsonSchema, context) : schema;
}

function propertiesOf(schema: JsonSchema, path: PathSegment[], where: string, context: Context): ContractProperty[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([name, property]) => {
    const propertyPath = [...path, 'properties', name];
    const shape = shapeOf(property, propertyPath, `${where}.${name}`, context);
    return importedProperty(name, shape.logicalType, { ...shape, required: required.has(name) && !shape.isNullable });
  });
}

interface Shape {
  logicalType: LogicalType;
  isNullable: boolean;
  description?: string;
  enum?: EnumValue[];
  physicalType?: string;
  extensions?: Record<string, unknown>;
}

function shapeOf(raw: JsonSchema, path: PathSegment[], where: string, context: Context): Shape {
  const schema = resolve(raw, context);
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (alternatives) {
    const nonNull = alternatives.filter((alternative) => resolve(alternative, context).type !== 'null');
    if (nonNull.length === 1) return { ...shapeOf(nonNull[0] as JsonSchema, path, where, context), isNullable: true };
    return unmappable(`${schema.oneOf ? 'oneOf' : 'anyOf'} of ${nonNull.length} schemas`, path, where, context, schema);
  }
  const types = Array.isArray(schema.type) ? schema.type : schema.type === undefined ? [] : [schema.type];
  const isNullable = types.includes('null');
  const nonNullTypes = types.filter((type) => type !== 'null');
  const enumValues = (schema.enum ?? (schema.const === undefined ? undefined : [schema.const]))?.filter(
    (value): value is EnumValue => ['string', 'number', 'boolean'].includes(typeof value),
  );
  const type =
    nonNullTypes[0] ??
    (enumValues && enumValues.length > 0 ? typeof enumValues[0] : schema.properties ? 'object' : undefined);
  if (nonNullTypes.length > 1 || type === undefined || !(type in TYPES)) {
    return unmappable(
      type === undefined ? 'a schema without a type' : `type ${JSON.stringify(schema.type)}`,
      path,
      where,
      context,
      schema,
    );
  }
  const common = {
    isNullable,
    ...(schema.description && { description: schema.description }),
    ...(enumValues && enumValues.length > 0 && { enum: enumValues }),
  };
  if (type === 'string' && schema.format && FORMATS[schema.format]) {
    return { ...common, logicalType: FORMATS[schema.format] as LogicalType };
  }
  if (type === 'string') {
    const options = stringOptions(schema);
    return { ...common, logicalType: 'string', ...(options && { extensions: { logicalTypeOptions: options } }) };
  }
  if (type === 'object') {
    if (!schema.properties && typeof schema.additionalProperties === 'object') {
      const value = shapeOf(schema.additionalProperties, [...path, 'additionalProperties'], where, context);
      return {
        ...common,
        logicalType: 'map',
        extensions: { map: { key: { logicalType: 'string' }, value: nestedShape(value) } },
      };
    }
    const nested = propertiesOf(schema, path, where, context).map(nestedProperty);
    return { ...common, logicalType: 'object', ...(nested.length > 0 && { extensions: { properties: nested } }) };
  }
  if (type === 'array') {
    const items = schema.items ? shapeOf(schema.items, [...path, 'items'], where, context) : undefined;
    return { ...common, logicalType: 'array', ...(items && { extensions: { items: nestedShape(items) } }) };
  }
  return { ...common, logicalType: TYPES[type] as LogicalType };
}

function stringOptions(schema: JsonSchema): Record<string, unknown> | undefined {
  const options = Object.fromEntries(
    (['minLength', 'maxLength', 'pattern'] as const)
      .filter((key) => schema[key] !== undefined)
      .map((key) => [key, schema[key]]),
  );
  if (schema.format) options.format = schema.format;
  return Object.keys(options).length > 0 ? options : undefined;
}

function nestedShape(shape: Shape): Record<string, unknown> {
  const { name: _name, ...item } = nestedProperty(importedProperty('item', shape.logicalType, shape));
  return item;
}

function unmappable(what: string, path: PathSegment[], where: string, context: Context, schema: JsonSchema): Shape {
  context.notes.push({
    path: where,
    message: `${what} has no ODCS logical type: imported as a string`,
    ...context.source.locate(path, 'key'),
  });
  return { logicalType: 'string', isNullable: true, ...(schema.description && { description: schema.description }) };
}
