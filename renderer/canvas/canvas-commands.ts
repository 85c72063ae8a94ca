import type { Point, Rect } from '../../shared/editing/geometry';
import type { CanvasImage, CanvasImageOptions } from './canvas-image';

/** The part of the canvas on screen, in canvas coordinates, and what covers some of it (the minimap). */
export interface VisibleArea {
  view: Rect;
  covered: Rect[];
}

/**
 * What the rest of the app may ask of the canvas (toolbar buttons, shortcuts, quick search),
 * without knowing which library draws it.
 */
export interface CanvasCommands {
  zoomIn(): void;
  zoomOut(): void;
  fitView(): void;
  /** Centres the view on a node (quick search). */
  focusNode(nodeId: string): void;
  /**
   * Brings nodes into view together (a problem's element, both ends of a link, a lineage), in the
   * canvas as the same gesture leaves it (narrowed by the contract panel it opened).
   */
  focusNodes(nodeIds: readonly string[]): void;
  /** Remembers the view as it is; the function returned goes back to it (after presenter mode's focusing). */
  keepView(): () => void;
  /** Pans just enough to bring nodes fully into view, clear of the minimap, when they are not. */
  reveal(nodeIds: readonly string[]): void;
  /** Lays the mesh out by data flow, animated and undoable; resolves when done or cancelled. */
  autoLayout(): Promise<void>;
  cancelAutoLayout(): void;
  /** Where a paste lands: the pointer when it is over the canvas, else the middle of the view. */
  pastePoint(): Point | undefined;
  /** The pointer in canvas coordinates, when it is over the canvas. */
  pointerPoint(): Point | undefined;
  visibleArea(): VisibleArea | undefined;
  /** A point on screen in canvas coordinates. */
  screenToCanvas(point: Point): Point | undefined;
  /** Whether the canvas shows domains as blocks (zoomed far out). */
  isOverview(): boolean;
  /** A PNG or SVG of the whole mesh or the selection. */
  image(options: CanvasImageOptions): Promise<CanvasImage>;
}

let mounted: CanvasCommands | null = null;

/** The canvas registers itself while mounted; commands do nothing when no design is open. */
export function registerCanvas(commands: CanvasCommands): () => void {
  mounted = commands;
  return () => {
    if (mounted === commands) mounted = null;
  };
}

export const canvasCommands: CanvasCommands = {
  zoomIn: () => mounted?.zoomIn(),
  zoomOut: () => mounted?.zoomOut(),
  fitView: () => mounted?.fitView(),
  focusNode: (nodeId) => mounted?.focusNode(nodeId),
  focusNodes: (nodeIds) => mounted?.focusNodes(nodeIds),
  keepView: () => mounted?.keepView() ?? (() => undefined),
  reveal: (nodeIds) => mounted?.reveal(nodeIds),
  autoLayout: () => mounted?.autoLayout() ?? Promise.resolve(),
  cancelAutoLayout: () => mounted?.cancelAutoLayout(),
  pastePoint: () => mounted?.pastePoint(),
  pointerPoint: () => mounted?.pointerPoint(),
  visibleArea: () => mounted?.visibleArea(),
  screenToCanvas: (point) => mounted?.screenToCanvas(point),
  isOverview: () => mounted?.isOverview() ?? false,
  image: (options) => mounted?.image(options) ?? Promise.resolve({ ok: false, reason: 'No design is open.' }),
};
