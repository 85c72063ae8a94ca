import type { PointerEvent } from 'react';
import { useRef } from 'react';

/**
 * Activates a list row when the pointer really moves over it, as VS Code's lists do: a row that
 * merely appears under a resting pointer (the list opening or being filtered) must not change
 * what Enter runs. The first event only records where the pointer rests.
 */
export function useMovedPointerHover(
  activate: (index: number) => void,
): (index: number) => (event: PointerEvent) => void {
  const lastPoint = useRef<{ x: number; y: number } | null>(null);
  return (index) => (event) => {
    const last = lastPoint.current;
    lastPoint.current = { x: event.clientX, y: event.clientY };
    if (last && (last.x !== event.clientX || last.y !== event.clientY)) activate(index);
  };
}
