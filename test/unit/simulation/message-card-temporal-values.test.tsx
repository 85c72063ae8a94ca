import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { dateAndTime } from '../../../renderer/simulation/encoded-temporal';
import { EnvelopeDiff } from '../../../renderer/simulation/message-card';
import type { LogRecord } from '../../../shared/simulation';
import { readTemporalValue } from '../../../shared/simulation/debezium-temporal-values';
import { planPipeline } from '../../../shared/simulation/pipeline-plan';
import { changeImages } from '../../../shared/simulation/record-shape';
import { runCatalog } from '../../../shared/simulation/run-catalog';
import type { TableColumn } from '../../../shared/simulation/table-column';
import { aMesh, aProduct, aSystem } from './builders';

/*
 * Hand-checked: day 20514 since 1970 is 2026-03-02 (1772409600000 ms); 1772431620000 ms is
 * 2026-03-02T06:07:00.000Z.
 */
const DEPARTURE_AT = 1772431620000;
const DEPARTURE_DAY = 20514;

const departureAt: TableColumn = { name: 'departure_at', type: 'TEXT', temporal: 'timestamp' };
const departureDay: TableColumn = { name: 'departure_day', type: 'TEXT', temporal: 'date' };

/** A MySQL service `trips` whose `trip_offers` (a DATETIME and a DATE column) a product `planner` reads. */
function aTripsMesh() {
  const trips = aSystem('trips')
    .withTable('trip_offers', {
      offer_id: 'integer',
      departure_at: 'timestamp',
      departure_day: 'date',
      seats: 'integer',
    })
    .withCdcTopic('offers-cdc', 'trip_offers')
    .build();
  trips.database.engine = 'mysql';
  const mesh = aMesh()
    .with(aProduct('planner').withInput('offers-in'))
    .withLink('trips/offers-cdc', 'planner/offers-in')
    .build();
  return { ...mesh, systems: [trips] };
}

const update112: LogRecord = {
  position: 8,
  partition: 1,
  offset: 7,
  timestamp: DEPARTURE_AT + 150_000,
  key: { offer_id: 112 },
  value: {
    before: { offer_id: 112, departure_at: DEPARTURE_AT, departure_day: DEPARTURE_DAY, seats: 2 },
    after: { offer_id: 112, departure_at: DEPARTURE_AT, departure_day: DEPARTURE_DAY, seats: 1 },
    source: { connector: 'mysql', name: 'trips', file: 'mysql-bin.000001', pos: 284 },
    op: 'u',
    ts_ms: DEPARTURE_AT + 150_000,
  },
};

/** The cells of a field's row in the card, as HTML. */
function rowOf(html: string, field: string): string {
  const row = html.match(new RegExp(`<tr[^>]*><th scope="row">${field}</th>(.*?)</tr>`));
  if (!row?.[1]) throw new Error(`no row ${field} in ${html}`);
  return row[1];
}

describe('a date or timestamp a connector wrote as a number, read back', () => {
  it.each([
    ['mysql', departureAt, DEPARTURE_AT, '2026-03-02T06:07:00.000Z', 'millis'], // DATETIME(3): Timestamp
    ['mysql', departureDay, DEPARTURE_DAY, '2026-03-02', 'days'], // DATE: Date
    ['postgresql', departureAt, DEPARTURE_AT * 1000, '2026-03-02T06:07:00.000Z', 'micros'], // MicroTimestamp
    ['sqlserver', departureAt, DEPARTURE_AT * 1_000_000, '2026-03-02T06:07:00.000Z', 'nanos'], // NanoTimestamp
    ['oracle', departureDay, 1772409600000, '2026-03-02', 'millis'], // an Oracle DATE is a Timestamp
    // Digits finer than milliseconds are kept, as the service wrote them.
    ['postgresql', departureAt, DEPARTURE_AT * 1000 + 456, '2026-03-02T06:07:00.000456Z', 'micros'],
    ['db2', departureAt, -749_999, '1969-12-31T23:59:59.250001Z', 'micros'],
    // Past 2^53, read exactly as a bigint, to the seventh digit of a datetime2(7): 79,319 s into day 20514.
    ['sqlserver', departureAt, 1772488919123456700n, '2026-03-02T22:01:59.1234567Z', 'nanos'],
    // Before 1970, 2 ms before it and 499,750 ns on.
    ['sqlserver', departureAt, -1_500_250n, '1969-12-31T23:59:59.99849975Z', 'nanos'],
  ])('on %s, %s %d is %s, counted in %s', (connector, column, value, written, unit) => {
    expect(readTemporalValue(connector, column, value)).toEqual({ written, unit });
  });

  it('is nothing for what no connector encoded: another column, text, MongoDB’s BSON date, a number past any date', () => {
    expect(readTemporalValue('mysql', { name: 'seats', type: 'INTEGER' }, 2)).toBeUndefined();
    expect(readTemporalValue('mysql', departureDay, '2026-03-02')).toBeUndefined();
    expect(readTemporalValue('mongodb', departureAt, DEPARTURE_AT)).toBeUndefined();
    expect(readTemporalValue('mysql', departureAt, 9e15)).toBeUndefined();
  });
});

describe('dates and timestamps in a change’s card', () => {
  /** The card's before/after table of a record on the trips topic, with the columns the run's catalog names. */
  function cardOf(message: LogRecord): string {
    const mesh = aTripsMesh();
    const { temporalColumns = [] } = runCatalog(mesh, planPipeline(mesh)).logs['trips/offers-cdc'] ?? {};
    const envelope = changeImages(message.value);
    if (!envelope) throw new Error('not a change event');
    return renderToStaticMarkup(
      <EnvelopeDiff envelope={envelope} messageKey={message.key} temporalColumns={temporalColumns} />,
    );
  }

  it('keeps the number the connector wrote and shows the date or time it stands for beside it, the unit in its tooltip', () => {
    const html = cardOf(update112);

    expect(rowOf(html, 'departure_at')).toContain(
      '<span class="encoded-temporal" title="1772431620000 = 2026-03-02T06:07:00.000Z (milliseconds since 1970, UTC)">1772431620000 <time class="encoded-temporal__written" dateTime="2026-03-02T06:07:00.000Z">2026-03-02 06:07:00</time></span>',
    );
    expect(rowOf(html, 'departure_day')).toContain(
      '<span class="encoded-temporal" title="20514 = 2026-03-02 (days since 1970-01-01)">20514 <time class="encoded-temporal__written" dateTime="2026-03-02">2026-03-02</time></span>',
    );
  });

  it('shows a time with its fraction, if it has one, in UTC as the card’s own time of day', () => {
    expect(dateAndTime('2026-03-02T06:07:00.120Z')).toBe('2026-03-02 06:07:00.120');
    expect(dateAndTime('2026-03-02T06:07:00.000Z')).toBe('2026-03-02 06:07:00');
    expect(dateAndTime('2026-03-02')).toBe('2026-03-02');
  });

  it('shows other numbers as they are', () => {
    expect(rowOf(cardOf(update112), 'seats')).toBe('<td>2</td><td>1</td>');
  });

  it('shows a SQL Server datetime2 past 2^53 with its exact digits, its seventh fractional digit beside it', () => {
    const envelope = changeImages({
      before: null,
      after: { offer_id: 112, departure_at: 1772488919123456700n },
      source: { connector: 'sqlserver', name: 'trips' },
      op: 'c',
      ts_ms: DEPARTURE_AT,
    });
    if (!envelope) throw new Error('not a change event');
    const html = renderToStaticMarkup(
      <EnvelopeDiff envelope={envelope} messageKey={{ offer_id: 112 }} temporalColumns={[departureAt]} />,
    );

    expect(rowOf(html, 'departure_at')).toContain(
      '<span class="encoded-temporal" title="1772488919123456700 = 2026-03-02T22:01:59.1234567Z (nanoseconds since 1970, UTC)">1772488919123456700 <time',
    );
  });

  it('reads an Oracle date under the field name in capitals its connector gives it', () => {
    const day = 1772409600000;
    const envelope = changeImages({
      before: null,
      after: { OFFER_ID: 112, DEPARTURE_DAY: day },
      source: { connector: 'oracle', name: 'trips' },
      op: 'c',
      ts_ms: day,
    });
    if (!envelope) throw new Error('not a change event');
    const html = renderToStaticMarkup(
      <EnvelopeDiff envelope={envelope} messageKey={{ OFFER_ID: 112 }} temporalColumns={[departureDay]} />,
    );

    expect(rowOf(html, 'DEPARTURE_DAY')).toContain(`title="${day} = 2026-03-02 (milliseconds since 1970, UTC)"`);
  });
});

describe('the catalog of a run', () => {
  it('names the date and timestamp columns of each CDC topic, which its connector writes as numbers', () => {
    const mesh = aTripsMesh();
    const catalog = runCatalog(mesh, planPipeline(mesh));

    expect(catalog.logs['trips/offers-cdc']?.temporalColumns.map((column) => column.name)).toEqual([
      'departure_at',
      'departure_day',
    ]);
  });
});
