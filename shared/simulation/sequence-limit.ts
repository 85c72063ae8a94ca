const LIMIT = `${Number.MAX_SAFE_INTEGER} (Number.MAX_SAFE_INTEGER, 2^53 - 1)`;
const WHY = 'past it the simulation’s numbers lose precision and repeat keys; start it lower';

/**
 * Why a `sequence` generator from `start` cannot make the `rows` a run makes first, nor at least
 * its start and the value after it; undefined when it can.
 */
export function sequenceStartProblem(start: number, rows: number): string | undefined {
  if (start + Math.max(rows - 1, 1) <= Number.MAX_SAFE_INTEGER) return undefined;
  const where =
    rows > 1
      ? `within the ${rows} rows a run makes first (initial rows and the first tick’s inserts)`
      : 'at its second value';
  return `a sequence from ${start} goes past ${LIMIT} ${where}: ${WHY}`;
}

/** Why a run's sequence in `column` makes no more values. */
export function sequenceExhausted(column: string): string {
  return `the sequence of '${column}' reached ${LIMIT}: ${WHY}`;
}
