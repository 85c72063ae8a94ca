import type { z } from 'zod';
import { valueAt } from './plain-schema-issue';

type Schema = z.core.$ZodType;

/** The parts of a zod definition that lead to the schemas inside it. */
interface InnerSchemas {
  type: string;
  shape?: Record<string, Schema>;
  element?: Schema;
  valueType?: Schema;
  innerType?: Schema;
  options?: readonly Schema[];
  in?: Schema;
  left?: Schema;
  right?: Schema;
  items?: readonly Schema[];
  getter?: () => Schema;
  values?: readonly unknown[];
}

/** The fields an object may hold, and, where its discriminator picks one member of a union, which. */
export interface KnownFields {
  /** The fields of the members the object may be (every member of a union none of whose literals it matches). */
  fields: string[];
  /** The discriminator that picked the member (`kind: 'null-field'`), and what the other members take that it does not. */
  selectedBy?: { key: string; value: string; otherMembersFields: string[] };
}

/**
 * The field names a schema lets the object `input` holds at `path` hold: through lists, records,
 * optional and nullable values and unions. In a union, the member the object's discriminator (a
 * literal field such as `kind`) selects; every member's fields when it selects none.
 */
export function knownFieldsAt(schema: Schema, path: readonly PropertyKey[], input: unknown): KnownFields {
  const value = valueAt(input, path);
  const candidates = schemasAt(schema, path, input);
  const members = candidates.flatMap((candidate) => alternatives(candidate, undefined));
  const selected = candidates.flatMap((candidate) => alternatives(candidate, value));
  const fields = fieldsOf(selected);
  const discriminator = selected.length < members.length ? literalFieldOf(selected[0], value) : undefined;
  if (!discriminator) return { fields };
  const otherMembersFields = fieldsOf(members).filter((field) => !fields.includes(field));
  return { fields, selectedBy: { ...discriminator, otherMembersFields } };
}

function schemasAt(schema: Schema, path: readonly PropertyKey[], value: unknown): Schema[] {
  const [segment, ...rest] = path;
  if (segment === undefined) return [schema];
  return alternatives(schema, value).flatMap((candidate) => {
    const child = childAt(candidate, segment);
    return child ? schemasAt(child, rest, valueAt(value, [segment])) : [];
  });
}

/**
 * The schemas `value` may match, past wrappers (optional, nullable, default, lazy) and unions; of
 * a union's members, those whose literal fields the value matches, when there are any.
 */
function alternatives(schema: Schema, value: unknown): Schema[] {
  const inner = definition(schema);
  if (inner.innerType) return alternatives(inner.innerType, value);
  if (inner.getter) return alternatives(inner.getter(), value);
  if (inner.in) return alternatives(inner.in, value);
  if (inner.options) {
    const members = inner.options.flatMap((option) => alternatives(option, value));
    const selected = members.filter((member) => literalFieldOf(member, value));
    return selected.length > 0 ? selected : members;
  }
  if (inner.left && inner.right) return [...alternatives(inner.left, value), ...alternatives(inner.right, value)];
  return [schema];
}

/** The literal field of an object schema that `value` matches (`kind: 'null-field'`), if all its literal fields match. */
function literalFieldOf(schema: Schema | undefined, value: unknown): { key: string; value: string } | undefined {
  if (!schema) return undefined;
  const literals = Object.entries(definition(schema).shape ?? {}).filter(
    ([, field]) => definition(field).type === 'literal',
  );
  const [first] = literals;
  const matches = literals.every(([key, field]) => definition(field).values?.includes(valueAt(value, [key])));
  return first && matches ? { key: first[0], value: String(valueAt(value, [first[0]])) } : undefined;
}

function fieldsOf(objects: readonly Schema[]): string[] {
  return [...new Set(objects.flatMap((object) => Object.keys(definition(object).shape ?? {})))];
}

function childAt(schema: Schema, segment: PropertyKey): Schema | undefined {
  const inner = definition(schema);
  if (inner.type === 'object') return inner.shape?.[String(segment)];
  if (inner.type === 'array') return inner.element;
  if (inner.type === 'record') return inner.valueType;
  if (inner.type === 'tuple' && typeof segment === 'number') return inner.items?.[segment];
  return undefined;
}

function definition(schema: Schema): InnerSchemas {
  return schema._zod.def as unknown as InnerSchemas;
}
