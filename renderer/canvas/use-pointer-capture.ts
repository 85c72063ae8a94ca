import { type PointerEvent, useCallback } from 'react';

/**
 * Where a press starts something the browser must keep hit-testing for: a port, a link, a resize
 * corner, a field, an output port whose contract a double-click opens, a note a double-click edits.
 */
const NEEDS_HIT_TESTING =
  '.react-flow__handle, .react-flow__edge, .react-flow__resize-control, .react-flow__minimap, .react-flow__controls, input, select, textarea, button, .port--has-contract, .note-node';

/**
 * Captures the pointer when a pan or a node drag starts, so that while it moves the browser
 * sends events straight to the captured element instead of hit-testing thousands of elements
 * under the pointer on every move (the largest cost of panning a large mesh).
 */
export function usePointerCapture() {
  return useCallback((event: PointerEvent) => {
    const target = event.target as Element;
    if (event.button !== 0 || target.closest(NEEDS_HIT_TESTING)) return;
    const captor = target.closest('.react-flow__pane, .react-flow__node');
    if (captor && !captor.hasPointerCapture(event.pointerId)) captor.setPointerCapture(event.pointerId);
  }, []);
}
