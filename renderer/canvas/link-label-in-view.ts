import type { Point, Size } from '../../shared/editing/geometry';

/** Room kept between a link's label and the canvas's edge. */
const EDGE_MARGIN = 4;

/**
 * Where a link's label goes on the canvas (its top left, in screen pixels from the canvas's top
 * left): centred `gap` above `anchor`, its point on the link, but moved along the link's side so
 * that all of it shows where the link runs by the canvas's edge, and below the point where there
 * is no room above it. A label wider than the canvas starts at its left edge.
 */
export function linkLabelInView(anchor: Point, label: Size, canvas: Size, gap: number): Point {
  const centred = anchor.x - label.width / 2;
  const x = Math.max(EDGE_MARGIN, Math.min(centred, canvas.width - EDGE_MARGIN - label.width));
  const above = anchor.y - gap - label.height;
  return { x, y: above >= EDGE_MARGIN ? above : anchor.y + gap };
}
