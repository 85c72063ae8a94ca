import odcsSchemaV320 from './odcs-schema-v3.2.0.json';

/**
 * The bundled ODCS v3.2.0 schema was taken while 3.2.0 was being finalized; where the released
 * standard differs, the release wins. Each change below is one the release made, applied to a
 * copy (the bundled file stays as Bitol wrote it); the validator is precompiled from the result
 * (`npm run odcs-validator`), and completion and hovers read it too.
 */
export const odcsSchemaV320AsReleased: typeof odcsSchemaV320 = withRelationshipIds(odcsSchemaV320);

/** 3.2.0 gives relationships a stable `id`, like the other list entries (its changelog: "relationship `id`"). */
function withRelationshipIds(schema: typeof odcsSchemaV320): typeof odcsSchemaV320 {
  const released = structuredClone(schema);
  const relationship = released.$defs.RelationshipBase as { properties: Record<string, unknown> };
  relationship.properties = {
    id: { $ref: '#/$defs/StableId', description: 'Stable technical identifier of the relationship.' },
    ...relationship.properties,
  };
  return released;
}
