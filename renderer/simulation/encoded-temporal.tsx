import type { EpochUnit, TemporalReading } from '../../shared/simulation/debezium-temporal-values';

const COUNTED_IN: Record<EpochUnit, string> = {
  days: 'days since 1970-01-01',
  millis: 'milliseconds since 1970, UTC',
  micros: 'microseconds since 1970, UTC',
  nanos: 'nanoseconds since 1970, UTC',
};

/**
 * A date or timestamp as its connector wrote it, a number, kept as the record has it (as SQL reads
 * it), with the date or UTC time it stands for beside it, muted; the ISO text and what the number
 * counts in the tooltip.
 */
export function EncodedTemporal({ value, reading }: { value: number | bigint; reading: TemporalReading }) {
  return (
    <span className="encoded-temporal" title={`${value} = ${reading.written} (${COUNTED_IN[reading.unit]})`}>
      {value}{' '}
      <time className="encoded-temporal__written" dateTime={reading.written}>
        {dateAndTime(reading.written)}
      </time>
    </span>
  );
}

/** ISO text as a narrow column reads it: `2026-03-02 06:07:00` (UTC, as the card's own time of day), a fraction kept. */
export function dateAndTime(iso: string): string {
  return iso.replace('T', ' ').replace(/(\.000)?Z$/, '');
}
