import { type Node, type ReactFlowState, useStore } from '@xyflow/react';
import { useCallback, useMemo } from 'react';
import type { DomainFlow } from '../../shared/editing/domain-overview';
import type { Point, Rect } from '../../shared/editing/geometry';
import { placeFlowCounts } from './domain-flow-count-places';
import { flowCurve } from './domain-flow-curve';

/** A count's size on screen, as canvas.css draws `.domain-flow__count`: 11 px bold digits, 6 px padding, a border. */
const COUNT_HEIGHT = 16;
const COUNT_PADDING = 14;
const DIGIT_WIDTH = 7;
/** Zoom steps per doubling at which the counts are placed again: finer steps would place them on every wheel tick. */
const STEPS_PER_DOUBLING = 8;

/**
 * Where the overview draws each domain flow's count (by flow id), clear of the blocks and of each
 * other at the zoom shown; nothing outside the overview.
 */
export function useDomainFlowCountPlaces(
  flows: readonly DomainFlow[],
  nodes: readonly Node[],
  isOverview: boolean,
): ReadonlyMap<string, Point> | undefined {
  const zoom = useStore(
    useCallback((state: ReactFlowState) => (isOverview ? zoomStepBelow(state.transform[2]) : 1), [isOverview]),
  );
  return useMemo(() => {
    if (!isOverview) return undefined;
    const boxes = new Map(nodes.flatMap((node) => (isDrawnBox(node) ? [[node.id, boxOf(node)] as const] : [])));
    const counts = flows.flatMap((flow) => {
      const [from, to] = [boxes.get(flow.from), boxes.get(flow.to)];
      if (!from || !to) return [];
      const curve = flowCurve(
        { x: from.x + from.width, y: from.y + from.height / 2 },
        { x: to.x, y: to.y + to.height / 2 },
      );
      const size = {
        width: (COUNT_PADDING + DIGIT_WIDTH * String(flow.links).length) / zoom,
        height: COUNT_HEIGHT / zoom,
      };
      return [{ flowId: flow.id, curve, size }];
    });
    return placeFlowCounts(counts, [...boxes.values()]);
  }, [flows, nodes, isOverview, zoom]);
}

/** The zoom rounded down to a step: a count placed for it is no smaller than drawn at the zoom itself. */
function zoomStepBelow(zoom: number): number {
  return 2 ** (Math.floor(Math.log2(zoom) * STEPS_PER_DOUBLING) / STEPS_PER_DOUBLING);
}

/** Blocks and notes: the nodes the overview draws, each at the size it is given. */
function isDrawnBox(node: Node): boolean {
  return node.parentId === undefined && node.width !== undefined && node.height !== undefined;
}

function boxOf(node: Node): Rect {
  return { x: node.position.x, y: node.position.y, width: node.width ?? 0, height: node.height ?? 0 };
}
