import { isMap, isPair, isScalar, isSeq } from 'yaml';
import type { PathSegment } from './path-segment';

/**
 * The document path of a node from its ancestors as `visit` gives them (`schema[0].examples[1]`);
 * a mapping's key has the path of its entry.
 */
export function documentPathOfNode(ancestors: readonly unknown[], node: unknown): PathSegment[] {
  const chain = [...ancestors, node];
  return chain.flatMap((parent, index): PathSegment[] => {
    const child = chain[index + 1];
    if (isSeq(parent)) return [parent.items.indexOf(child as never)];
    if (isMap(parent) && isPair(child)) return [keyOf(child.key)];
    return [];
  });
}

function keyOf(key: unknown): PathSegment {
  if (!isScalar(key)) return String(key);
  return typeof key.value === 'number' ? key.value : String(key.value);
}
