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
