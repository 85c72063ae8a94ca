import type { ReactFlowState } from '@xyflow/react';
import { boundsOf, inflate, overlaps, type Point, type Rect } from '../../shared/editing/geometry';
import { memoizedOn } from '../../shared/editing/memo';

/** How far round the box between its ends a link looks for nodes to go round. */
export const ROUTING_MARGIN = 200;

/** The nodes a label on a link must not cover: what has a title and rows to read. */
const BODY_TYPES = new Set(['product', 'system', 'note']);

/**
 * Where on the canvas the product, system and note nodes are drawn, once per change of the
 * nodes (not per frame of a pan: the store's node list is the same array then).
 */
const bodiesOf = memoizedOn((nodes: ReactFlowState['nodes'], lookup: ReactFlowState['nodeLookup']): Rect[] =>
  nodes.flatMap((node) => {
    const internal = lookup.get(node.id);
    return internal && BODY_TYPES.has(node.type ?? '') ? [bodyOf(internal)] : [];
  }),
);

/** Where the domains are drawn, once per change of the nodes. */
const domainsOf = memoizedOn((nodes: ReactFlowState['nodes'], lookup: ReactFlowState['nodeLookup']): Rect[] =>
  nodes.flatMap((node) => {
    const internal = lookup.get(node.id);
    return internal && node.type === 'domain' ? [bodyOf(internal)] : [];
  }),
);

type InternalNode = NonNullable<ReturnType<ReactFlowState['nodeLookup']['get']>>;

/** Where a node is drawn on the canvas. */
function bodyOf(node: InternalNode): Rect {
  const { x, y } = node.internals.positionAbsolute;
  return { x, y, width: node.measured.width ?? 0, height: node.measured.height ?? 0 };
}

/** Where the nodes with these ids are drawn (those the canvas has). */
export function selectBodiesOf(...ids: string[]): (state: ReactFlowState) => readonly Rect[] {
  return (state) =>
    ids.flatMap((id) => {
      const node = state.nodeLookup.get(id);
      return node ? [bodyOf(node)] : [];
    });
}

export const selectNodeBodies = (state: ReactFlowState): readonly Rect[] => bodiesOf(state.nodes, state.nodeLookup);

export const selectDomainBoxes = (state: ReactFlowState): readonly Rect[] => domainsOf(state.nodes, state.nodeLookup);

const NONE: readonly Rect[] = [];

/** For a link that is not to be routed now. */
export const selectNoBodies = (): readonly Rect[] => NONE;

/**
 * A selector of the bodies within `margin` of a link taking `way`: those it goes round where they
 * are in its way, and keeps clear of when it is moved apart from other links (a way clear of them
 * may be moved into them). It looks again only when the nodes change, and its answer compares
 * equal (`sameBodies`) while those stay where they are, so moving a node re-routes only the links
 * it comes near.
 */
export function selectBodiesNear(way: readonly Point[], margin: number): (state: ReactFlowState) => readonly Rect[] {
  return selectNear(selectNodeBodies, way, margin);
}

/** A selector of the domains within `margin` of a link taking `way`, whose outlines it keeps off; as `selectBodiesNear`. */
export function selectDomainsNear(way: readonly Point[], margin: number): (state: ReactFlowState) => readonly Rect[] {
  return selectNear(selectDomainBoxes, way, margin);
}

function selectNear(
  selectAll: (state: ReactFlowState) => readonly Rect[],
  way: readonly Point[],
  margin: number,
): (state: ReactFlowState) => readonly Rect[] {
  const area = inflate(
    boundsOf(way.map((point) => ({ ...point, width: 0, height: 0 }))) ?? { x: 0, y: 0, width: 0, height: 0 },
    margin,
  );
  let all: readonly Rect[] | undefined;
  let near = NONE;
  return (state) => {
    const now = selectAll(state);
    if (now !== all) {
      all = now;
      near = now.filter((rect) => overlaps(rect, area));
    }
    return near;
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
