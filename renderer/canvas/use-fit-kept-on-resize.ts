import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useEffect } from 'react';
import { canvasBounds } from '../../shared/editing/node-placement';
import { currentMesh } from '../store/document-store';
import { viewAfterResize } from './zoom-levels';

/**
 * Keeps a view fitted to the design fitted when the canvas changes size (entering Simulate puts
 * its run bar above the canvas and drops the palette), as zoom-to-fit fits it, so the minimap
 * that moves with the canvas's corner comes to cover nothing; a view the user moved stays.
 */
export function useFitKeptOnResize(): void {
  const flow = useReactFlow();
  const flowStore = useStoreApi();
  useEffect(
    () =>
      flowStore.subscribe((state, previous) => {
        const isResized = state.width !== previous.width || state.height !== previous.height;
        if (!isResized || previous.width === 0 || previous.height === 0) return;
        const mesh = currentMesh();
        const bounds = mesh && canvasBounds(mesh);
        const [x, y, zoom] = previous.transform;
        const view = bounds && viewAfterResize({ x, y, zoom }, bounds, previous, state);
        if (view) void flow.setViewport(view);
      }),
    [flow, flowStore],
  );
}
