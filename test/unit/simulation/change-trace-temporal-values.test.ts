import { beforeAll, describe, expect, it } from 'vitest';
import type { ColumnType } from '../../../shared/model/table';
import { traceChange } from '../../../shared/simulation/change-trace';
import { planPipeline } from '../../../shared/simulation/pipeline-plan';
import { aContract, aMesh, aProduct, aScenario, aSystem, loadSqlJs, simulate } from './builders';
import { traceOfNewestRecord } from './newest-record-trace';

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
  const { stages } = traceOfNewestRecord(mesh, simulation, 'service/changes');
  simulation.dispose();
  return stages;
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

/**
 * The trace of an update of the slot whose key is (`EGLL`, `slotValue`), on a design whose
 * `slots` table is keyed by an airport and a `slotType` column, consumed as an entity with history
 * by `planning` and published through its `slots-out` port.
 */
async function traceOfKeyedUpdate(
  engine: 'mysql' | 'mariadb' | 'postgres',
  slotType: 'timestamp' | 'date' | 'numeric',
  slotValue: string | number,
) {
  const slot = aContract('slot', 'entity', 'slots')
    .withKey('airport', 'string')
    .withKey('slot', slotType === 'numeric' ? 'number' : slotType)
    .withProperty('regulation', 'string')
    .keepingHistory();
  const mesh = aMesh()
    .with(
      aSystem('service')
        .withTable('slots', { airport: 'text', slot: slotType, regulation: 'text' }, ['airport', 'slot'])
        .withCdcTopic('changes', 'slots'),
      aProduct('planning').withInput('slots-in').withOutput('slots-out', 'slot'),
      slot,
    )
    .withLink('service/changes', 'planning/slots-in')
    .build();
  for (const system of mesh.systems) system.database.engine = engine;
  const key = { airport: 'EGLL', slot: slotValue };
  const scenario = aScenario()
    .at(1, 'service', 'slots', 'insert', { values: { ...key, regulation: 'R1' } })
    .at(2, 'service', 'slots', 'update', { values: { regulation: 'R2' }, where: key })
    .build();
  const simulation = await simulate(mesh, scenario);
  simulation.step(4);
  const plan = planPipeline(mesh);
  const traced = traceChange(plan, simulation, { kind: 'row', nodeId: 'service', table: 'slots', row: key });
  simulation.dispose();
  if (!traced.ok) throw new Error(JSON.stringify(traced.errors));
  return traced.value;
}

describe('a traced change whose key holds a date, a timestamp or a decimal', () => {
  // 2026-06-20 is 20624 days after 1970-01-01 (56 × 365 + 14 leap days + 170); 07:00 adds 25,200 s.
  it.each([
    ['PostgreSQL', 'timestamp', 'postgres', '2026-06-20T07:00:00.000Z', 1_781_938_800_000_000],
    ['MySQL', 'timestamp', 'mysql', '2026-06-20T07:00:00.000Z', 1_781_938_800_000],
    ['MariaDB', 'timestamp', 'mariadb', '2026-06-20T07:00:00.000Z', 1_781_938_800_000],
    ['PostgreSQL', 'date', 'postgres', '2026-06-20', 20_624],
    ['MySQL', 'date', 'mysql', '2026-06-20', 20_624],
    ['PostgreSQL', 'numeric', 'postgres', 12.5, 12.5],
  ] as const)(
    'finds the row at every hop on %s with a %s in the key',
    async (_name, slotType, engine, slotValue, inRecord) => {
      const trace = await traceOfKeyedUpdate(engine, slotType, slotValue);
      const stage = (kind: string) => trace.stages.find((candidate) => candidate.kind === kind);
      const row = { airport: 'EGLL', slot: slotValue, regulation: 'R2' };

      expect(stage('cdc-record')?.message?.key).toEqual({ airport: 'EGLL', slot: inRecord });
      expect(stage('table-row')).toMatchObject({ records: [row] });
      expect(stage('table-row')?.note).toBeUndefined();
      expect(stage('raw')?.records).toHaveLength(1);
      expect(stage('clean')).toMatchObject({ records: [row] });
      expect(stage('clean')?.note).toBeUndefined();
      expect(stage('history')?.records).toMatchObject([
        { ...row, regulation: 'R1', is_current: 0 },
        { ...row, is_current: 1 },
      ]);
      expect(stage('output-port')).toMatchObject({ records: [row], check: { passed: true } });
      expect(trace.subject).toBe(JSON.stringify({ airport: 'EGLL', slot: slotValue }));
    },
  );
});
