/**
 * Values remembered per object for as long as what they were computed from stays the same
 * objects. The mesh is immutable, so an edit replaces only what it changes: after an edit of
 * one product, everything computed from the others is found here again.
 */
export class DependentCache<K extends object, V> {
  private readonly entries = new WeakMap<K, { dependencies: readonly unknown[]; value: V }>();

  get(key: K, dependencies: readonly unknown[], compute: () => V): V {
    const entry = this.entries.get(key);
    if (
      entry &&
      entry.dependencies.length === dependencies.length &&
      entry.dependencies.every((dependency, index) => dependency === dependencies[index])
    ) {
      return entry.value;
    }
    const value = compute();
    this.entries.set(key, { dependencies, value });
    return value;
  }
}

/** Values remembered per object (a mesh's graph, a product's lineage) and per key within it, computed on first use. */
export class PerObjectCache<K extends object, Key, V> {
  private readonly entries = new WeakMap<K, Map<Key, V>>();

  get(owner: K, key: Key, compute: () => V): V {
    let byKey = this.entries.get(owner);
    if (!byKey) {
      byKey = new Map();
      this.entries.set(owner, byKey);
    }
    if (byKey.has(key)) return byKey.get(key) as V;
    const value = compute();
    byKey.set(key, value);
    return value;
  }
}
