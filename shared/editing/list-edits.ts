/** Immutable edits of the ordered lists the inspector shows (ports, tables, tests, stages…). */

export function replaceAt<T>(items: readonly T[], index: number, item: T): T[] {
  return items.map((existing, at) => (at === index ? item : existing));
}

export function removeAt<T>(items: readonly T[], index: number): T[] {
  return items.filter((_, at) => at !== index);
}

/** Moves one item by `offset` places (−1 up, +1 down), staying within the list. */
export function moveBy<T>(items: readonly T[], index: number, offset: number): T[] {
  const target = Math.min(items.length - 1, Math.max(0, index + offset));
  if (target === index || index < 0 || index >= items.length) return [...items];
  const next = [...items];
  const [moved] = next.splice(index, 1);
  next.splice(target, 0, moved as T);
  return next;
}

/** Replaces the item with `id`, keeping the array when nothing changed so selectors stay quiet. */
export function updateById<T extends { id: string }>(items: readonly T[], id: string, update: (item: T) => T): T[] {
  let changed = false;
  const next = items.map((item) => {
    if (item.id !== id) return item;
    const updated = update(item);
    changed ||= updated !== item;
    return updated;
  });
  return changed ? next : (items as T[]);
}

/** The item with `fields` applied, or the same item when they change nothing. */
export function patched<T extends object>(item: T, fields: Partial<NoInfer<T>>): T {
  const changes = Object.entries(fields).some(([key, value]) => item[key as keyof T] !== value);
  return changes ? { ...item, ...fields } : item;
}

type ListSection = 'domains' | 'products' | 'systems' | 'links' | 'contracts' | 'scenarios';

/** The document with one of its lists replaced; the same document when the list did not change. */
export function withSection<M extends Record<ListSection, unknown>, K extends ListSection>(
  mesh: M,
  section: K,
  items: M[K],
): M {
  return items === mesh[section] ? mesh : { ...mesh, [section]: items };
}

/** The item without keys set to undefined, so an optional field that was cleared is absent, as in the file. */
export function withoutUndefined<T extends object>(item: T): T {
  if (!Object.values(item).includes(undefined)) return item;
  return Object.fromEntries(Object.entries(item).filter(([, value]) => value !== undefined)) as T;
}
