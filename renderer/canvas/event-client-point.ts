import type { Point } from '../../shared/editing/geometry';

/** Where on screen a mouse or touch event happened; a touch that ended is no longer among `touches`. */
export function clientPointOf(event: MouseEvent | TouchEvent): Point {
  const place = 'changedTouches' in event ? event.changedTouches[0] : event;
  return { x: place?.clientX ?? 0, y: place?.clientY ?? 0 };
}
