import { restatedPhysicalType } from '../../export/jsonschema/declared-type-options';
import type { ContractProperty, EnumValue, SchemaObject } from '../../model/contract';
import type { LogicalType } from '../../model/logical-type';
import { type ContractUrn, readContractUrn } from '../contract-urn';
import type { PathSegment } from '../path-problem';
import { readYamlSource, type YamlSource } from '../yaml-source';
import {
  allowedValues,
  baseName,
  type ImportedIdentity,
  type ImportNote,
  importedProperty,
  nestedProperty,
  referenceableName,
  type SchemaImport,
  unnamedProperty,
} from './imported-schema';
import { invalidKeywordValues } from './json-schema-keyword-values';
import { withRefSiblings } from './json-schema-ref-siblings';
import { listedValues, valueAlternatives } from './json-schema-value-alternatives';
import { logicalTypeOptions } from './logical-type-options';

/*
 * A JSON Schema (draft 4 to 2020-12) of one record to a schema object: its `properties`,
 * `required` list, types (`["string", "null"]`, or an `enum` holding null, is an optional string), `format` (date,
 * date-time, time), `enum`, nested objects and arrays, local `$ref`s (`#/$defs/...`,
 * `#/definitions/...`), and `additionalProperties` schemas as maps. Bounds and lengths
 * become the ODCS `logicalTypeOptions` of the type where ODCS has them, but those that restate a
 * physicalType as the JSON Schema export writes it (`numeric(10,2)`, `smallint`) become it; any other keyword is
 * reported. A `oneOf`/`anyOf` of `const`s is read as an `enum`, each value's title and description
 * kept; of several types, and types it cannot tell, are imported as strings and reported.
 */

type JsonSchema = {
  $id?: unknown;
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
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
  examples?: unknown[];
} & Record<string, unknown>;

/** Keywords the import reads into the property's type, name, description, values or shape. */
const READ_KEYWORDS = new Set([
  '$ref',
  '$schema',
  '$defs',
  '$comment',
  '$anchor',
  'definitions',
  'title',
  'description',
  'type',
  'properties',
  'required',
  'items',
  'enum',
  'const',
  'oneOf',
  'anyOf',
  'examples',
]);

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
  /** The `$ref`s whose schemas are being imported, outermost first: one met again contains itself. */
  expanding: string[];
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
  const invalid = invalidKeywordValues(source.value, source);
  if (invalid.length > 0) return { ok: false, format: 'json-schema', errors: invalid };
  const root = source.value as JsonSchema;
  const context: Context = { root, source, notes: [], expanding: [] };
  const { schema: resolved, refs } = resolve(root, context);
  context.expanding.push('#', ...refs);
  if (!resolved.properties) {
    return {
      ok: false,
      format: 'json-schema',
      errors: [{ path: '(schema)', message: 'the schema describes no object with properties', ...source.locate([]) }],
    };
  }
  const urn = readContractUrn(root.$id);
  const rootKeywords = Object.fromEntries(unreadKeywords(resolved).filter(([keyword]) => !urn || keyword !== '$id'));
  const name = urn?.objectName ?? referenceableName(resolved.title ?? baseName(fileName));
  reportUnread(rootKeywords, Object.keys(rootKeywords), 'for a schema object', [], name, context);
  const identity = urn && identityOf(urn, resolved.title);
  const object: SchemaObject = {
    name,
    ...(resolved.description && { description: resolved.description }),
    properties: propertiesOf(resolved, [], name, context),
    ...(!identity &&
      resolved.title !== undefined &&
      resolved.title !== name && { extensions: { businessName: resolved.title } }),
  };
  return {
    ok: true,
    format: 'json-schema',
    objects: [object],
    notes: context.notes,
    statedFacts: ['required'],
    ...(identity && { identity }),
  };
}

/**
 * The contract a schema this app exported names in its `$id`, named as its title says: the
 * export titles it `<contract name> <schema object>`.
 */
function identityOf({ contractId, version, objectName }: ContractUrn, title: string | undefined): ImportedIdentity {
  const suffix = ` ${objectName}`;
  const name = title?.endsWith(suffix) && title.length > suffix.length ? title.slice(0, -suffix.length) : contractId;
  return { id: contractId, name, version };
}

/**
 * The schema a chain of local `$ref`s ends at, and the refs followed to it; a chain that comes
 * back to a ref it followed ends there, at that ref (`{ $ref: '#/$defs/s' }` inside `s`).
 */
function resolve(schema: JsonSchema, context: Context): { schema: JsonSchema; refs: string[] } {
  const refs: string[] = [];
  let current = schema;
  while (typeof current.$ref === 'string' && isLocalRef(current.$ref) && !refs.includes(current.$ref)) {
    const target = current.$ref
      .replace(/^#\/?/, '')
      .split('/')
      .filter((segment) => segment !== '')
      .reduce<unknown>((node, segment) => (node as Record<string, unknown> | undefined)?.[segment], context.root);
    if (typeof target !== 'object' || target === null) break;
    refs.push(current.$ref);
    current = target as JsonSchema;
  }
  return { schema: current, refs };
}

/** `#`, `#/$defs/x`: a place in this file. Others name another file or URL, which is not read. */
function isLocalRef(ref: string): boolean {
  return ref === '#' || ref.startsWith('#/');
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
  enumEntryDocumentation?: Record<string, Record<string, string>>;
  physicalType?: string;
  extensions?: Record<string, unknown>;
}

function shapeOf(given: JsonSchema, path: PathSegment[], where: string, context: Context): Shape {
  const refInAllOf = refOfSoleAllOf(given);
  const raw = refInAllOf ?? given;
  const { schema: referred, refs } = resolve(raw, context);
  // A chain that ends where it began (`s: { $ref: s }`), or a schema met again inside itself.
  const cyclic = refs.includes(referred.$ref ?? '')
    ? referred.$ref
    : refs.find((ref) => context.expanding.includes(ref));
  if (cyclic) {
    const named = cyclic === '#' ? 'the whole schema (#)' : cyclic;
    return unmappable(`${named} has no ODCS logical type (it contains itself)`, path, where, context, referred);
  }
  // allOf applies the keywords beside it in every draft, where a $ref ignores them before 2019-09.
  const draft = refInAllOf ? undefined : context.root.$schema;
  const schema = refs.length === 0 ? referred : referredWithSiblings(raw, referred, draft, path, where, context);
  context.expanding.push(...refs);
  const shape = shapeOfResolved(schema, path, where, context);
  context.expanding.splice(context.expanding.length - refs.length, refs.length);
  return shape;
}

/**
 * `{ "allOf": [{ "$ref": r }], … }`, drafts 4 to 7's way to say more of one use of a schema, as
 * `{ "$ref": r, … }`; none for any other schema.
 */
function refOfSoleAllOf(schema: JsonSchema): JsonSchema | undefined {
  const { allOf, ...beside } = schema;
  const member = Array.isArray(allOf) && allOf.length === 1 ? (allOf[0] as JsonSchema) : undefined;
  const isRefAlone = typeof member?.$ref === 'string' && Object.keys(member).length === 1;
  return isRefAlone && beside.$ref === undefined ? { ...beside, $ref: member.$ref } : undefined;
}

/** The referred schema with what the referring one says beside its `$ref`; what is not taken is reported there. */
function referredWithSiblings(
  referring: JsonSchema,
  referred: JsonSchema,
  draft: unknown,
  path: PathSegment[],
  where: string,
  context: Context,
): JsonSchema {
  const { schema, ignored } = withRefSiblings(referring, referred, draft);
  for (const { keyword, why } of ignored) {
    context.notes.push({
      path: where,
      message: `${keyword} ${JSON.stringify(referring[keyword])} beside $ref ${referring.$ref} is not imported: ${why}`,
      ...context.source.locate([...path, keyword], 'key'),
    });
  }
  return schema;
}

function shapeOfResolved(schema: JsonSchema, path: PathSegment[], where: string, context: Context): Shape {
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (alternatives) {
    const keyword = schema.oneOf ? 'oneOf' : 'anyOf';
    const nonNull = alternatives
      .map((alternative, index) => ({ index, schema: resolve(alternative, context).schema }))
      .filter((alternative) => !allowsOnlyNull(alternative.schema));
    const mayBeNull =
      nonNull.length < alternatives.length || nonNull.some((alternative) => allowsNull(alternative.schema));
    const valueList = valueAlternatives(nonNull.map((alternative) => alternative.schema));
    if (valueList) {
      for (const { index, keyword: unread, value } of valueList.unread) {
        context.notes.push({
          path: where,
          message: `${unread} ${JSON.stringify(value)} has no ODCS equivalent for a value of ${keyword}: not imported`,
          ...context.source.locate([...path, keyword, nonNull[index]?.index ?? 0, unread], 'key'),
        });
      }
      const { oneOf: _oneOf, anyOf: _anyOf, ...beside } = schema;
      const shape = shapeOfResolved({ ...beside, enum: valueList.values }, path, where, context);
      return {
        ...shape,
        isNullable: shape.isNullable || mayBeNull,
        ...(valueList.documentation && { enumEntryDocumentation: valueList.documentation }),
      };
    }
    if (nonNull.length === 1) {
      const shape = shapeOf(alternatives[nonNull[0]?.index ?? 0] as JsonSchema, path, where, context);
      return { ...shape, isNullable: shape.isNullable || mayBeNull };
    }
    const what = `${keyword} of ${nonNull.length} schemas has no ODCS logical type`;
    return unmappable(what, path, where, context, schema, mayBeNull);
  }
  const isNullable = allowsNull(schema);
  const nonNullTypes = typesOf(schema).filter((type) => type !== 'null');
  const listed = listedValues(schema);
  const enumValues = listed && allowedValues(listed);
  const type =
    nonNullTypes[0] ??
    (enumValues && enumValues.length > 0 ? typeof enumValues[0] : schema.properties ? 'object' : undefined);
  if (nonNullTypes.length > 1 || type === undefined || !(type in TYPES)) {
    return unmappable(
      type === undefined ? untypedProblem(schema) : `type ${JSON.stringify(schema.type)} has no ODCS logical type`,
      path,
      where,
      context,
      schema,
      isNullable,
    );
  }
  const common = {
    isNullable,
    ...(schema.description && { description: schema.description }),
    ...(enumValues && enumValues.length > 0 && { enum: enumValues }),
  };
  return withKeywords(typedShape(schema, type, path, where, context, common), schema, path, where, context);
}

function typesOf(schema: JsonSchema): string[] {
  return Array.isArray(schema.type) ? schema.type : schema.type === undefined ? [] : [schema.type];
}

/** Whether the schema says a value may be null: its `type` or its `enum`/`const` does, and neither rules null out. */
function allowsNull(schema: JsonSchema): boolean {
  const types = typesOf(schema);
  const listed = listedValues(schema);
  const saysNull = types.includes('null') || listed?.includes(null) === true;
  return saysNull && (types.length === 0 || types.includes('null')) && (listed === undefined || listed.includes(null));
}

/** Whether null is the one value the schema allows: `{ "type": "null" }`, `{ "const": null }`. */
function allowsOnlyNull(schema: JsonSchema): boolean {
  return (
    allowsNull(schema) &&
    typesOf(schema).every((type) => type === 'null') &&
    (listedValues(schema) ?? []).every((value) => value === null)
  );
}

function typedShape(
  schema: JsonSchema,
  type: string,
  path: PathSegment[],
  where: string,
  context: Context,
  common: Omit<Shape, 'logicalType'>,
): Shape {
  if (type === 'string' && schema.format && FORMATS[schema.format]) {
    return { ...common, logicalType: FORMATS[schema.format] as LogicalType };
  }
  if (type === 'object') {
    if (!schema.properties && typeof schema.additionalProperties === 'object') {
      const value = shapeOf(schema.additionalProperties, [...path, 'additionalProperties'], where, context);
      return {
        ...common,
        logicalType: 'map',
        extensions: { map: { key: { logicalType: 'string' }, value: unnamedProperty(value.logicalType, value) } },
      };
    }
    const nested = propertiesOf(schema, path, where, context).map(nestedProperty);
    return { ...common, logicalType: 'object', ...(nested.length > 0 && { extensions: { properties: nested } }) };
  }
  if (type === 'array') {
    const items =
      schema.items && !isItemTuple(schema.items)
        ? shapeOf(schema.items, [...path, 'items'], where, context)
        : undefined;
    return {
      ...common,
      logicalType: 'array',
      ...(items && { extensions: { items: unnamedProperty(items.logicalType, items) } }),
    };
  }
  return { ...common, logicalType: TYPES[type] as LogicalType };
}

/**
 * The schema's other keywords: bounds and lengths as the type's ODCS `logicalTypeOptions`,
 * `title` as `businessName`, `examples` as examples; what ODCS cannot say is reported.
 */
function withKeywords(shape: Shape, schema: JsonSchema, path: PathSegment[], where: string, context: Context): Shape {
  const candidates: Record<string, unknown> = {};
  for (const [keyword, value] of unreadKeywords(schema)) {
    if (keyword === 'format' && shape.logicalType !== 'string' && FORMATS[String(value)]) continue;
    if (keyword === 'additionalProperties' && shape.logicalType === 'map') continue;
    candidates[keyword] = value;
  }
  // Draft 4 says `exclusiveMinimum: true` beside `minimum`; later drafts give the bound itself.
  for (const [exclusive, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (typeof candidates[exclusive] !== 'boolean') continue;
    if (candidates[exclusive]) candidates[exclusive] = candidates[bound];
    else delete candidates[exclusive];
    if (candidates[exclusive] !== undefined) delete candidates[bound];
  }
  const read = logicalTypeOptions(shape.logicalType, candidates);
  reportUnread(candidates, read.unmapped, `for logical type ${shape.logicalType}`, path, where, context);
  // The JSON Schema export writes a numeric(p,s) or an integer type as bounds: they come back as that type.
  const restated = shape.physicalType === undefined ? restatedPhysicalType(shape.logicalType, read.options) : undefined;
  const options = restated?.options ?? read.options;
  const extensions = {
    ...(Object.keys(options).length > 0 && { logicalTypeOptions: options }),
    ...(typeof schema.title === 'string' && path.length > 0 && { businessName: schema.title }),
    ...(Array.isArray(schema.examples) && { examples: schema.examples }),
    ...shape.extensions,
  };
  return {
    ...shape,
    ...(restated && { physicalType: restated.physicalType }),
    ...(Object.keys(extensions).length > 0 && { extensions }),
  };
}

function unreadKeywords(schema: JsonSchema): [string, unknown][] {
  return Object.entries(schema).filter(
    ([keyword, value]) =>
      (!READ_KEYWORDS.has(keyword) || (keyword === 'items' && isItemTuple(value))) &&
      !(keyword === 'additionalProperties' && value === true),
  );
}

/** Drafts 4 to 2019-09 write a tuple, one schema per position, as `items: [...]`; ODCS has no tuple. */
function isItemTuple(items: unknown): boolean {
  return Array.isArray(items);
}

function reportUnread(
  values: Record<string, unknown>,
  keywords: string[],
  what: string,
  path: PathSegment[],
  where: string,
  context: Context,
): void {
  for (const keyword of keywords) {
    context.notes.push({
      path: where,
      message: `${keyword} ${JSON.stringify(values[keyword])} has no ODCS equivalent ${what}: not imported`,
      ...context.source.locate([...path, keyword], 'key'),
    });
  }
}

/** Why a schema without a type has none: it may be a `$ref` the import does not follow, or cannot. */
function untypedProblem(schema: JsonSchema): string {
  if (Array.isArray(schema.allOf)) return `allOf of ${schema.allOf.length} schemas has no ODCS logical type`;
  if (typeof schema.$ref !== 'string') return 'a schema without a type has no ODCS logical type';
  return isLocalRef(schema.$ref)
    ? `the $ref ${schema.$ref} points at nothing in this file`
    : `the $ref ${schema.$ref} is an external reference (another file or URL), which the import does not follow`;
}

/**
 * `problem` says why the schema has no logical type: `a schema without a type has no ODCS logical
 * type`. Imported as a string, the property stays required if the schema says so and allows no null.
 */
function unmappable(
  problem: string,
  path: PathSegment[],
  where: string,
  context: Context,
  schema: JsonSchema,
  isNullable = false,
): Shape {
  context.notes.push({
    path: where,
    message: `${problem}: imported as a string`,
    ...context.source.locate(path, 'key'),
  });
  return { logicalType: 'string', isNullable, ...(schema.description && { description: schema.description }) };
}
