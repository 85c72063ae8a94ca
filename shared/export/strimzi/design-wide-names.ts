import { createSlugAllocator } from '../file-names';

/**
 * Resource names for `keys` (topic names, product ids), slugged in the design's order over the
 * whole design rather than the scope: every export names a key's resource alike, so two domains'
 * exports applied to one namespace never give one name to two topics or two products (the second
 * `kubectl apply` would take over the first one's resource).
 */
export function designWideNames(
  keys: readonly string[],
  maxLength: number,
  isReserved?: (slug: string) => boolean,
): ReadonlyMap<string, string> {
  const allocate = createSlugAllocator(isReserved);
  const names = new Map<string, string>();
  for (const key of keys) if (!names.has(key)) names.set(key, allocate([key], maxLength));
  return names;
}
