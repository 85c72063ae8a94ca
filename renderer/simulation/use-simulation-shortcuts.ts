import { useEffect } from 'react';
import { FAULT_CARDS } from '../../shared/simulation/fault-deck';
import { faultKeyLabels } from '../../shared/simulation/fault-key-labels';
import { canvasCommands } from '../canvas/canvas-commands';
import { isInCodeEditor, isTypingTarget, topModalDialog } from '../commands/focus';
import { useDocumentStore } from '../store/document-store';
import { PRESENTER_PANEL_ID, presenterMove } from './presenter-scroll';
import { simulation } from './simulation-controller';
import { setSimulation, useSimulationStore } from './simulation-store';

/**
 * Keys of a trace, taken before the command table's while simulating with a trace open (there the
 * design is read-only, so the arrows have nothing to nudge): ← and → walk its stages (but on a row of tabs); in presenter
 * mode ↓ ↑ Page Down Page Up scroll the stage (then go on or back), Space runs or pauses, S steps one tick,
 * 1–5 fire the fault deck's cards and Esc leaves. The shortcut sheet lists them from SIMULATION_KEYS.
 */
export function useSimulationShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const { mode, trace, isPresenting, status } = useSimulationStore.getState();
      if (
        mode !== 'simulate' ||
        isTypingTarget(event.target) ||
        isInCodeEditor(event.target) ||
        topModalDialog() !== null ||
        event.ctrlKey ||
        event.metaKey ||
        event.altKey
      )
        return;
      // A row of tabs takes its own arrows, as the tabs pattern has it; from anywhere else they walk the trace.
      const move = isInTabList(event.target) ? undefined : { ArrowRight: 1, ArrowLeft: -1 }[event.key];
      const panel = isPresenting ? document.getElementById(PRESENTER_PANEL_ID) : null;
      const panelMove = panel ? presenterMove(event.key, panel) : null;
      if (move !== undefined && trace) {
        event.preventDefault();
        simulation.moveTrace(move);
      } else if (panel && panelMove) {
        event.preventDefault();
        if ('scrollBy' in panelMove) panel.scrollBy({ top: panelMove.scrollBy });
        else if (trace) simulation.moveTrace(panelMove.stage);
      } else if (isPresenting && /^[1-9]$/.test(event.key) && FAULT_CARDS[Number(event.key) - 1]) {
        event.preventDefault();
        void fireByKey(Number(event.key));
      } else if (isPresenting && event.key === ' ') {
        event.preventDefault();
        if (status === 'running') simulation.pause();
        else void simulation.run();
      } else if (isPresenting && (event.key === 's' || event.key === 'S')) {
        event.preventDefault();
        void simulation.step();
      } else if (event.key === 'Escape' && isPresenting) {
        event.preventDefault();
        setSimulation({ isPresenting: false });
      }
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, []);
}

function isInTabList(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('[role="tablist"]') !== null;
}

/** Fires a key's card, and brings what it hit into view on the canvas when it is not. */
async function fireByKey(key: number): Promise<void> {
  const mesh = useDocumentStore.getState().mesh;
  const aimed = mesh && faultKeyLabels(mesh, useSimulationStore.getState().faultSettings)[key - 1];
  if (!aimed) return;
  if ((await simulation.fireCard(aimed.kind, 'key')) && aimed.nodeId) canvasCommands.reveal([aimed.nodeId]);
}
