import { useEffect } from 'react';
import { focusCanvasSelection } from '../canvas/canvas-element-focus';

/**
 * Switching between Design and Simulate removes the other mode's panels (the contract editor, the
 * simulation panel): a focus that was in one of them goes to the canvas's selection, where the
 * keys still work, instead of falling to <body>.
 */
export function useFocusKeptAcrossModes(isSimulating: boolean): void {
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs after each switch, once the panels left are gone
  useEffect(() => {
    if (document.activeElement === document.body) focusCanvasSelection();
  }, [isSimulating]);
}
