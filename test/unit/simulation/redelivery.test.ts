import { describe, expect, it } from 'vitest';
import { readMessages } from '../../../shared/simulation/log-reader';
import { planPipeline } from '../../../shared/simulation/pipeline-plan';
import { aScenario, aShopMesh, PREDICTABLE_ITEMS, rowsOf, simulate, tickMillis } from './builders';

const time = (tick: number) => new Date(Date.parse('2026-01-05T09:00:00.000Z') + tick * 60_000).toISOString();

/**
 * Item 1 changes at ticks 1 to 4 (sequences 2 to 5 on the topic, the snapshot being 1); at tick 3
 * and again at tick 4 the connector restarts and sends its last 3 records again.
 */
const scenario = aScenario()
  .withData('shop', 'items', 1, PREDICTABLE_ITEMS)
  .at(1, 'shop', 'items', 'update', { values: { price: 10 }, where: { id: 1 } })
  .at(2, 'shop', 'items', 'update', { values: { price: 11 }, where: { id: 1 } })
  .at(3, 'shop', 'items', 'delete', { where: { id: 1 } })
  .at(4, 'shop', 'items', 'insert', { values: { id: 1, name: 'lamp', price: 12, status: 'listed' } })
  .withFault({ kind: 'redeliver', tick: 3, systemId: 'shop', topicId: 'items-cdc', records: 3 })
  .withFault({ kind: 'redeliver', tick: 4, systemId: 'shop', topicId: 'items-cdc', records: 3 })
  .build();

describe('a CDC consumer facing redelivered records', () => {
  it('skips a change that is not newer than the one its key has: no resurrected delete, no older value', async () => {
    const simulation = await simulate(aShopMesh({ keepHistory: true }).build(), scenario);

    simulation.step(3);
    expect(rowsOf(simulation, 'catalog', 'SELECT * FROM items')).toEqual([]);

    simulation.step(1);
    expect(rowsOf(simulation, 'catalog', 'SELECT * FROM items')).toEqual([
      { id: 1, name: 'lamp', price: 12, status: 'listed' },
    ]);
  });

  it('keeps one history version per real change, none ending before it starts', async () => {
    const simulation = await simulate(aShopMesh({ keepHistory: true }).build(), scenario);
    simulation.step(4);

    expect(
      rowsOf(simulation, 'catalog', 'SELECT price, valid_from, valid_to, is_current FROM items_history ORDER BY rowid'),
    ).toEqual([
      { price: 9.5, valid_from: time(0), valid_to: time(1), is_current: 0 },
      { price: 10, valid_from: time(1), valid_to: time(2), is_current: 0 },
      { price: 11, valid_from: time(2), valid_to: time(3), is_current: 0 },
      { price: 12, valid_from: time(4), valid_to: null, is_current: 1 },
    ]);
  });

  it('never republishes an older value after a newer one', async () => {
    const simulation = await simulate(aShopMesh().build(), scenario, { recentMessages: 10 });
    const metrics = simulation.step(4);

    expect(metrics.logs['catalog/items-out']?.recent.map((message) => message.value)).toEqual([
      { id: 1, name: 'lamp', price: 9.5, status: 'new' },
      { id: 1, name: 'lamp', price: 10, status: 'new' },
      { id: 1, name: 'lamp', price: 11, status: 'new' },
      null,
      { id: 1, name: 'lamp', price: 12, status: 'listed' },
    ]);
  });

  it('counts what it skipped in the metrics, beside what it read', async () => {
    const simulation = await simulate(aShopMesh().build(), scenario);
    const metrics = simulation.step(4);

    expect(metrics.consumers['catalog/items-in']).toMatchObject({ offset: 11, end: 11, lag: 0, skipped: 6 });
    expect(metrics.links['shop-items-cdc-to-catalog-items-in']).toEqual({ records: 11, recordsLastTick: 4 });
  });

  it('skips records sent again in the same poll as their first delivery, even behind a tombstone', async () => {
    const samePoll = aScenario()
      .withData('shop', 'items', 1, PREDICTABLE_ITEMS)
      .at(2, 'shop', 'items', 'update', { values: { price: 10 }, where: { id: 1 } })
      .at(2, 'shop', 'items', 'delete', { where: { id: 1 } })
      .withFault({ kind: 'redeliver', tick: 2, systemId: 'shop', topicId: 'items-cdc', records: 3 })
      .build();
    const simulation = await simulate(aShopMesh({ keepHistory: true, tombstones: true }).build(), samePoll, {
      recentMessages: 6,
    });
    const metrics = simulation.step(2);

    expect(
      metrics.logs['shop/items-cdc']?.recent.map((message) => (message.value as { op: string } | null)?.op ?? null),
    ).toEqual(['u', 'd', null, 'u', 'd', null]);
    // Price 10 began and ended at tick 2: a version of no length, which history does not keep.
    expect(
      rowsOf(simulation, 'catalog', 'SELECT price, valid_from, valid_to, is_current FROM items_history ORDER BY rowid'),
    ).toEqual([{ price: 9.5, valid_from: time(0), valid_to: time(2), is_current: 0 }]);
    expect(metrics.consumers['catalog/items-in']?.skipped).toBe(2);
  });
});

/**
 * With the connector 90 s behind (ticks of 60 s), item 1's snapshot (written at 0 s) reaches the
 * topic at tick 2 (120 s), its updates of ticks 1, 2 and 3 at ticks 3, 4 and 5; at tick 4, after
 * that tick's poll, the connector sends its last 2 records again.
 */
const delayedScenario = {
  ...aScenario()
    .withData('shop', 'items', 1, PREDICTABLE_ITEMS)
    .at(1, 'shop', 'items', 'update', { values: { price: 10 }, where: { id: 1 } })
    .at(2, 'shop', 'items', 'update', { values: { price: 11 }, where: { id: 1 } })
    .at(3, 'shop', 'items', 'update', { values: { price: 12 }, where: { id: 1 } })
    .withFault({ kind: 'redeliver', tick: 4, systemId: 'shop', topicId: 'items-cdc', records: 2 })
    .build(),
  connector: { delayMillis: 90_000 },
};

describe('the times of a record sent again', () => {
  const itemsTopic = planPipeline(aShopMesh().build()).logs.find((log) => log.table === 'shop/items-cdc');

  const readTopic = async () => {
    const simulation = await simulate(aShopMesh().build(), delayedScenario);
    simulation.step(5);
    if (!itemsTopic) throw new Error('no items topic');
    const read = readMessages(simulation.query, itemsTopic, { limit: 10 });
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    return read.value.reverse();
  };
  const envelopeOf = (value: unknown) => value as { ts_ms: number; source: { ts_ms: number } };

  it('stamps it when the tick appended it again, so a partition’s timestamps never go backwards', async () => {
    const records = await readTopic();

    expect(records.map((record) => [record.offset, record.timestamp])).toEqual([
      [0, tickMillis(0) + 90_000],
      [1, tickMillis(1) + 90_000],
      [2, tickMillis(2) + 90_000],
      [3, tickMillis(4)],
      [4, tickMillis(4)],
      [5, tickMillis(3) + 90_000],
    ]);
  });

  it('keeps the envelope as the connector first sent it, and says which offset that was', async () => {
    const records = await readTopic();
    const [first1, first2, resent1, resent2] = records.slice(1, 5).map((record) => record.value);

    expect(resent1).toEqual(first1);
    expect(resent2).toEqual(first2);
    expect([envelopeOf(resent1).ts_ms, envelopeOf(resent1).source.ts_ms]).toEqual([
      tickMillis(1) + 90_000,
      tickMillis(1),
    ]);
    expect(records.map((record) => record.firstDelivery)).toEqual([
      undefined,
      undefined,
      undefined,
      { offset: 1, timestamp: tickMillis(1) + 90_000 },
      { offset: 2, timestamp: tickMillis(2) + 90_000 },
      undefined,
    ]);
  });
});
