import type { Mesh } from '../../model/mesh';
import { teamKey } from '../../model/owner-entity-ref';
import { createSlugAllocator } from '../file-names';
import { outboxEventContracts } from '../outbox-event-contracts';

/** Backstage entity names: `[a-z0-9]+(-[a-z0-9]+)*`, at most 63 characters, unique per kind. */
const MAX_NAME_LENGTH = 63;

/**
 * Names every catalog entity from its element (each element always gets the same name),
 * unique within its kind: a data product's System and Component share one name, which no
 * operational system's Component takes.
 */
function createBackstageNames() {
  const named = (allocate = createSlugAllocator()) => {
    const byKey = new Map<string, string>();
    return (key: string, names: readonly string[]) => {
      const existing = byKey.get(key);
      if (existing !== undefined) return existing;
      const name = allocate(names, MAX_NAME_LENGTH);
      byKey.set(key, name);
      return name;
    };
  };
  const domain = named();
  const component = named();
  const api = named();
  const group = named();
  const groupTitles = new Map<string, string>();
  return {
    domain: (id: string) => domain(id, [id]),
    product: (id: string) => component(`product ${id}`, [id]),
    service: (id: string) => component(`service ${id}`, [id]),
    api: (productId: string, portId: string) => api(`${productId} ${portId}`, [`${productId}-${portId}`]),
    eventApi: (systemId: string, topicId: string) => api(`event ${systemId} ${topicId}`, [`${systemId}-${topicId}`]),
    /**
     * The Group of an owning team, one for every spelling of its name (Backstage compares names
     * regardless of case), titled as first written; teams without a name share one group, `unowned`.
     */
    group(owner: string): string {
      const name = group(teamKey(owner), owner ? [owner, 'team'] : ['unowned']);
      if (!groupTitles.has(name)) groupTitles.set(name, owner || 'No owner set');
      return name;
    },
    /** Every group named so far, in the order first named. */
    groups: () => [...groupTitles].map(([name, title]) => ({ name, title })),
  };
}

export type BackstageNames = ReturnType<typeof createBackstageNames>;

/**
 * Names for the catalog of any scope of the mesh. Every domain, component and API of the whole
 * mesh is named first, in the document's order, so that of two elements whose ids slug alike each
 * gets one name in every scope's catalog: a domain's catalog then references the very entities
 * the other domains' catalogs define, and no two catalogs define one entity.
 */
export function meshWideBackstageNames(mesh: Mesh): BackstageNames {
  const names = createBackstageNames();
  const contracts = new Map(mesh.contracts.map((contract) => [contract.id, contract]));
  for (const domain of mesh.domains) names.domain(domain.id);
  for (const product of mesh.products) names.product(product.id);
  for (const system of mesh.systems) names.service(system.id);
  for (const product of mesh.products) {
    for (const port of product.outputPorts) if (contracts.has(port.contractId ?? '')) names.api(product.id, port.id);
  }
  for (const system of mesh.systems) {
    for (const { topic } of outboxEventContracts(system, contracts)) names.eventApi(system.id, topic.id);
  }
  return names;
}
