import { describe, expect, it } from 'vitest';
import type { Mesh } from '../../../shared/model/mesh';
import type { LogMessage } from '../../../shared/simulation';
import { aMesh, aProduct, aScenario, aSystem, rowsOf, simulate } from './builders';

/*
 * Date and timestamp columns in relational change records, as Debezium 2.7's connectors write
 * them with the JSON converter and the default `time.precision.mode: adaptive`, for the column
 * types the simulator takes a design's `date` and `timestamp` columns for on each engine.
 * Hand-checked: 2026-01-07 is day 20460 since 1970 (1767744000000 ms); 2026-01-05T09:00:00.120Z
 * is 1767603600120 ms.
 */

const AT = '2026-01-05T09:00:00.120Z';
const DAY = '2026-01-07';
const DAY_MILLIS = 1767744000000;
const AT_MILLIS = 1767603600120;

/** A system `clinic` on `engine` whose `visits` (keyed by `at`) a product `care` reads. */
function aVisitsMesh(engine: string): Mesh {
  const clinic = aSystem('clinic')
    .withTable('visits', { at: 'timestamp', day: 'date', note: 'text' }, ['at'])
    .withCdcTopic('visits-cdc', 'visits')
    .build();
  clinic.database.engine = engine;
  const mesh = aMesh()
    .with(aProduct('care').withInput('visits-in'))
    .withLink('clinic/visits-cdc', 'care/visits-in')
    .build();
  return { ...mesh, systems: [clinic] };
}

async function visitRecords(engine: string) {
  const simulation = await simulate(
    aVisitsMesh(engine),
    aScenario()
      .at(1, 'clinic', 'visits', 'insert', { values: { at: AT, day: DAY, note: 'x' } })
      .build(),
    { recentMessages: 5 },
  );
  const records = simulation.step(3).logs['clinic/visits-cdc']?.recent ?? [];
  return { simulation, records };
}

const afterOf = (record: LogMessage | undefined) => (record?.value as { after: unknown } | undefined)?.after;

describe('date and timestamp columns in relational change records', () => {
  it.each([
    // engine, the date's value (io.debezium.time.Date: days; on Oracle a DATE is a Timestamp), the timestamp's
    ['postgres', 20460, AT_MILLIS * 1000, false], // timestamp(6): MicroTimestamp
    ['MySQL', 20460, AT_MILLIS, false], // DATETIME(3): Timestamp
    ['MariaDB', 20460, AT_MILLIS, false], // DATETIME(3): Timestamp
    ['SQL Server', 20460, AT_MILLIS * 1_000_000, false], // datetime2(7): NanoTimestamp
    // Oracle and Db2 keep unquoted names in capitals, and their connectors name the fields so.
    ['Oracle', DAY_MILLIS, AT_MILLIS * 1000, true], // DATE: Timestamp; TIMESTAMP(6): MicroTimestamp
    ['Db2', 20460, AT_MILLIS * 1000, true], // TIMESTAMP(6): MicroTimestamp
  ])(
    'are written as %s’s connector writes them in adaptive mode, in the value and in the key',
    async (engine, day, at, inCapitals) => {
      const { records } = await visitRecords(engine);
      const [insert] = records;

      if (inCapitals) {
        expect(afterOf(insert)).toEqual({ AT: at, DAY: day, NOTE: 'x' });
        expect(insert?.key).toEqual({ AT: at });
      } else {
        expect(afterOf(insert)).toEqual({ at, day, note: 'x' });
        expect(insert?.key).toEqual({ at });
      }
    },
  );

  it('stay ISO text on an engine Debezium has no connector for, as the simulator’s own connector writes them', async () => {
    const { records } = await visitRecords('h2');

    expect(afterOf(records[0])).toEqual({ at: AT, day: DAY, note: 'x' });
  });

  it('are read back into the contract’s dates and timestamps by the consumer; its raw zone keeps the key as it came', async () => {
    const { simulation } = await visitRecords('SQL Server');

    expect(rowsOf(simulation, 'care', 'SELECT at, day FROM visits')).toEqual([{ at: AT, day: DAY }]);
    expect(rowsOf(simulation, 'care', 'SELECT after_at, after_day, _key FROM raw_visits_in ORDER BY _offset')).toEqual([
      { after_at: AT, after_day: DAY, _key: `{"at":${AT_MILLIS * 1_000_000}}` },
    ]);
  });
});
