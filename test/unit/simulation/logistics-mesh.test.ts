import { describe, expect, it } from 'vitest';
import { DEBEZIUM_VERSION } from '../../../shared/simulation/broker-log';
import { debeziumTimes, POSTGRES_SEQUENCE, rowsOf, simulate, tickMillis } from './builders';
import { FLEET, logisticsMesh, logisticsScenario } from './logistics-mesh';

const DELAY = 1500;
const at = tickMillis;
const time = (tick: number) => new Date(at(tick)).toISOString();
const source = (tick: number) => ({
  version: DEBEZIUM_VERSION,
  connector: 'postgresql',
  name: FLEET,
  ...debeziumTimes(at(tick)),
  snapshot: 'false',
  db: `${FLEET}-db`,
  sequence: POSTGRES_SEQUENCE,
  schema: 'public',
  table: 'hub_slots',
  // The snapshot is transaction 1, tick 0's work 2: the tick's transaction, as `transaction.id` begins.
  txId: tick + 2,
  lsn: expect.any(Number),
  xmin: null,
});

/** Tick 2 moves slot 1/A to hub 3, changes parcel P-2 and deletes P-3; tick 3 truncates the slots. */
function changingScenario() {
  const scenario = logisticsScenario();
  scenario.connector = { delayMillis: DELAY, transactionMetadata: true };
  scenario.steps.push(
    {
      tick: 2,
      systemId: FLEET,
      table: 'hub_slots',
      op: 'update',
      values: { hub_id: 3 },
      where: { hub_id: 1, slot: 'A' },
    },
    {
      tick: 2,
      systemId: FLEET,
      table: 'parcels',
      op: 'update',
      values: { status: 'sorted', weight_kg: 3 },
      where: { parcel_code: 'P-2' },
    },
    { tick: 2, systemId: FLEET, table: 'parcels', op: 'delete', where: { parcel_code: 'P-3' } },
    { tick: 3, systemId: FLEET, table: 'hub_slots', op: 'truncate' },
  );
  return scenario;
}

describe('a parcel network: a composite key on a topic of three partitions', () => {
  it('changes a composite key as Debezium does, partitioned by murmur2 of the key JSON, offsets counting per partition, with the connector’s delay and transaction', async () => {
    const simulation = await simulate(logisticsMesh(), changingScenario(), { recentMessages: 4 });
    const slot = { hub_id: 1, slot: 'A', parcel_code: 'P-1', temp_c: 4.5 };
    // `<txId>:<LSN>`: the key change's delete and create are one row change in the log, LSN 12.
    const transaction = (total: number, inTable: number) => ({
      id: '4:12',
      total_order: total,
      data_collection_order: inTable,
    });

    // Kafka's partitions (murmur2, checked against an independent implementation): {"hub_id":1,"slot":"A"} → 1 of 3, {"hub_id":3,"slot":"A"} → 0.
    expect(simulation.step(4).logs[`${FLEET}/slots-cdc`]?.recent).toEqual([
      {
        partition: 1,
        offset: 2,
        timestamp: at(2) + DELAY,
        key: { hub_id: 1, slot: 'A' },
        value: {
          before: slot,
          after: null,
          source: source(2),
          op: 'd',
          ...debeziumTimes(at(2) + DELAY),
          transaction: transaction(1, 1),
        },
        headers: { '__debezium.newkey': { hub_id: 3, slot: 'A' } },
      },
      {
        partition: 1,
        offset: 3,
        timestamp: at(2) + DELAY,
        key: { hub_id: 1, slot: 'A' },
        value: null,
        headers: { '__debezium.newkey': { hub_id: 3, slot: 'A' } },
      },
      {
        partition: 0,
        offset: 1,
        timestamp: at(2) + DELAY,
        key: { hub_id: 3, slot: 'A' },
        value: {
          before: null,
          after: { ...slot, hub_id: 3 },
          source: source(2),
          op: 'c',
          ...debeziumTimes(at(2) + DELAY),
          transaction: transaction(2, 2),
        },
        headers: { '__debezium.oldkey': { hub_id: 1, slot: 'A' } },
      },
      {
        partition: 0,
        offset: 2,
        timestamp: at(3) + DELAY,
        key: null,
        value: {
          before: null,
          after: null,
          source: source(3),
          op: 't',
          ...debeziumTimes(at(3) + DELAY),
          transaction: { id: '5:16', total_order: 1, data_collection_order: 1 },
        },
      },
    ]);
  });

  it('follows the key change and the truncate in the entity, its SCD2 history and the join downstream', async () => {
    const simulation = await simulate(logisticsMesh(), changingScenario());
    simulation.step(3);

    expect(rowsOf(simulation, 'hub-slots', 'SELECT * FROM hub_slots ORDER BY hub_id, slot')).toEqual([
      { hub_id: 1, slot: 'B', parcel_code: 'P-2', temp_c: null },
      { hub_id: 2, slot: 'A', parcel_code: 'P-3', temp_c: null },
      { hub_id: 2, slot: 'B', parcel_code: null, temp_c: null },
      { hub_id: 3, slot: 'A', parcel_code: 'P-1', temp_c: 4.5 },
    ]);
    expect(rowsOf(simulation, 'hub-load', 'SELECT * FROM slot_load ORDER BY hub_id, slot')).toEqual([
      { hub_id: 1, slot: 'B', parcel_code: 'P-2', weight_kg: 3, running_kg: 3, slots_in_hub: 1 },
      { hub_id: 2, slot: 'A', parcel_code: 'P-3', weight_kg: null, running_kg: null, slots_in_hub: 2 },
      { hub_id: 2, slot: 'B', parcel_code: null, weight_kg: null, running_kg: null, slots_in_hub: 2 },
      { hub_id: 3, slot: 'A', parcel_code: 'P-1', weight_kg: 2.5, running_kg: 2.5, slots_in_hub: 1 },
    ]);

    simulation.step();
    expect(rowsOf(simulation, 'hub-slots', 'SELECT count(*) AS n FROM hub_slots')).toEqual([{ n: 0 }]);
    expect(
      rowsOf(
        simulation,
        'hub-slots',
        'SELECT hub_id, slot, valid_from, valid_to FROM hub_slots_history ORDER BY valid_from, hub_id, slot',
      ),
    ).toEqual([
      { hub_id: 1, slot: 'A', valid_from: time(1), valid_to: time(2) },
      { hub_id: 1, slot: 'B', valid_from: time(1), valid_to: time(3) },
      { hub_id: 2, slot: 'A', valid_from: time(1), valid_to: time(3) },
      { hub_id: 2, slot: 'B', valid_from: time(1), valid_to: time(3) },
      { hub_id: 3, slot: 'A', valid_from: time(2), valid_to: time(3) },
    ]);
    expect(rowsOf(simulation, 'hub-load', 'SELECT count(*) AS n FROM hub_totals')).toEqual([{ n: 0 }]);
  });

  it('skips every change of a redelivery and of an out-of-order burst across partitions, counting each once', async () => {
    for (const kind of ['redeliver', 'out-of-order'] as const) {
      const scenario = changingScenario();
      scenario.steps = scenario.steps.filter((step) => step.op !== 'truncate');
      scenario.faults = [
        { kind, tick: 3, systemId: FLEET, topicId: 'slots-cdc', records: 7 },
        { kind, tick: 3, systemId: FLEET, topicId: 'parcels-cdc', records: 6 },
      ];
      const simulation = await simulate(logisticsMesh(), scenario);
      const metrics = simulation.step(4);

      // Seven slot records hold one tombstone, six parcel records one: tombstones are no changes.
      expect(metrics.consumers['hub-slots/slots-in']?.skipped, kind).toBe(6);
      expect(metrics.consumers['parcels/parcels-in']?.skipped, kind).toBe(5);
      expect(rowsOf(simulation, 'hub-slots', 'SELECT hub_id, slot FROM hub_slots ORDER BY hub_id, slot'), kind).toEqual(
        [
          { hub_id: 1, slot: 'B' },
          { hub_id: 2, slot: 'A' },
          { hub_id: 2, slot: 'B' },
          { hub_id: 3, slot: 'A' },
        ],
      );
      expect(rowsOf(simulation, 'parcels', 'SELECT parcel_code, status FROM parcels ORDER BY 1'), kind).toEqual([
        { parcel_code: 'P-1', status: 'created' },
        { parcel_code: 'P-2', status: 'sorted' },
      ]);
      expect(
        rowsOf(simulation, 'parcels', 'SELECT count(*) AS n FROM parcels_history WHERE valid_to < valid_from'),
        kind,
      ).toEqual([{ n: 0 }]);
    }
  });
});

describe('a parcel network: values of every column type', () => {
  it('writes booleans as true and false, as Debezium’s JSON converter does, in change records and published records; JSON text stays text in change records, as Debezium writes a JSON column, and is the object itself under a contract’s object property', async () => {
    const simulation = await simulate(logisticsMesh(), changingScenario(), { recentMessages: 6 });
    const metrics = simulation.step(3);
    const values = (log: string) => metrics.logs[log]?.recent.map((message) => message.value);

    expect(values(`${FLEET}/parcels-cdc`)?.map((value) => value && (value as { after: unknown }).after)).toEqual([
      { parcel_code: 'P-1', hub_id: 1, weight_kg: 2.5, label: '{"to":"Zürich"}', status: 'created', fragile: true },
      { parcel_code: 'P-2', hub_id: 1, weight_kg: null, label: null, status: 'created', fragile: false },
      { parcel_code: 'P-3', hub_id: 2, weight_kg: 10, label: null, status: 'created', fragile: false },
      { parcel_code: 'P-2', hub_id: 1, weight_kg: 3, label: null, status: 'sorted', fragile: false },
      null,
      null,
    ]);
    // Before images: the update's and the delete's.
    expect(
      values(`${FLEET}/parcels-cdc`)?.map(
        (value) => (value as { before?: { fragile: unknown } } | null)?.before?.fragile,
      ),
    ).toEqual([undefined, undefined, undefined, false, false, undefined]);
    expect(values('parcels/parcels-out')?.[0]).toEqual({
      parcel_code: 'P-1',
      hub_id: 1,
      weight_kg: 2.5,
      label: { to: 'Zürich' },
      status: 'created',
      fragile: true,
    });
  });
});
