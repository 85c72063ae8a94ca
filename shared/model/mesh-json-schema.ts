import { z } from 'zod';
import { CURRENT_SCHEMA_VERSION, MeshFileSchema } from './mesh';
import { PolicyEntrySchema, RulePolicySchema } from './policies';

export const MESH_JSON_SCHEMA_ID = `https://data-mesh-designer.dev/schemas/mesh-v${CURRENT_SCHEMA_VERSION}.schema.json`;

/** The `.mesh.json` file's JSON Schema, derived from the zod schema so the two cannot drift. */
export function meshJsonSchema(): Record<string, unknown> {
  return {
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
}

export function meshJsonSchemaText(): string {
  return `${JSON.stringify(meshJsonSchema(), null, 2)}\n`;
}
