import { useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';
import { currentMesh } from '../store/document-store';
import { useNoticeStore } from '../store/notice-store';
import { currentSelection } from '../store/selection-store';
import { animateLayout } from './auto-layout/animate-layout';
import { computeLayout } from './auto-layout/compute-layout';
import { registerCanvas } from './canvas-commands';
import { captureCanvas } from './canvas-image';

const VIEW_ANIMATION = { duration: 300 };

/** Makes this canvas the one the toolbar, shortcuts and quick search talk to. */
export function useRegisterCanvas(): void {
  const flow = useReactFlow();
  useEffect(() => {
    const sizeOf = (nodeId: string) => {
      const measured = flow.getInternalNode(nodeId)?.measured;
      return measured?.width && measured.height ? { width: measured.width, height: measured.height } : undefined;
    };
    return registerCanvas({
      zoomIn: () => void flow.zoomIn(VIEW_ANIMATION),
      zoomOut: () => void flow.zoomOut(VIEW_ANIMATION),
      fitView: () => void flow.fitView(VIEW_ANIMATION),
      focusNode: (nodeId) => void flow.fitView({ nodes: [{ id: nodeId }], maxZoom: 1.2, ...VIEW_ANIMATION }),
      focusNodes: (nodeIds) =>
        void flow.fitView({ nodes: nodeIds.map((id) => ({ id })), maxZoom: 1.2, ...VIEW_ANIMATION }),
      autoLayout: async () => {
        const mesh = currentMesh();
        if (!mesh || mesh.domains.length === 0) return;
        const layout = await computeLayout(mesh, sizeOf);
        if (currentMesh() !== mesh) {
          useNoticeStore
            .getState()
            .show({ tone: 'info', text: 'The design changed during auto-layout; run it again.' });
          return;
        }
        await animateLayout(layout);
        await flow.fitView(VIEW_ANIMATION);
      },
      image: (options) => captureCanvas(flow, currentSelection().nodeIds, options),
    });
  }, [flow]);
}
