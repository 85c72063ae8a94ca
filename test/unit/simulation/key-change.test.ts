import { describe, expect, it } from 'vitest';
import { DEBEZIUM_VERSION } from '../../../shared/simulation/broker-log';
import { traceChange } from '../../../shared/simulation/change-trace';
import { planPipeline } from '../../../shared/simulation/pipeline-plan';
import {
  aContract,
  aMesh,
  aProduct,
  aScenario,
  aShopMesh,
  aSystem,
  debeziumTimes,
  POSTGRES_SEQUENCE,
  PREDICTABLE_ITEMS,
  rowsOf,
  simulate,
  tickMillis,
} from './builders';

const at = tickMillis;
const time = (tick: number) => new Date(at(tick)).toISOString();
const lamp = { id: 1, name: 'lamp', price: 9.5, status: 'new' };
const source = () => ({
  version: DEBEZIUM_VERSION,
  connector: 'postgresql',
  name: 'shop',
  ...debeziumTimes(at(1)),
  snapshot: 'false',
  db: 'shop-db',
  sequence: POSTGRES_SEQUENCE,
  schema: 'public',
  table: 'items',
  // The snapshot is transaction 1, tick 0's work 2, tick 1's 3.
  txId: 3,
  lsn: expect.any(Number),
  xmin: null,
});

describe('an update that changes the primary key', () => {
  const scenario = aScenario()
    .withData('shop', 'items', 1, PREDICTABLE_ITEMS)
    .at(1, 'shop', 'items', 'update', { values: { id: 2 }, where: { id: 1 } })
    .build();

  it('is a delete of the old key, its tombstone and a create of the new key, with Debezium’s key headers (the tombstone keeps the delete’s)', async () => {
    const simulation = await simulate(aShopMesh({ tombstones: true }).build(), scenario, { recentMessages: 3 });

    const recent = simulation.step(1).logs['shop/items-cdc']?.recent ?? [];
    expect(recent).toEqual([
      {
        partition: 0,
        offset: 1,
        timestamp: at(1),
        key: { id: 1 },
        value: { before: lamp, after: null, source: source(), op: 'd', ...debeziumTimes(at(1)), transaction: null },
        headers: { '__debezium.newkey': { id: 2 } },
      },
      {
        partition: 0,
        offset: 2,
        timestamp: at(1),
        key: { id: 1 },
        value: null,
        headers: { '__debezium.newkey': { id: 2 } },
      },
      {
        partition: 0,
        offset: 3,
        timestamp: at(1),
        key: { id: 2 },
        value: {
          before: null,
          after: { ...lamp, id: 2 },
          source: source(),
          op: 'c',
          ...debeziumTimes(at(1)),
          transaction: null,
        },
        headers: { '__debezium.oldkey': { id: 1 } },
      },
    ]);
    // One row change in the database's log, as PostgreSQL's WAL has it.
    const lsn = (index: number) => (recent[index]?.value as { source: { lsn: number } } | undefined)?.source.lsn;
    expect(lsn(2)).toEqual(expect.any(Number));
    expect(lsn(2)).toBe(lsn(0));
  });

  it('leaves no ghost: the entity, its history and the output port follow the new key', async () => {
    const simulation = await simulate(aShopMesh({ keepHistory: true }).build(), scenario, { recentMessages: 3 });
    const metrics = simulation.step(1);

    expect(rowsOf(simulation, 'catalog', 'SELECT * FROM items')).toEqual([{ ...lamp, id: 2 }]);
    expect(rowsOf(simulation, 'catalog', 'SELECT id, valid_from, valid_to, is_current FROM items_history')).toEqual([
      { id: 1, valid_from: time(0), valid_to: time(1), is_current: 0 },
      { id: 2, valid_from: time(1), valid_to: null, is_current: 1 },
    ]);
    expect(metrics.logs['catalog/items-out']?.recent.map((message) => [message.key, message.value])).toEqual([
      [{ id: 1 }, lamp],
      [{ id: 1 }, null],
      [{ id: 2 }, { ...lamp, id: 2 }],
    ]);
  });
});

describe('tracing an update that changes the primary key', () => {
  it('calls the service’s write an UPDATE of the key, from the delete of the old key and from the create of the new', async () => {
    const mesh = aShopMesh({ tombstones: true }).build();
    const scenario = aScenario()
      .withData('shop', 'items', 1, PREDICTABLE_ITEMS)
      .at(1, 'shop', 'items', 'update', { values: { id: 2 }, where: { id: 1 } })
      .build();
    const simulation = await simulate(mesh, scenario);
    simulation.step(1);
    const plan = planPipeline(mesh);
    const serviceWrite = (position: number) => {
      const traced = traceChange(plan, simulation, { kind: 'record', log: 'shop/items-cdc', position });
      if (!traced.ok) throw new Error(JSON.stringify(traced.errors));
      return traced.value.stages[0];
    };
    const [snapshot, deleted, tombstone, created] = [1, 2, 3, 4].map(serviceWrite);

    expect(snapshot?.title).toBe(`Row of items captured by the snapshot, at ${time(0)}`);
    expect(deleted?.title).toBe(`UPDATE items, its key {"id":1} becoming {"id":2}, at ${time(1)}`);
    expect(tombstone?.title).toBe(deleted?.title);
    expect(created?.title).toBe(deleted?.title);
    expect(created?.records).toEqual([{ ...lamp, id: 2 }]);
    expect(created?.changed).toEqual(['id']);
  });
});

describe('an update of a table without a primary key', () => {
  // Without a key, a row is identified by all its columns: an update changes that identity.
  const sensorsMesh = () =>
    aMesh()
      .with(
        aSystem('sensors')
          .withTable('readings', { device: 'text', value: 'real' }, [])
          .withCdcTopic('readings-cdc', 'readings'),
        aProduct('telemetry').withInput('readings-in').withOutput('readings-out', 'reading'),
        aContract('reading', 'entity', 'readings')
          .withProperty('device', 'string')
          .withProperty('value', 'number')
          .keepingHistory(),
      )
      .withLink('sensors/readings-cdc', 'telemetry/readings-in')
      .build();
  const updated = aScenario()
    .at(1, 'sensors', 'readings', 'insert', { values: { device: 'd1', value: 1 } })
    .at(2, 'sensors', 'readings', 'update', { values: { value: 5 }, where: { device: 'd1' } });

  it('replaces the old row: no ghost in the entity, its history or the output port', async () => {
    const simulation = await simulate(sensorsMesh(), updated.build(), { recentMessages: 3 });
    const metrics = simulation.step(2);

    expect(rowsOf(simulation, 'telemetry', 'SELECT * FROM readings')).toEqual([{ device: 'd1', value: 5 }]);
    expect(rowsOf(simulation, 'telemetry', 'SELECT * FROM readings_history ORDER BY valid_from')).toEqual([
      { device: 'd1', value: 1, valid_from: time(1), valid_to: time(2), is_current: 0 },
      { device: 'd1', value: 5, valid_from: time(2), valid_to: null, is_current: 1 },
    ]);
    expect(metrics.logs['telemetry/readings-out']?.recent.map((message) => [message.key, message.value])).toEqual([
      [
        { device: 'd1', value: 1 },
        { device: 'd1', value: 1 },
      ],
      [{ device: 'd1', value: 1 }, null],
      [
        { device: 'd1', value: 5 },
        { device: 'd1', value: 5 },
      ],
    ]);
  });

  it('skips the update sent again, leaving a row that came back with the old values', async () => {
    const scenario = updated
      .at(3, 'sensors', 'readings', 'insert', { values: { device: 'd1', value: 1 } })
      .withFault({ kind: 'redeliver', tick: 4, systemId: 'sensors', topicId: 'readings-cdc', records: 2 })
      .build();
    const simulation = await simulate(sensorsMesh(), scenario);
    const metrics = simulation.step(4);

    expect(rowsOf(simulation, 'telemetry', 'SELECT * FROM readings ORDER BY value')).toEqual([
      { device: 'd1', value: 1 },
      { device: 'd1', value: 5 },
    ]);
    expect(metrics.consumers['telemetry/readings-in']?.skipped).toBe(2);
  });
});
