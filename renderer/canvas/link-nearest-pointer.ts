import type { MouseEvent as ReactMouseEvent } from 'react';
import type { Point } from '../../shared/editing/geometry';
import { distanceFromPath } from './distance-from-path';
import { clientPointOf } from './event-client-point';

const CLICK_AREA = '.react-flow__edge-interaction';

/**
 * Among the links whose click areas hold the pointer, the one whose line is drawn nearest it.
 * React Flow draws each link in its own <svg>, its wide invisible click area over its line, so a
 * later link's area covers the line of an earlier one running close by, and no stacking order
 * across those <svg>s lets both lines win.
 */
export function linkNearestPointer(event: MouseEvent): string | undefined {
  return clickAreaNearest(clientPointOf(event))?.closest('.react-flow__edge')?.getAttribute('data-id') ?? undefined;
}

/** Hands a click or right-click on a link's click area to the link drawn nearest the pointer, when that is another. */
export function passToLinkNearestPointer(event: ReactMouseEvent): void {
  if (!(event.target instanceof Element && event.target.matches(CLICK_AREA))) return;
  const nearest = clickAreaNearest(clientPointOf(event.nativeEvent));
  if (!nearest || nearest === event.target) return;
  event.stopPropagation();
  // The same event on the nearer link, so React Flow selects it as a click of its own (Ctrl adding to the selection).
  nearest.dispatchEvent(new MouseEvent(event.type, event.nativeEvent));
}

function clickAreaNearest(point: Point): SVGPathElement | undefined {
  const areas = document
    .elementsFromPoint(point.x, point.y)
    .filter((element): element is SVGPathElement => element.matches(CLICK_AREA));
  if (areas.length < 2) return areas[0];
  const distances = areas.map((area) => distanceFromLine(area, point));
  return areas[distances.indexOf(Math.min(...distances))];
}

/** How far a point on screen is from a path's line, in the path's own units. */
function distanceFromLine(path: SVGPathElement, point: Point): number {
  const toPath = path.getScreenCTM()?.inverse();
  if (!toPath) return Number.POSITIVE_INFINITY;
  const local = new DOMPoint(point.x, point.y).matrixTransform(toPath);
  return distanceFromPath(local, (along) => path.getPointAtLength(along), path.getTotalLength());
}
