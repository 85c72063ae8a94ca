import type { Edge } from '@xyflow/react';
import type { MouseEvent } from 'react';
import type { Point } from '../../shared/editing/geometry';
import { latestPerFrame } from '../app/latest-per-frame';
import { clientPointOf } from './event-client-point';
import { clickAreasAt, linkIdOf, nearestClickArea } from './link-nearest-pointer';

/** How far, in screen pixels, the pointer moves over the same click areas before they are measured again. */
const MOVE_TO_MEASURE_AGAIN = 1;

interface Measured {
  point: Point;
  areas: readonly Element[];
  linkId: string | undefined;
}

/**
 * The link hovered, whose label shows: where close links' click areas overlap, that of the line
 * drawn nearest the pointer. Worked out once a frame for the latest pointer, and measured again
 * only when the pointer has moved or the areas under it changed, so a move costs next to nothing.
 */
export function createLinkHover(show: (linkId: string | null) => void) {
  let measured: Measured | undefined;
  const perFrame = latestPerFrame(({ point, linkId }: { point: Point; linkId: string }) => {
    const areas = clickAreasAt(point);
    if (!measured || !isSameMeasure(measured, areas, point)) {
      const nearest = nearestClickArea(areas, point);
      measured = { point, areas, linkId: nearest && linkIdOf(nearest) };
    }
    show(measured.linkId ?? linkId);
  });
  return {
    move: (event: MouseEvent, edge: Edge) =>
      perFrame.push({ point: clientPointOf(event.nativeEvent), linkId: edge.id }),
    leave: () => {
      perFrame.cancel();
      measured = undefined;
      show(null);
    },
  };
}

function isSameMeasure(measured: Measured, areas: readonly Element[], point: Point): boolean {
  return (
    Math.hypot(point.x - measured.point.x, point.y - measured.point.y) < MOVE_TO_MEASURE_AGAIN &&
    areas.length === measured.areas.length &&
    areas.every((area, index) => area === measured.areas[index])
  );
}
