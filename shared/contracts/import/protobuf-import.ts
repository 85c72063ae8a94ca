import protobuf from 'protobufjs';
import type { ContractProperty, SchemaObject } from '../../model/contract';
import type { LogicalType } from '../../model/logical-type';
import { MAX_NESTING_DEPTH } from '../../model/mesh-file-format';
import { PROTOBUF_SCALAR_TYPES, PROTOBUF_WELL_KNOWN_TYPES } from '../protobuf-types';
import { offsetOfPosition } from '../text-offset';
import {
  type ImportNote,
  importedProperty,
  locateText,
  nestedProperty,
  rangeAt,
  type SchemaImport,
  unnamedProperty,
} from './imported-schema';
import { numberFormatOf } from './logical-type-options';
import { definitionRuleBreaks, locatedDefinitionError } from './protobuf-definition-errors';
import { protobufUnsignedBounds } from './unsigned-bounds';

/*
 * Protocol Buffers (`.proto`, proto2 and proto3) to schema objects, one per top-level
 * message, with protobufjs. Scalars map by kind (all integer widths to integer, float and
 * double to number of format f32 and f64, bytes to a string); enums keep their value names as allowed values;
 * `repeated` makes an array, `map<k, v>` a map, a message field an object with its own
 * properties; google.protobuf.Timestamp is a timestamp, google.type.Date a date. Only
 * proto2 `required` (editions' `LEGACY_REQUIRED`) makes a property required; proto3 cannot
 * say so. A well-known wrapper (`google.protobuf.Int64Value`) is its scalar, optional as any
 * proto3 field; `Any` is reported.
 */

// A bare `Timestamp` too, as a file that does not import google/protobuf/timestamp.proto leaves it.
const WELL_KNOWN: Record<string, LogicalType> = { ...PROTOBUF_WELL_KNOWN_TYPES, Timestamp: 'timestamp' };

/**
 * The well-known wrappers: a scalar that may be absent (null), which proto3 could not say of a
 * plain scalar before `optional`. Each is its scalar, physicalType, bounds and format alike.
 */
const WRAPPERS: Record<string, string> = {
  'google.protobuf.DoubleValue': 'double',
  'google.protobuf.FloatValue': 'float',
  'google.protobuf.Int64Value': 'int64',
  'google.protobuf.UInt64Value': 'uint64',
  'google.protobuf.Int32Value': 'int32',
  'google.protobuf.UInt32Value': 'uint32',
  'google.protobuf.BoolValue': 'bool',
  'google.protobuf.StringValue': 'string',
  'google.protobuf.BytesValue': 'bytes',
};

export function importProtobuf(text: string): SchemaImport {
  let root: protobuf.Root;
  try {
    const parsed = protobuf.parse(text, new protobuf.Root(), { keepCase: true, alternateCommentMode: true });
    root = parsed.root;
    // The well-known types protobufjs ships (Timestamp, Any, wrappers); other imports stay unknown.
    for (const imported of [...(parsed.imports ?? []), ...(parsed.weakImports ?? [])]) {
      const definition = protobuf.common.get(imported);
      if (definition?.nested) root.addJSON(definition.nested);
    }
  } catch (error) {
    return { ok: false, format: 'protobuf', errors: [syntaxError(text, error as Error)] };
  }
  const ruleBreaks = definitionRuleBreaks(root, text);
  if (ruleBreaks.length > 0) {
    const errors = ruleBreaks.map(({ message, range }) => ({ path: '(file)', message, ...range }));
    return { ok: false, format: 'protobuf', errors };
  }
  const messages = topLevelMessages(root);
  if (messages.length === 0) {
    return {
      ok: false,
      format: 'protobuf',
      errors: [{ path: '(file)', message: 'no message to import', ...locateText(text, '') }],
    };
  }
  const notes: ImportNote[] = [];
  try {
    const objects: SchemaObject[] = messages.map((message) => ({
      name: message.name,
      ...(message.comment && { description: message.comment }),
      properties: fieldsOf(message, text, notes, new Set([message.fullName])),
    }));
    const statedFacts = messages.some(statesRequired) ? (['required'] as const) : [];
    return { ok: true, format: 'protobuf', objects, notes, statedFacts };
  } catch (error) {
    if (!(error instanceof NestedTooDeeply)) throw error;
    const message = `nested too deeply: message ${error.outermost} holds messages more than ${MAX_NESTING_DEPTH} levels deep, where schemas nest far less`;
    return {
      ok: false,
      format: 'protobuf',
      errors: [{ path: '(file)', message, ...locateText(text, `message ${error.outermost}`) }],
    };
  }
}

/** Thrown where expanding a message's fields goes past the nesting limit (a design's, so its file can hold the result). */
class NestedTooDeeply extends Error {
  constructor(readonly outermost: string) {
    super(`message ${outermost} nests too deeply`);
  }
}

/** Messages of the file's own namespace, not nested in another message. */
function topLevelMessages(root: protobuf.Root): protobuf.Type[] {
  const found: protobuf.Type[] = [];
  const visit = (namespace: protobuf.NamespaceBase) => {
    for (const nested of namespace.nestedArray) {
      if (nested instanceof protobuf.Type) found.push(nested);
      else if (nested instanceof protobuf.Namespace && !nested.fullName.startsWith('.google')) visit(nested);
    }
  };
  visit(root);
  return found;
}

function fieldsOf(
  message: protobuf.Type,
  text: string,
  notes: ImportNote[],
  visiting: Set<string>,
): ContractProperty[] {
  const messageStart = text.search(new RegExp(`message\\s+${message.name}\\b`));
  for (const oneof of message.oneofsArray) {
    // proto3 `optional` is a oneof of one field named after it: nothing to say.
    if (oneof.name.startsWith('_') && oneof.fieldsArray.length === 1) continue;
    notes.push({
      path: `${message.name}.${oneof.name}`,
      message: `oneof ${oneof.name} (at most one of ${oneof.fieldsArray.map((field) => field.name).join(', ')} is set) has no ODCS equivalent: its fields are imported as optional properties`,
      ...locateText(text, `oneof ${oneof.name}`, Math.max(messageStart, 0)),
    });
  }
  return message.fieldsArray.map((field) => {
    const where = `${message.name}.${field.name}`;
    try {
      field.resolve();
    } catch {
      // A type from a file that was not given: named below as not mapped.
    }
    const shape = fieldShape(field, text, notes, visiting, where, messageStart);
    reportOptions(field, where, text, notes, messageStart);
    const base = {
      required: isRequired(field),
      ...(field.comment && { description: field.comment }),
      ...(shape.physicalType && { physicalType: shape.physicalType }),
      ...(shape.enum && { enum: shape.enum }),
    };
    if (field.repeated && !(field instanceof protobuf.MapField)) {
      return importedProperty(field.name, 'array', {
        ...base,
        physicalType: `repeated ${field.type}`,
        extensions: { items: unnamedProperty(shape.logicalType, { ...shape, required: false }) },
      });
    }
    return importedProperty(field.name, shape.logicalType, {
      ...base,
      ...(shape.extensions && { extensions: shape.extensions }),
    });
  });
}

/**
 * Whether the file can say a field is required: proto2 (`required`) and editions
 * (`LEGACY_REQUIRED`) can; in proto3 every field may be absent, `optional` or not.
 */
function statesRequired(message: protobuf.Type): boolean {
  // protobufjs leaves proto3, its default, out of a type's JSON.
  return message.toJSON().edition !== undefined;
}

/** protobufjs resolves `required` from features only with the whole root, which a file's unknown imports stop: read as parsed. */
function isRequired(field: protobuf.Field): boolean {
  return field.rule === 'required' || field.options?.features?.field_presence === 'LEGACY_REQUIRED';
}

interface Shape {
  logicalType: LogicalType;
  physicalType?: string;
  enum?: string[];
  extensions?: Record<string, unknown>;
}

function fieldShape(
  field: protobuf.Field,
  text: string,
  notes: ImportNote[],
  visiting: Set<string>,
  where: string,
  messageStart: number,
): Shape {
  if (field instanceof protobuf.MapField) {
    const value = typeShape(field.type, field.resolvedType, text, notes, visiting, where, messageStart, field.name);
    const valueShape = unnamedProperty(value.logicalType, value);
    return {
      logicalType: 'map',
      physicalType: `map<${field.keyType}, ${field.type}>`,
      extensions: {
        map: { key: { logicalType: PROTOBUF_SCALAR_TYPES[field.keyType] ?? 'string' }, value: valueShape },
      },
    };
  }
  return typeShape(field.type, field.resolvedType, text, notes, visiting, where, messageStart, field.name);
}

function typeShape(
  type: string,
  resolved: protobuf.Type | protobuf.Enum | null,
  text: string,
  notes: ImportNote[],
  visiting: Set<string>,
  where: string,
  messageStart: number,
  fieldName: string,
): Shape {
  const wrapped = WRAPPERS[type] ?? (resolved ? WRAPPERS[resolved.fullName.replace(/^\./, '')] : undefined);
  if (wrapped) return typeShape(wrapped, null, text, notes, visiting, where, messageStart, fieldName);
  const scalar = PROTOBUF_SCALAR_TYPES[type];
  if (scalar) {
    // A float's 32 bits or a double's 64 in ODCS's words, as the Avro import says them (an integer's width is its physicalType).
    const format = scalar === 'number' ? numberFormatOf(scalar, type) : undefined;
    const options = { ...protobufUnsignedBounds(type), ...(format && { format }) };
    return {
      logicalType: scalar,
      physicalType: type,
      ...(Object.keys(options).length > 0 && { extensions: { logicalTypeOptions: options } }),
    };
  }
  const wellKnown = WELL_KNOWN[type] ?? (resolved ? WELL_KNOWN[resolved.fullName.replace(/^\./, '')] : undefined);
  if (wellKnown) return { logicalType: wellKnown, physicalType: type };
  if (resolved instanceof protobuf.Enum)
    return { logicalType: 'string', physicalType: type, enum: Object.keys(resolved.values) };
  if (
    resolved instanceof protobuf.Type &&
    !resolved.fullName.startsWith('.google.protobuf') &&
    !visiting.has(resolved.fullName)
  ) {
    if (visiting.size >= MAX_NESTING_DEPTH) throw new NestedTooDeeply(outermostOf(visiting));
    const properties = fieldsOf(resolved, text, notes, new Set([...visiting, resolved.fullName])).map(nestedProperty);
    return { logicalType: 'object', physicalType: type, extensions: { properties } };
  }
  notes.push({
    path: where,
    message: `${type} has no ODCS logical type${visiting.has(resolved?.fullName ?? '') ? ' (it contains itself)' : ''}: imported as a string`,
    ...locateText(text, fieldName, Math.max(messageStart, 0)),
  });
  return { logicalType: 'string', physicalType: type };
}

/** The top-level message being expanded: the first one visited, its name without the package. */
function outermostOf(visiting: ReadonlySet<string>): string {
  const [fullName = ''] = visiting;
  return fullName.slice(fullName.lastIndexOf('.') + 1);
}

/** Options that say how a field is encoded, not what it holds. */
const WIRE_OPTIONS = new Set(['packed', 'proto3_optional', 'lazy', 'ctype', 'jstype', 'json_name', 'weak', 'features']);

/** Field options that say something about the data (`default`, `deprecated`) that ODCS cannot hold. */
function reportOptions(
  field: protobuf.Field,
  where: string,
  text: string,
  notes: ImportNote[],
  messageStart: number,
): void {
  const fieldStart = locateText(text, field.name, Math.max(messageStart, 0));
  for (const [option, value] of Object.entries(field.options ?? {})) {
    if (WIRE_OPTIONS.has(option)) continue;
    notes.push({
      path: where,
      message: `the option ${option} = ${JSON.stringify(value)} has no ODCS equivalent: not imported`,
      ...fieldStart,
    });
  }
}

/** protobufjs says `illegal token 'x' (line 3)`. */
function syntaxError(text: string, error: Error): ImportNote {
  const definition = locatedDefinitionError(text, error.message);
  if (definition) return { path: '(file)', message: definition.message, ...definition.range };
  const line = Number(/line (\d+)/.exec(error.message)?.[1] ?? 1);
  const offset = offsetOfPosition(text, line, 1);
  return { path: '(file)', message: readableSyntaxMessage(error.message), ...rangeAt(text, offset, 1) };
}

/** protobufjs's words where they mislead: it reports a file that stops mid-message as `illegal end of input 'null'`. */
function readableSyntaxMessage(parserMessage: string): string {
  if (parserMessage.startsWith('illegal end of input'))
    return 'the file ends early, before what it opened is closed; was it cut off while being written or copied?';
  return parserMessage;
}
