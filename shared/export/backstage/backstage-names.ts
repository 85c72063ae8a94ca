import { createSlugAllocator } from '../file-names';

/** Backstage entity names: `[a-z0-9]+(-[a-z0-9]+)*`, at most 63 characters, unique per kind. */
const MAX_NAME_LENGTH = 63;

/**
 * Names every catalog entity from its element (each element always gets the same name),
 * unique within its kind: a data product's System and Component share one name, which no
 * operational system's Component takes.
 */
export function createBackstageNames() {
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
    /** The Group of an owning team; teams without a name share one group, `unowned`. */
    group(owner: string): string {
      const name = group(owner, owner ? [owner, 'team'] : ['unowned']);
      groupTitles.set(name, owner || 'No owner set');
      return name;
    },
    /** Every group named so far, in the order first named. */
    groups: () => [...groupTitles].map(([name, title]) => ({ name, title })),
  };
}

export type BackstageNames = ReturnType<typeof createBackstageNames>;
