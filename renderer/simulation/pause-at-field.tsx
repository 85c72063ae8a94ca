import { useId, useState } from 'react';
import { FieldProblem } from './field-problem';
import { pauseTickProblem } from './pause-point';
import { setSimulation, useSimulationStore } from './simulation-store';

/**
 * The run bar's "Pause at tick": a tick it cannot pause at (`-5`, `0`, `2.5`, one too large
 * to count to, one the run has reached) is refused with a
 * message and kept as typed, and sets no pause point, rather than quietly becoming another tick.
 */
export function PauseAtField() {
  const pauseAtTick = useSimulationStore((state) => state.pauseAtTick);
  // The refusal as it was when typed: the run's tick moving on later neither makes nor clears one.
  const [refused, setRefused] = useState<{ text: string; problem: string } | null>(null);
  const problemId = useId();
  const problem = refused?.problem ?? null;
  const refusedText = refused?.text ?? null;
  const take = (text: string) => {
    const tick = useSimulationStore.getState().metrics?.tick ?? 0;
    const typedProblem = text === '' ? null : pauseTickProblem(text, tick);
    setRefused(typedProblem === null ? null : { text, problem: typedProblem });
    setSimulation({ pauseAtTick: typedProblem === null && text !== '' ? Number(text) : null });
  };
  return (
    <>
      <label title="Pause at tick">
        <span>
          Pause at<span className="simulation-bar__word"> tick</span>
        </span>
        <input
          type="number"
          aria-label="Pause at tick"
          min={1}
          className="simulation-bar__number"
          value={refusedText ?? pauseAtTick ?? ''}
          placeholder="—"
          aria-invalid={problem !== null}
          aria-describedby={problem === null ? undefined : problemId}
          onChange={(event) => take(event.target.value)}
        />
      </label>
      <FieldProblem id={problemId} problem={problem} />
    </>
  );
}
