import type { Point, Size } from '../../shared/editing/geometry';

/** Room kept between a menu and the window's edge. */
const EDGE_MARGIN = 4;

/**
 * Where a menu opened at `pointer` goes so that all of it is in the window, as desktop menus do:
 * to the right of and below the pointer where it fits, else to its left or above it, else against
 * the window's edge.
 */
export function menuPlacement(pointer: Point, menu: Size, window: Size): Point {
  return {
    x: placeAlong(pointer.x, menu.width, window.width),
    y: placeAlong(pointer.y, menu.height, window.height),
  };
}

function placeAlong(pointer: number, length: number, room: number): number {
  if (pointer + length <= room - EDGE_MARGIN) return pointer;
  if (pointer - length >= EDGE_MARGIN) return pointer - length;
  return Math.max(EDGE_MARGIN, room - EDGE_MARGIN - length);
}
