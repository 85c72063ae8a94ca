import type { ContractProperty, SchemaObject } from '../../model/contract';
import type { LogicalType } from '../../model/logical-type';
import { formatPath } from '../../model/problem';
import { MAX_NUMERIC_PRECISION } from '../../model/table';
import type { PathSegment } from '../path-problem';
import { readYamlSource, type YamlSource } from '../yaml-source';
import { describeAvroType, isDefaultOf } from './avro-default-values';
import {
  type ImportNote,
  importedProperty,
  nestedProperty,
  type SchemaImport,
  unnamedProperty,
} from './imported-schema';
import { numberFormatOf } from './logical-type-options';

/*
 * An Avro schema (`.avsc`) to schema objects: the top-level record (or each record of a
 * top-level union), checked against the Avro specification first (names, fields, known
 * types). Not with avsc: it compiles a reader per record with `new Function`, which the
 * app's Content-Security-Policy forbids. A field is required unless its type is a union
 * with null; a union of several numeric types is a number (an integer when all are `int` or
 * `long`), of several other types has no logical type and is reported. Logical
 * types come from Avro's own (`timestamp-millis`, `date`, `decimal`, `uuid`); enums keep
 * their symbols as allowed values, arrays and maps their item types, nested records their
 * properties.
 */

type AvroType = string | AvroSchema | AvroType[];
interface AvroSchema {
  type: AvroType;
  name?: string;
  doc?: string;
  fields?: AvroField[];
  symbols?: string[];
  items?: AvroType;
  values?: AvroType;
  logicalType?: string;
  precision?: number;
  scale?: number;
  size?: number;
  aliases?: string[];
  /** An enum's: the symbol a reader takes for one its schema does not know. */
  default?: unknown;
}
interface AvroField {
  name: string;
  type: AvroType;
  doc?: string;
  default?: unknown;
  aliases?: string[];
}

const PRIMITIVES: Record<string, LogicalType> = {
  string: 'string',
  int: 'integer',
  long: 'integer',
  float: 'number',
  double: 'number',
  boolean: 'boolean',
  bytes: 'string',
  fixed: 'string',
};

const LOGICAL_TYPES: Record<string, LogicalType> = {
  date: 'date',
  'timestamp-millis': 'timestamp',
  'timestamp-micros': 'timestamp',
  'timestamp-nanos': 'timestamp',
  'local-timestamp-millis': 'timestamp',
  'local-timestamp-micros': 'timestamp',
  'local-timestamp-nanos': 'timestamp',
  'time-millis': 'time',
  'time-micros': 'time',
  decimal: 'number',
  uuid: 'string',
};

/**
 * What a logical type says beyond its ODCS logical type: a uuid's format, as the JSON Schema import
 * says `format: uuid`; a local timestamp is a clock time in no time zone, and ODCS reads a
 * timestamp that says none as a moment (the SQL export's `timestamptz`), so it says `timezone: false`.
 */
const LOGICAL_TYPE_OPTIONS: Record<string, Record<string, unknown>> = {
  uuid: { format: 'uuid' },
  'local-timestamp-millis': { timezone: false },
  'local-timestamp-micros': { timezone: false },
  'local-timestamp-nanos': { timezone: false },
};

export function importAvro(text: string): SchemaImport {
  const source = readYamlSource(text);
  if (source.syntaxErrors.length > 0 || source.value === undefined) {
    return { ok: false, format: 'avro', errors: source.syntaxErrors.map(asNote) };
  }
  const { problems, names } = checkAvroSchema(source.value, source);
  if (problems.length > 0) return { ok: false, format: 'avro', errors: problems };
  const notes: ImportNote[] = [];
  const roots: { schema: AvroSchema; path: PathSegment[] }[] = Array.isArray(source.value)
    ? (source.value as AvroSchema[]).map((schema, index) => ({ schema, path: [index] }))
    : [{ schema: source.value as AvroSchema, path: [] }];
  const records = roots.filter(({ schema }) => typeof schema === 'object' && schema.type === 'record');
  if (records.length === 0) {
    return {
      ok: false,
      format: 'avro',
      errors: [{ path: '(schema)', message: 'the schema has no record to import', ...source.locate([]) }],
    };
  }
  for (const { schema, path } of records) {
    notes.push(...unkeptNamespace(schema, path, names, source));
    notes.push(...unkeptResolution(schema, schema.name ?? 'record', path, source));
  }
  const objects: SchemaObject[] = records.map(({ schema, path }) => ({
    name: schema.name ?? 'record',
    ...(schema.doc && { description: schema.doc }),
    properties: fieldsOf(schema, path, { source, notes, names, expanding: new Set([schema]) }),
  }));
  return { ok: true, format: 'avro', objects, notes, statedFacts: ['required'] };
}

/** A record's namespace, which ODCS has no word for: the schema object is named by the record's short name. */
function unkeptNamespace(record: AvroSchema, path: PathSegment[], names: AvroNames, source: YamlSource): ImportNote[] {
  const fullName = names.fullNameOf.get(record) ?? '';
  const namespace = namespaceOf(fullName);
  // A name written in full names the schema object in full: nothing is left out.
  if (namespace === '' || record.name?.includes('.')) return [];
  return [
    {
      path: record.name ?? 'record',
      message: `namespace ${namespace} has no ODCS equivalent: not imported (the schema object is named ${record.name}, not ${fullName})`,
      ...source.locate([...path, 'namespace'], 'key'),
    },
  ];
}

/**
 * What a reader resolves an older writer's schema by, which ODCS has no word for: a field's or
 * enum's default (a field's `null` is its being optional, which is kept) and a field's or named
 * type's former names.
 */
function unkeptResolution(
  owner: AvroSchema | AvroField,
  where: string,
  path: PathSegment[],
  source: YamlSource,
): ImportNote[] {
  const notes: ImportNote[] = [];
  if (owner.default !== undefined && owner.default !== null) {
    notes.push({
      path: where,
      message: `default ${JSON.stringify(owner.default)} has no ODCS equivalent: not imported`,
      ...source.locate([...path, 'default'], 'key'),
    });
  }
  if (Array.isArray(owner.aliases) && owner.aliases.length > 0) {
    notes.push({
      path: where,
      message: `aliases ${JSON.stringify(owner.aliases)} have no ODCS equivalent: not imported`,
      ...source.locate([...path, 'aliases'], 'key'),
    });
  }
  return notes;
}

interface Context {
  source: YamlSource;
  notes: ImportNote[];
  names: AvroNames;
  /** The records whose fields are being imported: one met again inside itself contains itself. */
  expanding: Set<AvroSchema>;
}

function fieldsOf(record: AvroSchema, path: PathSegment[], context: Context): ContractProperty[] {
  const namespace = namespaceOf(context.names.fullNameOf.get(record) ?? '');
  return (record.fields ?? []).map((field, index) => {
    const fieldPath = [...path, 'fields', index];
    const members = Array.isArray(field.type) ? field.type : [field.type];
    const nonNull = members.filter((member) => member !== 'null');
    const required = !members.includes('null');
    const where = `${record.name ?? 'record'}.${field.name}`;
    const numericUnion = numericUnionShape(nonNull);
    if (nonNull.length !== 1 && !numericUnion) {
      context.notes.push({
        path: where,
        message: `the union ${JSON.stringify(field.type)} has no ODCS logical type: imported as a string`,
        ...context.source.locate([...fieldPath, 'type']),
      });
      return importedProperty(field.name, 'string', {
        required,
        physicalType: 'union',
        ...(field.doc && { description: field.doc }),
      });
    }
    context.notes.push(...unkeptResolution(field, where, fieldPath, context.source));
    const shape = numericUnion ?? typeShape(nonNull[0] as AvroType, where, [...fieldPath, 'type'], context, namespace);
    const description = field.doc ?? shape.description;
    return importedProperty(field.name, shape.logicalType, {
      required,
      ...(shape.physicalType && { physicalType: shape.physicalType }),
      ...(description && { description }),
      ...(shape.enum && { enum: shape.enum }),
      ...(shape.extensions && { extensions: shape.extensions }),
    });
  });
}

interface TypeShape {
  logicalType: LogicalType;
  physicalType?: string;
  /** The doc of a named type (record, enum, fixed), for a field that has none of its own. */
  description?: string;
  enum?: string[];
  extensions?: Record<string, unknown>;
}

/** `namespace` is the one a name without a namespace in `type` is in: its enclosing named type's. */
function typeShape(type: AvroType, where: string, path: PathSegment[], context: Context, namespace: string): TypeShape {
  if (typeof type === 'string') {
    const primitive = PRIMITIVES[type];
    if (primitive) {
      // A float's 32 bits or a double's 64, in ODCS's own words, so that exports keep the precision.
      const format = primitive === 'number' ? numberFormatOf(primitive, type) : undefined;
      return {
        logicalType: primitive,
        physicalType: type,
        ...(format && { extensions: { logicalTypeOptions: { format } } }),
      };
    }
    const named = lookUpName(type, namespace, context.names);
    if (named) return typeShape(named, where, path, context, namespace);
    context.notes.push({
      path: where,
      message: `type '${type}' is not known here: imported as a string`,
      ...context.source.locate(path),
    });
    return { logicalType: 'string', physicalType: type };
  }
  if (Array.isArray(type)) {
    // An array's items or a map's values that may be null: ODCS items and values are never required.
    const nonNull = type.filter((member) => member !== 'null');
    if (nonNull.length === 1) {
      const member = nonNull[0] as AvroType;
      return typeShape(member, where, [...path, type.indexOf(member)], context, namespace);
    }
    const numericUnion = numericUnionShape(nonNull);
    if (numericUnion) return numericUnion;
    context.notes.push({
      path: where,
      message: 'a nested union has no ODCS logical type: imported as a string',
      ...context.source.locate(path),
    });
    return { logicalType: 'string', physicalType: 'union' };
  }
  const definedAt = context.names.pathOf.get(type);
  // Said where the named type is written, once however many fields name it.
  if (definedAt) context.notes.push(...unkeptResolution(type, type.name ?? 'type', definedAt, context.source));
  if (type.logicalType === 'decimal') {
    const unreadable = unreadableDecimal(type);
    if (!unreadable) {
      // Written as SQL's decimal(p,s), so its digits bound the exported column and changes to them are compared.
      return { logicalType: 'number', physicalType: `decimal(${type.precision},${type.scale ?? 0})` };
    }
    context.notes.push({
      path: where,
      message: `${unreadable.reason}: imported as a number of any precision`,
      ...context.source.locate(unreadable.key ? [...path, unreadable.key] : path, unreadable.key ? 'key' : undefined),
    });
    return { logicalType: 'number', physicalType: `${String(type.type)}/decimal` };
  }
  if (type.logicalType && LOGICAL_TYPES[type.logicalType]) {
    const options = LOGICAL_TYPE_OPTIONS[type.logicalType];
    return {
      logicalType: LOGICAL_TYPES[type.logicalType] as LogicalType,
      physicalType: `${String(type.type)}/${type.logicalType}`,
      ...(options && { extensions: { logicalTypeOptions: { ...options } } }),
    };
  }
  if (type.logicalType) {
    context.notes.push({
      path: where,
      message: `the logical type '${type.logicalType}' has no ODCS logical type: imported as its type ${JSON.stringify(type.type)}`,
      ...context.source.locate([...path, 'logicalType'], 'key'),
    });
  }
  const doc = type.doc ? { description: type.doc } : {};
  switch (type.type) {
    case 'record': {
      if (context.expanding.has(type)) {
        context.notes.push({
          path: where,
          message: `${type.name} has no ODCS logical type (it contains itself): imported as a string`,
          ...context.source.locate(path),
        });
        return { logicalType: 'string', physicalType: type.name ?? 'record' };
      }
      context.expanding.add(type);
      // Read at its definition, so the notes of its fields are made there however many fields name it.
      const properties = fieldsOf(type, definedAt ?? path, context).map(nestedProperty);
      context.expanding.delete(type);
      return { logicalType: 'object', physicalType: 'record', ...doc, extensions: { properties } };
    }
    case 'enum':
      return { logicalType: 'string', physicalType: 'enum', ...doc, enum: type.symbols ?? [] };
    case 'fixed':
      // Avro's JSON encoding writes each byte as one character, as for bytes: a fixed(20) is 20 of them.
      return {
        logicalType: 'string',
        physicalType: `fixed(${type.size})`,
        ...doc,
        extensions: { logicalTypeOptions: { minLength: type.size, maxLength: type.size } },
      };
    case 'array': {
      const items = typeShape(type.items ?? 'string', where, [...path, 'items'], context, namespace);
      return { logicalType: 'array', extensions: { items: unnamedProperty(items.logicalType, items) } };
    }
    case 'map': {
      const values = typeShape(type.values ?? 'string', where, [...path, 'values'], context, namespace);
      return {
        logicalType: 'map',
        extensions: { map: { key: { logicalType: 'string' }, value: unnamedProperty(values.logicalType, values) } },
      };
    }
    default:
      return typeShape(type.type, where, [...path, 'type'], context, namespace);
  }
}

/**
 * A union of numbers alone (`["float", "int"]`, null aside) holds numbers whichever branch a
 * value takes: integers when every branch is `int` or `long`.
 */
function numericUnionShape(members: readonly AvroType[]): TypeShape | undefined {
  const types = members.map((member) => (typeof member === 'string' ? PRIMITIVES[member] : undefined));
  if (members.length < 2 || !types.every((type) => type === 'integer' || type === 'number')) return undefined;
  return { logicalType: types.includes('number') ? 'number' : 'integer', physicalType: 'union' };
}

function asNote(problem: {
  path: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}): ImportNote {
  return { ...problem, path: '(file)' };
}

const AVRO_NAME = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
/** A field's name or an enum's symbol: one name, no namespace. */
const SIMPLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const PRIMITIVE_NAMES = new Set(['null', ...Object.keys(PRIMITIVES)]);

/** The named types (record, enum, fixed) of a schema, by their full names (`ex.A`). */
interface AvroNames {
  byFullName: Map<string, AvroSchema>;
  fullNameOf: Map<AvroSchema, string>;
  /** Where each is written. */
  pathOf: Map<AvroSchema, PathSegment[]>;
}

/**
 * Avro's rule: a name with a dot is a full name; one without is in the namespace its type
 * declares or, failing that, in the one it is defined in (its enclosing named type's).
 */
function fullNameOf(name: string, declared: unknown, enclosing: string): string {
  if (name.includes('.')) return name;
  const namespace = typeof declared === 'string' ? declared : enclosing;
  return namespace ? `${namespace}.${name}` : name;
}

function namespaceOf(fullName: string): string {
  return fullName.slice(0, Math.max(fullName.lastIndexOf('.'), 0));
}

/**
 * The type a name refers to where it is written: a full name as it is, a short one in the
 * enclosing namespace, then in none; then, as the import has always read it, in any namespace.
 */
function lookUpName(name: string, namespace: string, names: AvroNames): AvroSchema | undefined {
  const exact = name.includes('.') || !namespace ? [name] : [`${namespace}.${name}`, name];
  const found = exact.map((fullName) => names.byFullName.get(fullName)).find(Boolean);
  return found ?? [...names.byFullName].find(([fullName]) => fullName.endsWith(`.${name}`))?.[1];
}

/**
 * What makes a schema invalid Avro (the specification's rules the import relies on), each where
 * it is, and the named types it defines: all of them, those inside a union of several types too.
 */
function checkAvroSchema(root: unknown, source: YamlSource): { problems: ImportNote[]; names: AvroNames } {
  const problems: ImportNote[] = [];
  const names: AvroNames = { byFullName: new Map(), fullNameOf: new Map(), pathOf: new Map() };
  const fieldDefaults: { field: AvroField; path: PathSegment[]; namespace: string }[] = [];
  const report = (path: PathSegment[], message: string): void => {
    problems.push({
      path: formatPath(path),
      message: `not a valid Avro schema: ${message}`,
      ...source.locate(path),
    });
  };
  const visit = (type: unknown, path: PathSegment[], namespace: string): void => {
    if (typeof type === 'string') {
      if (!PRIMITIVE_NAMES.has(type) && !lookUpName(type, namespace, names)) report(path, `unknown type "${type}"`);
      return;
    }
    if (Array.isArray(type)) {
      const kinds = new Set<string>();
      for (const [index, member] of type.entries()) {
        const memberPath = [...path, index];
        visit(member, memberPath, namespace);
        if (Array.isArray(member)) {
          report(memberPath, 'a union cannot hold a union directly');
          continue;
        }
        const kind = unionMemberKind(member, namespace, names);
        if (kind !== undefined && kinds.has(kind)) {
          report(
            memberPath,
            `a union holds ${kind} twice (it holds one type of each kind, named types by their names)`,
          );
        }
        if (kind !== undefined) kinds.add(kind);
      }
      return;
    }
    if (typeof type !== 'object' || type === null) {
      report(path, 'a type is a name, a list (union) or an object');
      return;
    }
    const schema = type as AvroSchema & { namespace?: string };
    if (['record', 'enum', 'fixed'].includes(String(schema.type))) {
      if (typeof schema.name !== 'string' || !AVRO_NAME.test(schema.name)) {
        report([...path, 'name'], `invalid name: ${JSON.stringify(schema.name)}`);
        return;
      }
      const fullName = fullNameOf(schema.name, schema.namespace, namespace);
      if (names.byFullName.has(fullName)) report([...path, 'name'], `${fullName} is defined twice`);
      else names.byFullName.set(fullName, schema);
      names.fullNameOf.set(schema, fullName);
      names.pathOf.set(schema, path);
    }
    if (schema.type === 'record') {
      if (!Array.isArray(schema.fields)) {
        report([...path, 'fields'], 'a record needs a list of fields');
        return;
      }
      const fieldNamespace = namespaceOf(names.fullNameOf.get(schema) ?? '');
      const fieldNames = new Set<string>();
      schema.fields.forEach((field, index) => {
        if (typeof field?.name !== 'string' || !SIMPLE_NAME.test(field.name))
          report([...path, 'fields', index, 'name'], `invalid field name: ${JSON.stringify(field?.name)}`);
        else if (fieldNames.has(field.name))
          report([...path, 'fields', index, 'name'], `field "${field.name}" is defined twice in record ${schema.name}`);
        else if (field.type === undefined) report([...path, 'fields', index], `field "${field.name}" has no type`);
        else visit(field.type, [...path, 'fields', index, 'type'], fieldNamespace);
        if (typeof field?.name === 'string') fieldNames.add(field.name);
        if (field?.default !== undefined && field.type !== undefined) {
          fieldDefaults.push({ field, path: [...path, 'fields', index, 'default'], namespace: fieldNamespace });
        }
      });
    } else if (schema.type === 'enum') checkEnum(schema, path, report);
    else if (schema.type === 'array') visit(schema.items, [...path, 'items'], namespace);
    else if (schema.type === 'map') visit(schema.values, [...path, 'values'], namespace);
    else if (schema.type === 'fixed') {
      if (typeof schema.size !== 'number' || !Number.isInteger(schema.size) || schema.size < 0)
        report([...path, 'size'], 'a fixed needs a size, a whole number of bytes');
    } else visit(schema.type, [...path, 'type'], namespace);
  };
  visit(root, [], '');
  // Checked once every named type is known: a default may give a value of one defined after its field.
  for (const { field, path, namespace } of fieldDefaults) {
    const problem = defaultMismatch(field, (name) => lookUpName(name, namespace, names));
    if (problem) report(path, problem);
  }
  return { problems, names };
}

/** Why a field's default is no value of its type, which Avro forbids: a union's must be of its first type. */
function defaultMismatch(field: AvroField, resolve: (name: string) => unknown): string | undefined {
  if (isDefaultOf(field.default, field.type, resolve)) return undefined;
  const value = JSON.stringify(field.default);
  if (!Array.isArray(field.type)) return `the default ${value} does not match ${describeAvroType(field.type)}`;
  const first = field.type.length > 0 ? describeAvroType(field.type[0]) : 'any type (the union is empty)';
  return `the default ${value} does not match ${first}, the first of its union, which a union's default must match`;
}

/** An enum's symbols are names, each given once, and its default (the symbol a reader takes for an unknown one) is one of them. */
function checkEnum(schema: AvroSchema, path: PathSegment[], report: (path: PathSegment[], message: string) => void) {
  if (!Array.isArray(schema.symbols) || schema.symbols.length === 0) {
    report([...path, 'symbols'], 'an enum needs symbols');
    return;
  }
  const seen = new Set<unknown>();
  schema.symbols.forEach((symbol, index) => {
    if (typeof symbol !== 'string' || !SIMPLE_NAME.test(symbol))
      report([...path, 'symbols', index], `invalid symbol: ${JSON.stringify(symbol)}`);
    else if (seen.has(symbol)) report([...path, 'symbols', index], `symbol "${symbol}" is given twice`);
    seen.add(symbol);
  });
  if (schema.default !== undefined && !schema.symbols.includes(schema.default as string)) {
    report([...path, 'default'], `the default ${JSON.stringify(schema.default)} is none of the enum's symbols`);
  }
}

/**
 * What a union may hold only once: each primitive type (with a logical type or not), one array,
 * one map, and each named type by its full name. Undefined for what is no type (reported apart).
 */
function unionMemberKind(member: unknown, namespace: string, names: AvroNames): string | undefined {
  if (typeof member === 'string') {
    if (PRIMITIVE_NAMES.has(member)) return `"${member}"`;
    const named = lookUpName(member, namespace, names);
    return named && names.fullNameOf.get(named);
  }
  if (typeof member !== 'object' || member === null) return undefined;
  const schema = member as AvroSchema;
  if (schema.type === 'array' || schema.type === 'map') return `an ${schema.type === 'array' ? 'array' : 'map'}`;
  if (['record', 'enum', 'fixed'].includes(String(schema.type))) return names.fullNameOf.get(schema);
  return typeof schema.type === 'string' && PRIMITIVE_NAMES.has(schema.type) ? `"${schema.type}"` : undefined;
}

/**
 * Why a decimal's digits declare no SQL `decimal(p,s)`, and which of its keys says so: Avro requires
 * a precision above 0, a scale of at most the precision and, on a `fixed`, no more digits than its
 * bytes hold; PostgreSQL's numeric holds at most 1000 digits.
 */
function unreadableDecimal({
  type,
  size,
  precision,
  scale = 0,
}: AvroSchema): { reason: string; key?: string } | undefined {
  if (precision === undefined) return { reason: 'decimal has no precision, which Avro requires' };
  if (!Number.isInteger(precision) || precision < 1) {
    return { reason: `decimal precision ${precision} is not a positive integer, as Avro requires`, key: 'precision' };
  }
  if (!Number.isInteger(scale) || scale < 0) {
    return { reason: `decimal scale ${scale} is not a whole number of 0 or more, as Avro requires`, key: 'scale' };
  }
  if (scale > precision) {
    return {
      reason: `decimal scale ${scale} is more than its precision ${precision}, which Avro forbids`,
      key: 'scale',
    };
  }
  const fixedDigits =
    type === 'fixed' && typeof size === 'number' && Number.isInteger(size) && size > 0
      ? digitsOfFixed(size)
      : undefined;
  if (fixedDigits !== undefined && precision > fixedDigits) {
    return {
      reason: `decimal precision ${precision} is more than the ${fixedDigits} digits a fixed of ${size} bytes holds, which Avro forbids`,
      key: 'precision',
    };
  }
  if (precision > MAX_NUMERIC_PRECISION) {
    return {
      reason: `decimal precision ${precision} is more than the ${MAX_NUMERIC_PRECISION} digits PostgreSQL's numeric holds`,
      key: 'precision',
    };
  }
  return undefined;
}

/** The most decimal digits a two's-complement `fixed` of `size` bytes holds, as the Avro specification gives it: floor(log10(2^(8n-1) - 1)). */
function digitsOfFixed(size: number): number {
  return (2n ** BigInt(8 * size - 1) - 1n).toString().length - 1;
}
