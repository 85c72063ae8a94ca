import type { Size } from '../../shared/editing/geometry';
import { DEFAULT_NODE_SIZE, type SizeOf } from '../../shared/editing/node-placement';

const measured = new Map<string, Size>();

/**
 * The sizes the canvas measured for products and systems, so edits that place or contain them
 * (drops, pastes, alignment) work with what is drawn. Not state anything renders from: a plain map.
 */
export function rememberNodeSizes(sizes: ReadonlyMap<string, Size>): void {
  for (const [id, size] of sizes) measured.set(id, size);
}

export const measuredSizeOf: SizeOf = (nodeId) => measured.get(nodeId) ?? DEFAULT_NODE_SIZE;
