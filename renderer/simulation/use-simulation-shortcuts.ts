import { useEffect } from 'react';
import { matchesChord } from '../app/shortcuts';
import { IS_MAC } from '../app/use-editor-shortcuts';
import { simulation } from './simulation-controller';
import { setSimulation, useSimulationStore } from './simulation-store';

export const MODE_CHORD = 'Mod+Shift+S';

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable ||
      ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) ||
      target.closest('.monaco-editor') !== null)
  );
}

/**
 * The simulation's keys, taken before the editor's: Ctrl/Cmd+Shift+S switches Design and
 * Simulate; while simulating, ← and → walk the trace and Esc leaves presenter mode.
 */
export function useSimulationShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (matchesChord(event, MODE_CHORD, IS_MAC)) {
        event.preventDefault();
        simulation.toggleMode();
        return;
      }
      const { mode, trace, isPresenting } = useSimulationStore.getState();
      if (mode !== 'simulate' || isTyping(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
      const move = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
      if (move !== undefined && trace) {
        event.preventDefault();
        simulation.moveTrace(move);
      } else if (event.key === 'Escape' && isPresenting) {
        event.preventDefault();
        setSimulation({ isPresenting: false });
      }
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, []);
}
