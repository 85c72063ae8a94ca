import { getViewportForBounds, type Viewport } from '@xyflow/react';
import type { Rect } from '../../shared/editing/geometry';

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

/** The view that shows all of `bounds` in a canvas of this size, as opening a design and zoom-to-fit do. */
export function fittedViewport(bounds: Rect, width: number, height: number): Viewport {
  return getViewportForBounds(bounds, width, height, MIN_ZOOM, FIT_MAX_ZOOM, FIT_PADDING);
}
