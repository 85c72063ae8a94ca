import { beforeAll, describe, expect, it } from 'vitest';
import { temporalValueSql } from '../../../shared/simulation/debezium-temporal-values';
import { quoteLiteral } from '../../../shared/simulation/sql-text';
import type { TableColumn } from '../../../shared/simulation/table-column';
import { aMesh, aScenario, aSystem, loadSqlJs, rowsOf, simulate } from './builders';

beforeAll(() => loadSqlJs(), 60_000);

/*
 * Hand-checked: 2026-03-01 is day 20513 since 1970 (20454 to 2026-01-01, then 31 + 28 days), so
 * 2026-03-01T19:30:00Z is 20513 × 86,400 + 70,200 = 1,772,393,400 s since 1970.
 */
const updatedAt: TableColumn = { name: 'updated_at', type: 'TEXT', temporal: 'timestamp' };

/** A donors service on `engine` that inserts a donor with `updatedAt` at tick 1, and its CDC topic. */
async function donorRecord(engine: string, updatedAtText: string) {
  const mesh = aMesh()
    .with(
      aSystem('crm')
        .withTable('donors', { donor_id: 'integer', updated_at: 'timestamp' })
        .withCdcTopic('cdc', 'donors'),
    )
    .build();
  for (const system of mesh.systems) system.database.engine = engine;
  const scenario = aScenario()
    .at(1, 'crm', 'donors', 'insert', { values: { donor_id: 77, updated_at: updatedAtText } })
    .build();
  const simulation = await simulate(mesh, scenario, { recentMessages: 1 });
  const written = (source: string) =>
    rowsOf(
      simulation,
      'crm',
      `SELECT ${temporalValueSql(source, updatedAt, quoteLiteral(updatedAtText), 'NULL')} AS n`,
    )[0]?.n;
  const [record] = simulation.step(1).logs['crm/cdc']?.recent ?? [];
  return { record, written, dispose: () => simulation.dispose() };
}

describe('a timestamp whose scenario text has more digits than milliseconds', () => {
  it('keeps its microseconds in an Oracle TIMESTAMP(6) record', async () => {
    const { record, dispose } = await donorRecord('oracle', '2026-03-01T19:30:00.123456Z');
    dispose();

    expect(record?.value).toMatchObject({ after: { DONOR_ID: 77, UPDATED_AT: 1_772_393_400_123_456 } });
  });

  it.each([
    // engine's connector, text → what the connector writes: µs on PostgreSQL and Db2, ns on SQL Server
    ['postgresql', '2026-03-01T19:30:00.123456Z', 1_772_393_400_123_456],
    ['db2', '2026-03-01 19:30:00.1234', 1_772_393_400_123_400],
    // Digits past the column's precision are dropped.
    ['postgresql', '2026-03-01T19:30:00.1234567Z', 1_772_393_400_123_456],
    // Before 1970: -0.75 s.
    ['postgresql', '1969-12-31T23:59:59.250000Z', -750_000],
    // A time zone after the fraction: 21:30 at +02:00 is 19:30 UTC.
    ['oracle', '2026-03-01T21:30:00.000001+02:00', 1_772_393_400_000_001],
    // Past 2^53, read back as the exact integer SQLite holds.
    ['sqlserver', '2026-03-01T19:30:00.1234567Z', 1_772_393_400_123_456_700n],
    ['sqlserver', '2026-03-01T19:30:00Z', 1_772_393_400_000_000_000n],
  ])('%s writes %s as %s', async (connector, text, expected) => {
    const { written, dispose } = await donorRecord('postgres', text);
    const value = written(connector);
    dispose();

    expect(value).toEqual(expected);
  });
});
