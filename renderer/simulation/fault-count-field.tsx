import { useId, useState } from 'react';
import type { FaultKind } from '../../shared/model';
import { faultCountProblem } from '../../shared/simulation/fault-count';

/**
 * A fault card's Ticks or Records: a count the card cannot fire (`0`, `1.5`, `100000`) is refused
 * with a message and kept as typed, and `onRefused` says so (the card's Fire waits for a count),
 * rather than quietly becoming another count.
 */
export function FaultCountField({
  kind,
  count,
  onCount,
  onRefused,
}: {
  kind: FaultKind;
  count: number;
  onCount: (count: number) => void;
  onRefused: (isRefused: boolean) => void;
}) {
  const [refusedText, setRefusedText] = useState<string | null>(null);
  const problemId = useId();
  const problem = refusedText === null ? null : faultCountProblem(kind, refusedText);
  const take = (text: string) => {
    const isCount = faultCountProblem(kind, text) === null;
    setRefusedText(isCount ? null : text);
    onRefused(!isCount);
    if (isCount) onCount(Number(text));
  };
  return (
    <>
      <label>
        {kind === 'consumer-offline' ? 'Ticks' : 'Records'}
        <input
          type="number"
          min={kind === 'out-of-order' ? 2 : 1}
          value={refusedText ?? count}
          aria-invalid={problem !== null}
          aria-describedby={problem === null ? undefined : problemId}
          onChange={(event) => take(event.target.value)}
        />
      </label>
      {problem !== null && (
        <p id={problemId} className="fault-card__problem" role="alert">
          {problem}
        </p>
      )}
    </>
  );
}
