/**
 * A function of some objects, remembered by their identity: called again with the very same
 * objects (the same products array, the same links), it returns what it computed the first time.
 * The document is immutable, so identity is change; memory goes with the objects (WeakMaps).
 */
export function memoizedOn<Inputs extends object[], Result>(
  compute: (...inputs: Inputs) => Result,
): (...inputs: Inputs) => Result {
  const root = new WeakMap<object, unknown>();
  const RESULT = Symbol('result');
  return (...inputs) => {
    let level: WeakMap<object, unknown> = root;
    for (const input of inputs.slice(0, -1)) {
      let next = level.get(input) as WeakMap<object, unknown> | undefined;
      if (!next) {
        next = new WeakMap();
        level.set(input, next);
      }
      level = next;
    }
    const last = inputs.at(-1) as object;
    const cached = level.get(last) as { [RESULT]: Result } | undefined;
    if (cached) return cached[RESULT];
    const result = compute(...inputs);
    level.set(last, { [RESULT]: result });
    return result;
  };
}
