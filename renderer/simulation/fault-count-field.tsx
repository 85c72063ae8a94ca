import { useId } from 'react';
import type { FaultKind } from '../../shared/model';
import { faultCountProblem } from '../../shared/simulation/fault-count';

/**
 * A fault card's Ticks or Records: a count the card cannot fire (`0`, `1.5`, `100000`) is refused
 * with a message and kept as typed in the card's settings (its Fire and its presenter key wait for
 * a count), rather than quietly becoming another count.
 */
export function FaultCountField({
  kind,
  count,
  refusedText,
  onChange,
}: {
  kind: FaultKind;
  count: number;
  refusedText: string | undefined;
  onChange: (patch: { count?: number; refusedCount: string | undefined }) => void;
}) {
  const problemId = useId();
  const problem = refusedText === undefined ? null : faultCountProblem(kind, refusedText);
  const take = (text: string) =>
    onChange(
      faultCountProblem(kind, text) === null
        ? { count: Number(text), refusedCount: undefined }
        : { refusedCount: text },
    );
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
