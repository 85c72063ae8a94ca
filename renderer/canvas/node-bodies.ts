import type { ReactFlowState } from '@xyflow/react';
import { overlaps, type Rect } from '../../shared/editing/geometry';
import { memoizedOn } from '../../shared/editing/memo';

/** The nodes a label on a link must not cover: what has a title and rows to read. */
const BODY_TYPES = new Set(['product', 'system', 'note']);

/**
 * Where on the canvas the product, system and note nodes are drawn, once per change of the
 * nodes (not per frame of a pan: the store's node list is the same array then).
 */
const bodiesOf = memoizedOn((nodes: ReactFlowState['nodes'], lookup: ReactFlowState['nodeLookup']): Rect[] =>
  nodes.flatMap((node) => {
    const internal = lookup.get(node.id);
    if (!internal || !BODY_TYPES.has(node.type ?? '')) return [];
    const { x, y } = internal.internals.positionAbsolute;
    return [{ x, y, width: internal.measured.width ?? 0, height: internal.measured.height ?? 0 }];
  }),
);

export const selectNodeBodies = (state: ReactFlowState): readonly Rect[] => bodiesOf(state.nodes, state.nodeLookup);

/**
 * A selector of the bodies that overlap `area`: it filters again only when the nodes change,
 * and its answer compares equal (`sameBodies`) while those near it stay where they are.
 */
export function selectBodiesIn(area: Rect): (state: ReactFlowState) => readonly Rect[] {
  let bodies: readonly Rect[] | undefined;
  let inArea: readonly Rect[] = [];
  return (state) => {
    const now = selectNodeBodies(state);
    if (now !== bodies) {
      bodies = now;
      inArea = now.filter((body) => overlaps(body, area));
    }
    return inArea;
  };
}

export function sameBodies(a: readonly Rect[], b: readonly Rect[]): boolean {
  return (
    a.length === b.length &&
    a.every((body, index) => {
      const other = b[index] as Rect;
      return body.x === other.x && body.y === other.y && body.width === other.width && body.height === other.height;
    })
  );
}
