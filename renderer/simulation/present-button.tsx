import { setSimulation } from './simulation-store';

/** What presenter mode is and its keys, on every button that starts it. */
export const PRESENT_TITLE =
  'Full screen, large text: → ← walk a trace, ↓ ↑ Page Down Page Up scroll a stage, Space runs or pauses, S steps, B steps back, 1–5 fire faults, Esc ends';

/** Starts presenter mode. */
export function PresentButton() {
  return (
    <button type="button" onClick={() => setSimulation({ isPresenting: true })} title={PRESENT_TITLE}>
      Present
    </button>
  );
}
