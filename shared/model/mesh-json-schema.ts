import { z } from 'zod';
import { MeshFileSchema } from './mesh';
import { CURRENT_SCHEMA_VERSION } from './mesh-file-format';
import { EACH, OMITTABLE_FIELDS } from './omitted-empty-fields';
import { PolicyEntrySchema, RulePolicySchema } from './policies';

export const MESH_JSON_SCHEMA_ID = `https://data-mesh-designer.dev/schemas/mesh-v${CURRENT_SCHEMA_VERSION}.schema.json`;

/** The `.mesh.json` file's JSON Schema, derived from the zod schema so the two cannot drift. */
export function meshJsonSchema(): Record<string, unknown> {
  const schema = {
    $id: MESH_JSON_SCHEMA_ID,
    title: 'Data Mesh Designer document',
    ...z.toJSONSchema(MeshFileSchema, {
      target: 'draft-2020-12',
      override: ({ zodSchema, jsonSchema }) => {
        if (zodSchema === PolicyEntrySchema)
          Object.assign(jsonSchema, z.toJSONSchema(RulePolicySchema, { target: 'draft-2020-12' }), {
            $schema: undefined,
          });
      },
    }),
  };
  return withOmittableFieldsOptional(schema);
}

/** The model requires every field once read; a file may leave out those the reader fills in. */
function withOmittableFieldsOptional(schema: Record<string, unknown>): Record<string, unknown> {
  return OMITTABLE_FIELDS.reduce((optional, { at, fields }) => withoutRequiredAt(optional, at, fields), schema);
}

type JsonSchemaObject = Record<string, unknown>;

/** The schema with `omittable` no longer required of the object `at` describes, following properties and list items. */
function withoutRequiredAt(
  schema: JsonSchemaObject,
  at: readonly (string | typeof EACH)[],
  omittable: readonly string[],
): JsonSchemaObject {
  const [segment, ...rest] = at;
  if (segment === undefined) {
    const required = schema.required as string[];
    return { ...schema, required: required.filter((field) => !omittable.includes(field)) };
  }
  if (segment === EACH)
    return { ...schema, items: withoutRequiredAt(schema.items as JsonSchemaObject, rest, omittable) };
  const properties = schema.properties as Record<string, JsonSchemaObject>;
  const inner = properties[segment];
  if (!inner) throw new Error(`The mesh schema has no field '${segment}' of omittable fields`);
  return { ...schema, properties: { ...properties, [segment]: withoutRequiredAt(inner, rest, omittable) } };
}

export function meshJsonSchemaText(): string {
  return `${JSON.stringify(meshJsonSchema(), null, 2)}\n`;
}
