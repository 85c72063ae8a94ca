import { z } from 'zod';
import { CURRENT_SCHEMA_VERSION, MeshFileSchema } from './mesh';
import { OMITTABLE_FIELDS } from './omitted-empty-fields';
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

/** The model requires every field once read; a file may leave out those the reader fills with their empty value. */
function withOmittableFieldsOptional(schema: Record<string, unknown>): Record<string, unknown> {
  const properties = schema.properties as Record<string, { items: Record<string, unknown> }>;
  const elementSchemas = Object.fromEntries(
    Object.entries(OMITTABLE_FIELDS.elements).map(([list, omittable]) => {
      const items = properties[list]?.items;
      if (!items) throw new Error(`The mesh schema has no list '${list}' of omittable fields`);
      return [list, { ...properties[list], items: withoutRequired(items, omittable) }];
    }),
  );
  return { ...withoutRequired(schema, OMITTABLE_FIELDS.design), properties: { ...properties, ...elementSchemas } };
}

function withoutRequired(objectSchema: Record<string, unknown>, omittable: readonly string[]): Record<string, unknown> {
  const required = objectSchema.required as string[];
  return { ...objectSchema, required: required.filter((field) => !omittable.includes(field)) };
}

export function meshJsonSchemaText(): string {
  return `${JSON.stringify(meshJsonSchema(), null, 2)}\n`;
}
