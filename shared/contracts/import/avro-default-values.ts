/*
 * Whether an Avro field's default is a value of its type, as the Avro specification requires
 * (and its libraries refuse the schema otherwise): in Avro's JSON encoding, a union's default
 * is of its first type, bytes and fixed are strings of characters 0 to 255, a record is an
 * object giving each field that has no default of its own, a map an object, an enum a symbol.
 * A logical type's default is of the type it annotates.
 */

const INT_RANGE = { min: -(2 ** 31), max: 2 ** 31 - 1 };

/** One byte per character, each 0 to 255, as Avro's JSON encoding writes bytes and fixed. */
const isByteString = (value: unknown): value is string =>
  typeof value === 'string' && [...value].every((character) => (character.codePointAt(0) ?? 0) <= 0xff);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const PRIMITIVE_VALUES: Record<string, (value: unknown) => boolean> = {
  null: (value) => value === null,
  boolean: (value) => typeof value === 'boolean',
  int: (value) => Number.isInteger(value) && (value as number) >= INT_RANGE.min && (value as number) <= INT_RANGE.max,
  long: (value) => Number.isInteger(value),
  float: (value) => typeof value === 'number',
  double: (value) => typeof value === 'number',
  bytes: isByteString,
  string: (value) => typeof value === 'string',
};

interface TypeObject {
  type?: unknown;
  fields?: unknown;
  symbols?: unknown;
  items?: unknown;
  values?: unknown;
  size?: unknown;
}

/**
 * `resolve` gives the named type a name stands for where the type is written; a name it does not
 * know is reported apart, so any value passes for it here.
 */
export function isDefaultOf(value: unknown, type: unknown, resolve: (name: string) => unknown): boolean {
  if (typeof type === 'string') {
    const isPrimitive = PRIMITIVE_VALUES[type];
    if (isPrimitive) return isPrimitive(value);
    const named = resolve(type);
    return named === undefined || isDefaultOf(value, named, resolve);
  }
  if (Array.isArray(type)) return type.length > 0 && isDefaultOf(value, type[0], resolve);
  if (!isObject(type)) return true;
  const schema = type as TypeObject;
  switch (schema.type) {
    case 'record':
      return (
        isObject(value) &&
        (Array.isArray(schema.fields) ? schema.fields : []).every(
          (field: { name?: unknown; type?: unknown; default?: unknown }) =>
            typeof field?.name === 'string' && field.name in value
              ? isDefaultOf(value[field.name], field.type, resolve)
              : field?.default !== undefined,
        )
      );
    case 'enum':
      return typeof value === 'string' && Array.isArray(schema.symbols) && schema.symbols.includes(value);
    case 'array':
      return Array.isArray(value) && value.every((item) => isDefaultOf(item, schema.items, resolve));
    case 'map':
      return isObject(value) && Object.values(value).every((member) => isDefaultOf(member, schema.values, resolve));
    case 'fixed':
      return isByteString(value) && value.length === schema.size;
    default:
      return isDefaultOf(value, schema.type, resolve);
  }
}

/** How a message names a type: `type "int"`, `fixed Seal`, `an array of type "int"`. */
export function describeAvroType(type: unknown): string {
  if (typeof type === 'string') return `type ${JSON.stringify(type)}`;
  if (Array.isArray(type)) return 'a union';
  if (!isObject(type)) return JSON.stringify(type);
  const schema = type as TypeObject & { name?: unknown };
  if (typeof schema.name === 'string') return `${String(schema.type)} ${schema.name}`;
  if (schema.type === 'array') return `an array of ${describeAvroType(schema.items)}`;
  if (schema.type === 'map') return `a map of ${describeAvroType(schema.values)}`;
  return describeAvroType(schema.type);
}
