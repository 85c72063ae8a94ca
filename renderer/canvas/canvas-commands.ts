import type { CanvasImage, CanvasImageOptions } from './canvas-image';

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
  /** Brings nodes into view together (a problem's element, both ends of a link). */
  focusNodes(nodeIds: readonly string[]): void;
  /** Lays the mesh out left to right by data flow, animated and undoable. */
  autoLayout(): Promise<void>;
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
  autoLayout: () => mounted?.autoLayout() ?? Promise.resolve(),
  image: (options) => mounted?.image(options) ?? Promise.resolve({ ok: false, reason: 'No design is open.' }),
};
