import type { MouseEvent as ReactMouseEvent } from 'react';
import type { Point } from '../../shared/editing/geometry';
import { distanceFromPath } from './distance-from-path';
import { clientPointOf } from './event-client-point';

const CLICK_AREA = '.react-flow__edge-interaction';

/*
 * Where links' click areas overlap, the link whose line is drawn nearest the pointer wins.
 * React Flow draws each link in its own <svg>, its wide invisible click area over its line, so a
 * later link's area covers the line of an earlier one running close by, and no stacking order
 * across those <svg>s lets both lines win.
 */

/** Hands a click or right-click on a link's click area to the link drawn nearest the pointer, when that is another. */
export function passToLinkNearestPointer(event: ReactMouseEvent): void {
  if (!(event.target instanceof Element && event.target.matches(CLICK_AREA))) return;
  const point = clientPointOf(event.nativeEvent);
  const nearest = nearestClickArea(clickAreasAt(point), point);
  if (!nearest || nearest === event.target) return;
  event.stopPropagation();
  // The same event on the nearer link, so React Flow selects it as a click of its own (Ctrl adding to the selection).
  nearest.dispatchEvent(new MouseEvent(event.type, event.nativeEvent));
}

/** The links' click areas under a point on screen, topmost first. */
export function clickAreasAt(point: Point): SVGPathElement[] {
  return document
    .elementsFromPoint(point.x, point.y)
    .filter((element): element is SVGPathElement => element.matches(CLICK_AREA));
}

/** The id of the link a click area is drawn for. */
export function linkIdOf(area: Element): string | undefined {
  return area.closest('.react-flow__edge')?.getAttribute('data-id') ?? undefined;
}

/** Of the click areas under a point, that of the link whose line is drawn nearest it. */
export function nearestClickArea(areas: readonly SVGPathElement[], point: Point): SVGPathElement | undefined {
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
