import { useReactFlow, type XYPosition } from '@xyflow/react';
import { type MouseEvent, useCallback } from 'react';

/** Long enough to see which way the view went. */
const JUMP_DURATION = 300;

/**
 * Centres the view, at its zoom, on the point of the design clicked on the minimap, as draw.io's
 * outline and ChartDB's minimap do. A drag on the minimap pans instead (React Flow's `pannable`)
 * and ends without a click, so the view stays where the drag left it.
 */
export function useMinimapJump(): (event: MouseEvent, point: XYPosition) => void {
  const flow = useReactFlow();
  return useCallback(
    (_event: MouseEvent, point: XYPosition) =>
      void flow.setCenter(point.x, point.y, { zoom: flow.getZoom(), duration: JUMP_DURATION }),
    [flow],
  );
}
