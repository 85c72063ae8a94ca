import { beforeAll, describe, expect, it } from 'vitest';
import type { ColumnType } from '../../../shared/model/table';
import { traceChange } from '../../../shared/simulation/change-trace';
import { readMessages } from '../../../shared/simulation/log-reader';
import { planPipeline } from '../../../shared/simulation/pipeline-plan';
import { aMesh, aScenario, aSystem, loadSqlJs, simulate } from './builders';

beforeAll(() => loadSqlJs(), 60_000);

interface Update {
  engine: 'mysql' | 'postgres';
  table: string;
  column: string;
  type: ColumnType;
  from: string;
  to: string;
}

/** The trace's stages of a service on `engine` updating `column` of row 1 from `from` to `to` at tick 2. */
async function traceOfUpdate({ engine, table, column, type, from, to }: Update) {
  const mesh = aMesh()
    .with(
      aSystem('service')
        .withTable(table, { id: 'integer', [column]: type })
        .withCdcTopic('changes', table),
    )
    .build();
  for (const system of mesh.systems) system.database.engine = engine;
  const scenario = aScenario()
    .at(1, 'service', table, 'insert', { values: { id: 1, [column]: from } })
    .at(2, 'service', table, 'update', { values: { [column]: to }, where: { id: 1 } })
    .build();
  const simulation = await simulate(mesh, scenario);
  simulation.step(2);
  const plan = planPipeline(mesh);
  const log = plan.logs.find((candidate) => candidate.table === 'service/changes');
  const newest = log && readMessages(simulation.query, log, { limit: 1 });
  const position = newest?.ok ? newest.value[0]?.position : undefined;
  if (!log || position === undefined) throw new Error('no record of the update');
  const traced = traceChange(plan, simulation, { kind: 'record', log: log.table, position });
  simulation.dispose();
  if (!traced.ok) throw new Error(JSON.stringify(traced.errors));
  return traced.value.stages;
}

describe('a traced change of a date or timestamp', () => {
  it('shows a MySQL date as the service wrote it, and as Debezium’s days since 1970 only in the CDC record', async () => {
    const update = { engine: 'mysql', table: 'tickets', column: 'visit_date', type: 'date' } as const;
    const [write, row, cdc] = await traceOfUpdate({ ...update, from: '2026-01-04', to: '2026-01-05' });

    expect(write).toMatchObject({
      kind: 'service-write',
      title: 'UPDATE tickets, at 2026-01-05T09:02:00.000Z',
      records: [{ id: 1, visit_date: '2026-01-05' }],
      changed: ['visit_date'],
    });
    expect(row).toMatchObject({ kind: 'table-row', records: [{ id: 1, visit_date: '2026-01-05' }] });
    // 2026-01-05 is 56 years (14 of them leap years) and 4 days after 1970-01-01: 56 × 365 + 14 + 4.
    expect(cdc).toMatchObject({
      kind: 'cdc-record',
      records: [{ before: { visit_date: 20457 }, after: { visit_date: 20458 } }],
    });
  });

  it('shows a PostgreSQL timestamp as the service wrote it, and in microseconds since 1970 only in the CDC record', async () => {
    const update = { engine: 'postgres', table: 'feedings', column: 'fed_at', type: 'timestamp' } as const;
    const [write, row, cdc] = await traceOfUpdate({
      ...update,
      from: '2026-01-05T09:01:00.000Z',
      to: '2026-01-05T09:02:00.500Z',
    });

    expect(write).toMatchObject({ records: [{ id: 1, fed_at: '2026-01-05T09:02:00.500Z' }], changed: ['fed_at'] });
    expect(row).toMatchObject({ records: [{ id: 1, fed_at: '2026-01-05T09:02:00.500Z' }] });
    // 2026-01-05T00:00Z is 20458 days × 86,400 s = 1,767,571,200 s; 09:01:00 adds 32,460 s, 09:02:00.5 adds 32,520.5 s.
    expect(cdc).toMatchObject({
      records: [{ before: { fed_at: 1_767_603_660_000_000 }, after: { fed_at: 1_767_603_720_500_000 } }],
    });
  });
});
