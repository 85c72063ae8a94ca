import type { Mesh } from '../../model/mesh';
import { type ExportScope, elementsInScope } from '../export-scope';
import { type CatalogEntity, catalogOf } from './backstage-target';

/**
 * The spec fields by which an entity names others of the mesh (`kind:name`, one or a list). Not
 * `owner`: an owner written as a user or group reference is one of the organisation's, registered
 * in Backstage by no domain's catalog; a team's Group defined elsewhere is listed by catalogOf.
 */
const RELATION_FIELDS = ['domain', 'system', 'providesApis', 'consumesApis', 'dependsOn'] as const;

/** The entity references of a catalog that name no entity in it, each once, sorted. */
export function referencesOutside(entities: readonly CatalogEntity[]): string[] {
  const defined = new Set(entities.map((entity) => `${entity.kind.toLowerCase()}:${String(entity.metadata.name)}`));
  const references = entities.flatMap((entity) =>
    RELATION_FIELDS.flatMap((field) => [entity.spec[field] ?? []].flat().map(String)),
  );
  return [...new Set(references)].filter((reference) => !defined.has(reference)).sort();
}

/**
 * What the Backstage catalog of a scope references beyond it (the APIs its products consume from
 * other domains, the services feeding them, the Groups of teams at home in another domain):
 * Backstage resolves them once the other domains' catalogs are registered too.
 */
export function backstageReferencesOutsideScope(mesh: Mesh, scope: ExportScope): string[] {
  const scoped = elementsInScope(mesh, scope);
  if (!scoped.ok) return [];
  const { entities, groupsElsewhere } = catalogOf(mesh, scoped.value);
  return [...referencesOutside(entities), ...groupsElsewhere].sort();
}
