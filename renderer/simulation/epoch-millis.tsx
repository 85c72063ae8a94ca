/**
 * An epoch-millisecond value (a record's `ts_ms`, a raw zone's `_timestamp`) as the trace writes
 * its other times, ISO 8601 in UTC; the stored number stays in the tooltip, for SQL.
 */
export function EpochMillis({ millis }: { millis: number }) {
  const time = new Date(millis).toISOString();
  return (
    <time dateTime={time} title={`${millis} (milliseconds since 1970, UTC)`}>
      {time}
    </time>
  );
}
