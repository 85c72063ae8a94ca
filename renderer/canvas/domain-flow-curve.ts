import type { Point } from '../../shared/editing/geometry';

/** A cubic Bézier curve: its two ends and the control point pulling each. */
export interface FlowCurve {
  source: Point;
  sourceControl: Point;
  targetControl: Point;
  target: Point;
}

/** How far a control point reaches out of a side facing away from the other end (React Flow's default). */
const CURVATURE = 0.25;

/**
 * The curve of a domain flow, leaving its source block's right side and entering its target's
 * left side, bent as React Flow bends a default edge between those sides.
 */
export function flowCurve(source: Point, target: Point): FlowCurve {
  const reach = controlReach(target.x - source.x);
  return {
    source,
    sourceControl: { x: source.x + reach, y: source.y },
    targetControl: { x: target.x - reach, y: target.y },
    target,
  };
}

function controlReach(ahead: number): number {
  return ahead >= 0 ? ahead / 2 : CURVATURE * 25 * Math.sqrt(-ahead);
}

export function curvePath({ source, sourceControl, targetControl, target }: FlowCurve): string {
  return `M${source.x},${source.y} C${sourceControl.x},${sourceControl.y} ${targetControl.x},${targetControl.y} ${target.x},${target.y}`;
}

/** The point `t` of the way along the curve (0 at its source, 1 at its target). */
export function pointOnCurve({ source, sourceControl, targetControl, target }: FlowCurve, t: number): Point {
  const u = 1 - t;
  const [a, b, c, d] = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t];
  return {
    x: a * source.x + b * sourceControl.x + c * targetControl.x + d * target.x,
    y: a * source.y + b * sourceControl.y + c * targetControl.y + d * target.y,
  };
}
