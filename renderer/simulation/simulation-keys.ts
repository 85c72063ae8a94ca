import { FAULT_CARDS } from '../../shared/simulation/fault-deck';

/** A key that acts only while simulating, as the shortcut sheet writes it. */
export interface SimulationKey {
  readonly keys: readonly string[];
  readonly description: string;
}

/**
 * The keys of an open trace and of presenter mode. They are not commands of the table (they mean
 * something else on the canvas), so useSimulationShortcuts handles them and the sheet lists them from here.
 */
export const SIMULATION_KEYS: readonly SimulationKey[] = [
  { keys: ['→'], description: 'Next stage of the trace (in the Trace tab and presenter mode)' },
  { keys: ['←'], description: 'Previous stage of the trace' },
  { keys: ['Esc'], description: 'Leave presenter mode' },
  { keys: [`1–${FAULT_CARDS.length}`], description: 'Presenter mode: fire a card of the fault deck' },
  { keys: ['Space'], description: 'Presenter mode: run, or pause' },
  { keys: ['S'], description: 'Presenter mode: step one tick' },
  { keys: ['↓', '↑'], description: 'Presenter mode: scroll the stage a few lines' },
  {
    keys: ['Page Down', 'Page Up'],
    description: 'Presenter mode: scroll the stage a panel; at its end (top), next (previous) stage',
  },
];
