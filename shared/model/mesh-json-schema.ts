import { z } from 'zod';
import { CURRENT_SCHEMA_VERSION, MeshFileSchema } from './mesh';

export const MESH_JSON_SCHEMA_ID = `https://data-mesh-designer.dev/schemas/mesh-v${CURRENT_SCHEMA_VERSION}.schema.json`;

/** The `.mesh.json` file's JSON Schema, derived from the zod schema so the two cannot drift. */
export function meshJsonSchema(): Record<string, unknown> {
  return {
    $id: MESH_JSON_SCHEMA_ID,
    title: 'Data Mesh Designer document',
    ...z.toJSONSchema(MeshFileSchema, { target: 'draft-2020-12' }),
  };
}

export function meshJsonSchemaText(): string {
  return `${JSON.stringify(meshJsonSchema(), null, 2)}\n`;
}
