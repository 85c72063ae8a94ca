/** The object without its undefined fields, so written files carry no empty keys. */
export function compact<T extends Record<string, unknown>>(object: T): T {
  // A plain loop: exports call this for every object of every file.
  const compacted: Record<string, unknown> = {};
  for (const key of Object.keys(object)) if (object[key] !== undefined) compacted[key] = object[key];
  return compacted as T;
}

/** The list, or undefined when it is empty: standards that allow a list rarely want an empty one. */
export function nonEmpty<T>(items: readonly T[]): T[] | undefined {
  return items.length > 0 ? [...items] : undefined;
}
