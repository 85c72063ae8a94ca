import { useReactFlow, useStoreApi } from '@xyflow/react';
import { type RefObject, useEffect } from 'react';
import { canvasBox } from '../../shared/editing/alignment';
import { arrangedLayout } from '../../shared/editing/auto-layout';
import { cardRoom } from '../../shared/editing/card-size';
import { boundsOf, type Point, type Rect } from '../../shared/editing/geometry';
import { canvasBounds } from '../../shared/editing/node-placement';
import { nextFrame } from '../app/next-frame';
import { INPUT_PAUSE_MILLIS, whenInputPauses } from '../app/when-input-pauses';
import { currentMesh } from '../store/document-store';
import { announceLayout } from '../store/layout-actions';
import { measuredSizeOf } from '../store/node-sizes';
import { useNoticeStore } from '../store/notice-store';
import { currentSelection } from '../store/selection-store';
import { useUiStore } from '../store/ui-store';
import { animateLayout, isLayoutAnimated } from './auto-layout/animate-layout';
import { computeArrangements, LayoutCancelled, prewarmLayout } from './auto-layout/compute-layout';
import { registerCanvas } from './canvas-commands';
import { captureCanvas } from './canvas-image';
import { fittedViewport, focusedViewport, revealedViewport, shownAtSmallestZoom, showsOverview } from './zoom-levels';

const VIEW_ANIMATION = { duration: 300 };
/** What sits over the canvas and may hide what is under it. */
const OVERLAYS = '.react-flow__minimap, .react-flow__controls';
/** Bars over the canvas's top (the lineage bar, auto-layout's): a focus fits what it shows below them. */
const TOP_BARS = '.react-flow__panel.top';

/** How many frames a focus waits at most for React Flow to take a new size of the canvas (it takes it in one). */
const SETTLE_FRAMES = 10;

/** Beyond this many products and systems, the layout worker is started ahead of the first auto-layout. */
const PREWARM_ABOVE = 300;

/** Makes this canvas the one the toolbar, shortcuts, menus and quick search talk to. */
export function useRegisterCanvas(pointer: RefObject<Point | null>, drawBlocksAhead: (isAhead: boolean) => void): void {
  const flow = useReactFlow();
  const flowStore = useStoreApi();
  useEffect(() => {
    const mesh = currentMesh();
    if (!mesh || mesh.products.length + mesh.systems.length <= PREWARM_ABOVE) return;
    return whenInputPauses(() => prewarmLayout(mesh), INPUT_PAUSE_MILLIS);
  }, []);
  useEffect(() => {
    let layoutRun: AbortController | null = null;
    // Each move of the view counts; one that waited for the canvas to settle gives way to any asked for since.
    let viewMoves = 0;
    const notify = (tone: 'info' | 'error', text: string) => useNoticeStore.getState().show({ tone, text });
    const drawnSizeOf = (nodeId: string) => {
      const measured = flow.getInternalNode(nodeId)?.measured;
      return measured?.width && measured.height ? { width: measured.width, height: measured.height } : undefined;
    };
    const toCanvasRect = (rect: DOMRect): Rect => {
      const topLeft = flow.screenToFlowPosition({ x: rect.left, y: rect.top });
      const bottomRight = flow.screenToFlowPosition({ x: rect.right, y: rect.bottom });
      return { x: topLeft.x, y: topLeft.y, width: bottomRight.x - topLeft.x, height: bottomRight.y - topLeft.y };
    };
    const pointerPoint = () => (pointer.current ? flow.screenToFlowPosition(pointer.current) : undefined);
    const visibleArea = () => {
      const { domNode } = flowStore.getState();
      if (!domNode) return undefined;
      const view = toCanvasRect(domNode.getBoundingClientRect());
      const covered = [...domNode.querySelectorAll(OVERLAYS)].map((overlay) =>
        toCanvasRect(overlay.getBoundingClientRect()),
      );
      return { view, covered };
    };
    /** How far down from the canvas's top the bars over it reach, in pixels on screen. */
    const topBarsBottom = () => {
      const { domNode } = flowStore.getState();
      if (!domNode) return 0;
      const top = domNode.getBoundingClientRect().top;
      const bars = [...domNode.querySelectorAll(TOP_BARS)].map((bar) => bar.getBoundingClientRect().bottom - top);
      return Math.max(0, ...bars);
    };
    // One animation, so that a later move of the view (presenter mode ending) is not undone by a second.
    const fitBox = (box: Rect) => {
      const { width, height } = flowStore.getState();
      void flow.setViewport(focusedViewport(box, width, height, topBarsBottom()), VIEW_ANIMATION);
    };
    /**
     * Resolves once what the same gesture opened is drawn (the contract panel beside the canvas, the
     * lineage bar over it) and React Flow has taken the canvas's size that leaves.
     */
    const whenCanvasSettled = async () => {
      await nextFrame();
      for (let frame = 0; frame < SETTLE_FRAMES; frame++) {
        const { domNode, width, height } = flowStore.getState();
        if (!domNode || (domNode.offsetWidth === width && domNode.offsetHeight === height)) return;
        await nextFrame();
      }
    };
    // From the document's layout, so it works for nodes not drawn (far out, or out of view in a large mesh).
    const focusNodes = async (nodeIds: readonly string[]) => {
      const move = ++viewMoves;
      await whenCanvasSettled();
      if (move !== viewMoves) return;
      const mesh = currentMesh();
      const box = mesh && boundsOf(nodeIds.map((id) => canvasBox(mesh, id, measuredSizeOf)));
      if (box) fitBox(box);
    };
    // Fitted to the document's layout rather than to the nodes drawn, which in a large mesh are only those in view.
    const fitDocument = async (animation: { duration: number } = VIEW_ANIMATION) => {
      const move = ++viewMoves;
      const mesh = currentMesh();
      const bounds = mesh && canvasBounds(mesh);
      const { width, height } = flowStore.getState();
      if (!mesh || !bounds) return;
      const fitted = fittedViewport(bounds, width, height);
      const nodeCount = mesh.products.length + mesh.systems.length;
      const isJumpingOut =
        showsOverview(fitted.zoom, nodeCount) && !showsOverview(flowStore.getState().transform[2], nodeCount);
      // React Flow takes new nodes a render after a new view: jumping from products to the whole
      // mesh at once would first draw every product then in view. The domain blocks go in first.
      if (isJumpingOut) {
        drawBlocksAhead(true);
        // One frame for React to draw the blocks, one for React Flow to take them.
        await nextFrame();
        await nextFrame();
      }
      try {
        if (move === viewMoves) await flow.setViewport(fitted, animation);
      } finally {
        if (isJumpingOut) drawBlocksAhead(false);
      }
    };
    return registerCanvas({
      zoomIn: () => void flow.zoomIn(VIEW_ANIMATION),
      zoomOut: () => void flow.zoomOut(VIEW_ANIMATION),
      fitView: () => void fitDocument(),
      focusNode: (nodeId) => void focusNodes([nodeId]),
      focusNodes: (nodeIds) => void focusNodes(nodeIds),
      keepView: () => {
        const kept = flow.getViewport();
        return () => {
          viewMoves++;
          void flow.setViewport(kept, VIEW_ANIMATION);
        };
      },
      reveal: (nodeIds) => {
        const mesh = currentMesh();
        const box = mesh && boundsOf(nodeIds.map((id) => canvasBox(mesh, id, measuredSizeOf)));
        const { width, height } = flowStore.getState();
        const revealed = box && revealedViewport(box, flow.getViewport(), width, height);
        if (revealed) void flow.setViewport(revealed, VIEW_ANIMATION);
      },
      autoLayout: async () => {
        const mesh = currentMesh();
        if (!mesh || mesh.domains.length === 0 || layoutRun) return;
        layoutRun = new AbortController();
        useUiStore.getState().setLayingOut(true);
        try {
          const arrangements = await computeArrangements(mesh, cardRoom(mesh, drawnSizeOf), layoutRun.signal);
          if (currentMesh() !== mesh) {
            notify('info', 'The design changed during auto-layout; nothing was moved. Run it again.');
            return;
          }
          const { width, height } = flowStore.getState();
          const layout = arrangedLayout(
            mesh,
            arrangements,
            width / Math.max(1, height),
            measuredSizeOf,
            shownAtSmallestZoom({ width, height }),
          );
          if (await animateLayout(layout)) announceLayout(mesh);
          await fitDocument(isLayoutAnimated(Object.keys(layout).length) ? VIEW_ANIMATION : { duration: 0 });
        } catch (error) {
          if (error instanceof LayoutCancelled) notify('info', 'Auto-layout cancelled; nothing was moved.');
          else throw error;
        } finally {
          layoutRun = null;
          useUiStore.getState().setLayingOut(false);
        }
      },
      cancelAutoLayout: () => layoutRun?.abort(),
      pastePoint: () => {
        const area = visibleArea();
        return (
          pointerPoint() ?? (area && { x: area.view.x + area.view.width / 2, y: area.view.y + area.view.height / 2 })
        );
      },
      pointerPoint,
      visibleArea,
      screenToCanvas: (point) => flow.screenToFlowPosition(point),
      isOverview: () => {
        const mesh = currentMesh();
        return !!mesh && showsOverview(flowStore.getState().transform[2], mesh.products.length + mesh.systems.length);
      },
      image: (options) => captureCanvas(flow, currentSelection().nodeIds, options),
    });
  }, [flow, flowStore, pointer, drawBlocksAhead]);
}
