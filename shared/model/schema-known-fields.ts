import type { z } from 'zod';

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
}

/**
 * The field names a schema lets the object at `path` hold: through lists, records, optional and
 * nullable values and every member of a union (for a misspelt name, any member's field is a
 * likely meaning).
 */
export function knownFieldsAt(schema: Schema, path: readonly PropertyKey[]): string[] {
  const objects = schemasAt(schema, path).flatMap(alternatives);
  return [...new Set(objects.flatMap((object) => Object.keys(definition(object).shape ?? {})))];
}

function schemasAt(schema: Schema, path: readonly PropertyKey[]): Schema[] {
  const [segment, ...rest] = path;
  if (segment === undefined) return [schema];
  return alternatives(schema).flatMap((candidate) => {
    const child = childAt(candidate, segment);
    return child ? schemasAt(child, rest) : [];
  });
}

/** The schemas a value may match, past wrappers (optional, nullable, default, lazy) and unions. */
function alternatives(schema: Schema): Schema[] {
  const inner = definition(schema);
  if (inner.innerType) return alternatives(inner.innerType);
  if (inner.getter) return alternatives(inner.getter());
  if (inner.in) return alternatives(inner.in);
  if (inner.options) return inner.options.flatMap(alternatives);
  if (inner.left && inner.right) return [...alternatives(inner.left), ...alternatives(inner.right)];
  return [schema];
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
