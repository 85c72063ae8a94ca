import type { Viewport } from '@xyflow/react';

/** How far a view may be from the fit and still be it: an animation ends within rounding of its target. */
const PAN_TOLERANCE = 0.5;
const ZOOM_TOLERANCE = 0.001;
/** How long the canvas's size must hold before it is fitted again: a window dragged wider fits once, at the end. */
export const RESIZE_SETTLE_MILLIS = 150;

/**
 * The view the canvas last fitted itself to (opening a design, zoom to fit, auto-layout). While the
 * view is still there, nobody has moved it, and it may follow the canvas's size; once panned or
 * zoomed it is the user's, and stays where they put it.
 */
export function createAutomaticFit() {
  let fitted: Viewport | null = null;
  return {
    remember(view: Viewport): void {
      fitted = view;
    },
    isShowing(view: Viewport): boolean {
      return (
        fitted !== null &&
        Math.abs(view.x - fitted.x) <= PAN_TOLERANCE &&
        Math.abs(view.y - fitted.y) <= PAN_TOLERANCE &&
        Math.abs(view.zoom - fitted.zoom) <= ZOOM_TOLERANCE
      );
    },
  };
}

export type AutomaticFit = ReturnType<typeof createAutomaticFit>;

/** What of React Flow's store a resize is read from. */
interface SizedStore<State extends { width: number; height: number }> {
  getState(): State;
  subscribe(listener: (state: State) => void): () => void;
}

/** Calls `settled` once the canvas's size stops changing; returns how to stop. */
export function whenResizeSettles<State extends { width: number; height: number }>(
  store: SizedStore<State>,
  settled: () => void,
): () => void {
  let { width, height } = store.getState();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const unsubscribe = store.subscribe((state) => {
    if (state.width === width && state.height === height) return;
    ({ width, height } = state);
    clearTimeout(timer);
    timer = setTimeout(settled, RESIZE_SETTLE_MILLIS);
  });
  return () => {
    unsubscribe();
    clearTimeout(timer);
  };
}
