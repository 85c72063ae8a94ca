/** Structural equality of JSON-like values, whatever the order of object keys. */
export function isDeepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => isDeepEqual(item, b[index]));
  }
  const entriesOf = (value: object) => Object.entries(value).filter(([, child]) => child !== undefined);
  const aEntries = entriesOf(a);
  const bRecord = b as Record<string, unknown>;
  return aEntries.length === entriesOf(b).length && aEntries.every(([key, child]) => isDeepEqual(child, bRecord[key]));
}
