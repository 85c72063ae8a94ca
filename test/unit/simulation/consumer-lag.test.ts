import { describe, expect, it } from 'vitest';
import { kafkaPartition } from '../../../shared/simulation/kafka-partitioner';
import { aScenario, aShopMesh, simulate } from './builders';

/** A topic with the delete policy, as retention thins it: the items table has no primary key, so its topic is not compacted. */
const deletePolicyShop = aShopMesh({ keyless: true }).build();

describe('consumers', () => {
  it('read at most their poll limit per tick and report the rest as lag', async () => {
    const scenario = aScenario().withRate('shop', 'items', { inserts: 3 }).build();
    const simulation = await simulate(aShopMesh().build(), scenario, { maxPollRecords: 2 });

    const metrics = simulation.step(4);

    expect(metrics.consumers['catalog/items-in']).toEqual({
      linkId: 'shop-items-cdc-to-catalog-items-in',
      offset: 8,
      end: 12,
      lag: 4,
      lost: 0,
      compacted: 0,
      skipped: 0,
      staleKeys: 0,
      partitions: [{ partition: 0, offset: 8, end: 12, lag: 4, lost: 0, compacted: 0 }],
    });
    expect(metrics.links['shop-items-cdc-to-catalog-items-in']).toEqual({ records: 8, recordsLastTick: 2 });
  });

  it('keep an offset and a lag per partition, as Kafka reports a consumer group', async () => {
    const scenario = aScenario().withRate('shop', 'items', { inserts: 3 }).build();
    const simulation = await simulate(aShopMesh({ partitions: 2 }).build(), scenario, { maxPollRecords: 2 });

    const consumer = simulation.step(3).consumers['catalog/items-in'];

    // Items 1..9 reached the topic in id order; reading 2 a tick, the consumer has read items 1..6.
    const inPartition = (partition: number, ids: number[]) =>
      ids.filter((id) => kafkaPartition(JSON.stringify({ id }), 2) === partition).length;
    const all = [1, 2, 3, 4, 5, 6, 7, 8, 9];
    const read = all.slice(0, 6);
    expect(consumer?.partitions).toEqual(
      [0, 1].map((partition) => ({
        partition,
        offset: inPartition(partition, read),
        end: inPartition(partition, all),
        lag: inPartition(partition, all) - inPartition(partition, read),
        lost: 0,
        compacted: 0,
      })),
    );
    expect(consumer).toMatchObject({ offset: 6, end: 9, lag: 3 });
  });

  it('count the records retention removed before they were read as lost, per partition', async () => {
    const scenario = aScenario().withRate('shop', 'items', { inserts: 4 }).build();
    const simulation = await simulate(deletePolicyShop, scenario, { maxPollRecords: 1, retainedRecords: 5 });

    const metrics = simulation.step(4);

    // 4 records a tick, 1 read a tick (before retention runs at the tick's end, keeping 5).
    // Tick 1 reads position 1. Tick 2 reads 2; 8 written, 1..3 trimmed. Tick 3: 3 is lost, reads 4;
    // 12 written, ..7 trimmed. Tick 4: 5, 6 and 7 are lost, reads 8; 16 written, ..11 trimmed: 9, 10
    // and 11 are gone unread too, lost as soon as they are gone. The lag is still Kafka's: 16 - 8.
    expect(metrics.consumers['catalog/items-in']).toMatchObject({
      offset: 8,
      end: 16,
      lag: 8,
      lost: 7,
      partitions: [{ partition: 0, offset: 8, end: 16, lag: 8, lost: 7 }],
    });
    expect(metrics.tables.catalog?.items).toBe(4);
  });

  it('take their retention from the scenario: a consumer offline past it loses what it missed', async () => {
    const offline = aScenario()
      .withRate('shop', 'items', { inserts: 2 })
      .withFault({ kind: 'consumer-offline', tick: 1, productId: 'catalog', ticks: 4 })
      .build();
    const simulation = await simulate(deletePolicyShop, { ...offline, retention: { records: 3 } });

    const metrics = simulation.step(5);

    // Offline for ticks 1..4, 2 records a tick; at the end of tick 4 the log keeps 6..8 of 8.
    // Tick 5 writes 9 and 10 and reads from 6: records 1..5 were never read.
    expect(metrics.consumers['catalog/items-in']).toMatchObject({ offset: 10, end: 10, lag: 0, lost: 5 });
    expect(metrics.logs['shop/items-cdc']?.records).toBe(10);
  });

  it('count records as lost when retention removes them, while the consumer is still offline, and keep Kafka’s lag', async () => {
    const offline = aScenario()
      .withRate('shop', 'items', { inserts: 2 })
      .withFault({ kind: 'consumer-offline', tick: 1, productId: 'catalog', ticks: 4 })
      .build();
    const simulation = await simulate(deletePolicyShop, { ...offline, retention: { records: 3 } });

    // Offline from tick 1, 2 records a tick: at the end of tick 3 the log keeps offsets 3..5 of 0..5,
    // at the end of tick 4 offsets 5..7 of 0..7. The consumer's committed offset stays 0.
    const atTick3 = simulation.step(3).consumers['catalog/items-in'];
    const atTick4 = simulation.step(1).consumers['catalog/items-in'];

    expect(atTick3).toMatchObject({
      offset: 0,
      end: 6,
      lag: 6,
      lost: 3,
      partitions: [{ partition: 0, offset: 0, end: 6, lag: 6, lost: 3 }],
    });
    expect(atTick4).toMatchObject({ offset: 0, end: 8, lag: 8, lost: 5 });
    // Back at tick 5 it resumes after the lost records: the count does not jump.
    expect(simulation.step(1).consumers['catalog/items-in']).toMatchObject({ lag: 0, lost: 5 });
  });
});
