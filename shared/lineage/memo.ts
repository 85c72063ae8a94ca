/** One remembered value and what it was computed from. */
interface Entry<V> {
  dependencies: readonly unknown[];
  value: V;
}

/** Text keys (SQL, names) are held in a plain map; past this many it starts afresh, so it cannot grow without bound. */
const TEXT_KEY_LIMIT = 10_000;

/**
 * Values remembered per key for as long as what they were computed from stays the same
 * (compared with `===`). The mesh is updated immutably, so an edit replaces only the objects it
 * changes: after an edit of one product, everything computed from the other products, links
 * and contracts is found here again. Object keys are held weakly (they go with the document);
 * text keys (SQL, names) in a bounded map. The one caching idiom of shared/validation and
 * shared/lineage: each key keeps only its latest value.
 */
export class Memo<K extends object | string, V> {
  private readonly byObject = new WeakMap<object, Entry<V>>();
  private readonly byText = new Map<string, Entry<V>>();
  private last: { value: V } | undefined;

  /**
   * `isEqual`: for a value many others depend on (a summary of a whole section), whether a new
   * value says the same as the last one; the last one is then kept, so what depends on it is
   * still found in its own memos.
   */
  constructor(private readonly isEqual?: (last: V, next: V) => boolean) {}

  get(key: K, dependencies: readonly unknown[], compute: () => V): V {
    const entry = typeof key === 'string' ? this.byText.get(key) : this.byObject.get(key);
    if (entry && isSame(entry.dependencies, dependencies)) return entry.value;
    let value = compute();
    if (this.isEqual) {
      if (this.last && this.isEqual(this.last.value, value)) value = this.last.value;
      this.last = { value };
    }
    if (typeof key !== 'string') this.byObject.set(key, { dependencies, value });
    else {
      if (this.byText.size >= TEXT_KEY_LIMIT) this.byText.clear();
      this.byText.set(key, { dependencies, value });
    }
    return value;
  }
}

function isSame(before: readonly unknown[], now: readonly unknown[]): boolean {
  if (before.length !== now.length) return false;
  for (let at = 0; at < now.length; at++) if (before[at] !== now[at]) return false;
  return true;
}
