import { useId, useState } from 'react';
import { FieldProblem } from './field-problem';
import { pauseTickProblem } from './pause-point';
import { setSimulation, useSimulationStore } from './simulation-store';

/**
 * The run bar's "Pause at tick": a tick it cannot pause at (`-5`, `0`, `2.5`) is refused with a
 * message and kept as typed, and sets no pause point, rather than quietly becoming another tick.
 */
export function PauseAtField() {
  const pauseAtTick = useSimulationStore((state) => state.pauseAtTick);
  const [refusedText, setRefusedText] = useState<string | null>(null);
  const problemId = useId();
  const problem = refusedText === null ? null : pauseTickProblem(refusedText);
  const take = (text: string) => {
    const isTick = text === '' || pauseTickProblem(text) === null;
    setRefusedText(isTick ? null : text);
    setSimulation({ pauseAtTick: isTick && text !== '' ? Number(text) : null });
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
