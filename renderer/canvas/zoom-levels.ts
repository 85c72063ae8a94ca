import { getViewportForBounds, type Viewport } from '@xyflow/react';
import { boundsOf, overlaps, type Rect, type Size } from '../../shared/editing/geometry';

/**
 * Below this zoom product names cannot be read: the canvas draws each domain as one block with its
 * counts, and the links between domains as one edge each (semantic zoom).
 */
export const OVERVIEW_ZOOM = 0.35;
/**
 * Only a mesh with more products and systems than this is drawn as blocks: a small one stays
 * whole however far out (in a narrow canvas beside the contract editor, say), where its few
 * links still read.
 */
export const OVERVIEW_ABOVE_NODES = 60;
export const MIN_ZOOM = 0.05;
export const MAX_ZOOM = 2;

/** Whether the mesh is drawn as domain blocks far out (and its minimap shows domains only, at every zoom). */
export function hasBlockOverview(productsAndSystems: number): boolean {
  return productsAndSystems > OVERVIEW_ABOVE_NODES;
}

export function showsOverview(zoom: number, productsAndSystems: number): boolean {
  return zoom < OVERVIEW_ZOOM && hasBlockOverview(productsAndSystems);
}

/** A lone new domain should not fill the screen: fitting never zooms in past 100%. */
const FIT_MAX_ZOOM = 1;
const FIT_PADDING = 0.1;

/** The extent of the canvas a view of this size shows when fitted at the smallest zoom (its padding included). */
export function shownAtSmallestZoom(view: Size): Size {
  const scale = MIN_ZOOM * (1 + FIT_PADDING);
  return { width: view.width / scale, height: view.height / scale };
}

/** The minimap's size on screen (React Flow's default, set on it so this stays true). */
export const MINIMAP_SIZE = { width: 200, height: 150 };
/** Below this width the canvas has no minimap: the minimap would cover nodes and take their clicks (a contract open beside it). */
export const NARROW_CANVAS_WIDTH = 700;

/** Whether a canvas this wide on screen shows its minimap. */
export function showsMinimap(canvasWidth: number): boolean {
  return canvasWidth >= NARROW_CANVAS_WIDTH;
}

/** The zoom controls' size on screen: React Flow's 26 px buttons, four stacked (in, out, fit, snap to grid). */
const CONTROLS_SIZE = { width: 26, height: 4 * 26 };
/** React Flow's margin around a panel (`.react-flow__panel`). */
const PANEL_MARGIN = 15;
/** The bottom-right corner of the canvas the minimap covers: nodes under it cannot be dragged from or connected. */
export const MINIMAP_CORNER = {
  width: MINIMAP_SIZE.width + 2 * PANEL_MARGIN,
  height: MINIMAP_SIZE.height + 2 * PANEL_MARGIN,
};
/** The bottom-left corner of the canvas the zoom controls cover. */
export const CONTROLS_CORNER = {
  width: CONTROLS_SIZE.width + 2 * PANEL_MARGIN,
  height: CONTROLS_SIZE.height + 2 * PANEL_MARGIN,
};

/** The most a focus zooms in: a single product fills a third of the view, not all of it. */
const FOCUS_MAX_ZOOM = 1.2;
const FOCUS_PADDING = 0.15;

/** How a view is fitted: how far it may zoom in, the padding around what it shows, the pixels a bar over the canvas's top hides. */
interface Fit {
  maxZoom: number;
  padding: number;
  coveredTop: number;
}

/** The view that shows all of `bounds` centred in `area`, a part of the canvas (in pixels from its top left). */
function fitIntoArea(bounds: Rect, area: Rect, { maxZoom, padding }: Fit): Viewport {
  const view = getViewportForBounds(bounds, area.width, area.height, MIN_ZOOM, maxZoom, padding);
  return { ...view, x: view.x + area.x, y: view.y + area.y };
}

/** The corners of a canvas of this size that the minimap and the zoom controls cover. */
function overlayCorners(width: number, height: number): Rect[] {
  return [
    { x: width - MINIMAP_CORNER.width, y: height - MINIMAP_CORNER.height, ...MINIMAP_CORNER },
    { x: 0, y: height - CONTROLS_CORNER.height, ...CONTROLS_CORNER },
  ];
}

/**
 * The view that shows all of `bounds` in a canvas of this size below the bar over its top, clear of
 * the minimap and the zoom controls: centred there when that leaves their corners free, else fitted
 * into the larger part they leave free (between them, or above them).
 */
function viewClearOfOverlays(bounds: Rect, width: number, height: number, fit: Fit): Viewport {
  const fitInto = (area: Rect) => fitIntoArea(bounds, area, fit);
  const top = Math.min(fit.coveredTop, height - 1);
  const centred = fitInto({ x: 0, y: top, width, height: height - top });
  const drawn = drawnAt(bounds, centred);
  if (!overlayCorners(width, height).some((corner) => overlaps(drawn, corner))) return centred;
  const between = {
    x: CONTROLS_CORNER.width,
    y: top,
    width: width - CONTROLS_CORNER.width - MINIMAP_CORNER.width,
    height: height - top,
  };
  const above = {
    x: 0,
    y: top,
    width,
    height: height - Math.max(MINIMAP_CORNER.height, CONTROLS_CORNER.height) - top,
  };
  const clear = [between, above].filter((area) => area.width > 0 && area.height > 0).map(fitInto);
  return clear.reduce<Viewport>((best, view) => (view.zoom > best.zoom ? view : best), clear[0] ?? centred);
}

/** The view that shows all of `bounds`, as opening a design and zoom-to-fit do, clear of the minimap and the zoom controls. */
export function fittedViewport(bounds: Rect, width: number, height: number): Viewport {
  return viewClearOfOverlays(bounds, width, height, { maxZoom: FIT_MAX_ZOOM, padding: FIT_PADDING, coveredTop: 0 });
}

/**
 * The view a focus brings (a lineage, a problem, a search result): all of `bounds`, zoomed in no
 * further than a readable size, below the `coveredTop` pixels a bar over the canvas's top hides (the
 * lineage bar), clear of the minimap and the zoom controls.
 */
export function focusedViewport(bounds: Rect, width: number, height: number, coveredTop: number): Viewport {
  return viewClearOfOverlays(bounds, width, height, { maxZoom: FOCUS_MAX_ZOOM, padding: FOCUS_PADDING, coveredTop });
}

/** Where `bounds` is drawn on screen in a view. */
function drawnAt(bounds: Rect, view: Viewport): Rect {
  return {
    x: bounds.x * view.zoom + view.x,
    y: bounds.y * view.zoom + view.y,
    width: bounds.width * view.zoom,
    height: bounds.height * view.zoom,
  };
}

/** Following a new element zooms out to keep the rest in view, but never below this share of the zoom it had. */
const REVEAL_MIN_ZOOM_RATIO = 0.5;
const REVEAL_PADDING = 0.05;

/**
 * The view that brings `bounds` (a new element) into a canvas of this size from `current`, clear
 * of the minimap and the zoom controls: zoomed out a little to show it beside what was in view,
 * or, where that would take too far out, moved to it. Undefined where it is in view and clear already.
 */
export function revealedViewport(bounds: Rect, current: Viewport, width: number, height: number): Viewport | undefined {
  const drawn = drawnAt(bounds, current);
  const isInView = drawn.x >= 0 && drawn.y >= 0 && drawn.x + drawn.width <= width && drawn.y + drawn.height <= height;
  if (isInView && !overlayCorners(width, height).some((corner) => overlaps(drawn, corner))) return undefined;
  const inView = {
    x: -current.x / current.zoom,
    y: -current.y / current.zoom,
    width: width / current.zoom,
    height: height / current.zoom,
  };
  const both = boundsOf([inView, bounds]) as Rect;
  const leastZoom = Math.max(OVERVIEW_ZOOM, current.zoom * REVEAL_MIN_ZOOM_RATIO);
  const fit = { maxZoom: current.zoom, padding: REVEAL_PADDING, coveredTop: 0 };
  const showingBoth = viewClearOfOverlays(both, width, height, fit);
  if (showingBoth.zoom >= leastZoom) return showingBoth;
  return viewClearOfOverlays(bounds, width, height, { ...fit, maxZoom: Math.max(current.zoom, OVERVIEW_ZOOM) });
}

/** How near a view must be to the fitted one to count as fitted (rounding in React Flow's transform). */
const SAME_VIEW_TOLERANCE = { pixels: 0.5, zoom: 0.001 };

/**
 * The view for a canvas resized from `before` to `after` (entering Simulate takes its run bar off
 * the canvas's height): a view fitted to the design (`bounds`) stays fitted, as zoom-to-fit fits
 * it, clear of the minimap; a view the user moved stays where it is (undefined).
 */
export function viewAfterResize(current: Viewport, bounds: Rect, before: Size, after: Size): Viewport | undefined {
  const fitted = fittedViewport(bounds, before.width, before.height);
  const isFitted =
    Math.abs(current.x - fitted.x) <= SAME_VIEW_TOLERANCE.pixels &&
    Math.abs(current.y - fitted.y) <= SAME_VIEW_TOLERANCE.pixels &&
    Math.abs(current.zoom - fitted.zoom) <= SAME_VIEW_TOLERANCE.zoom;
  return isFitted ? fittedViewport(bounds, after.width, after.height) : undefined;
}
