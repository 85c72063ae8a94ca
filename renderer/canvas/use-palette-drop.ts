import { useReactFlow } from '@xyflow/react';
import { type DragEvent, useCallback } from 'react';
import { insertElement } from '../store/insert-actions';
import { PALETTE_MIME, paletteKindOf } from './palette-drag';

/** Accepts palette items dropped on the canvas: the element is added where it was dropped. */
export function usePaletteDrop() {
  const { screenToFlowPosition } = useReactFlow();
  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(PALETTE_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);
  const onDrop = useCallback(
    (event: DragEvent) => {
      const kind = paletteKindOf(event.dataTransfer);
      if (!kind) return;
      event.preventDefault();
      insertElement(kind, { at: screenToFlowPosition({ x: event.clientX, y: event.clientY }) });
    },
    [screenToFlowPosition],
  );
  return { onDragOver, onDrop };
}
