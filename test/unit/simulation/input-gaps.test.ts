import { describe, expect, it } from 'vitest';
import { aProduct, aShopMesh, offlinePastRetention, simulate } from './builders';

/**
 * The shop's items on a topic with the delete policy (no primary key, so not compacted), read by
 * the catalog, which publishes them, and by stats, which counts them and publishes nothing.
 */
const shopWithStats = aShopMesh({ keyless: true })
  .with(
    aProduct('stats', 'consumer-aligned')
      .withInput('items-in')
      .withTransformation('item_count', 'SELECT count(*) AS n FROM items'),
  )
  .withLink('shop/items-cdc', 'stats/items-in')
  .build();

describe('a consumer that lost records to retention', () => {
  it('is a problem of the run at its input port: how many, what its table may miss, and what is computed from it', async () => {
    const simulation = await simulate(shopWithStats, offlinePastRetention('catalog'));

    const metrics = simulation.step(6);

    // No initial rows; 2 records a tick from tick 1, the topic keeping 3. At the end of tick 2 it
    // keeps records 2..4 (1 gone unread), of tick 3 4..6 (3), of tick 4 6..8 (5). Back at tick 5
    // the catalog reads from 6 and loses no more: the count grew at ticks 2, 3 and 4.
    expect(metrics.consumers['catalog/items-in']?.lost).toBe(5);
    expect(metrics.tables).toMatchObject({ shop: { items: 12 }, catalog: { items: 7 } });
    expect(metrics.inputGaps).toEqual([
      {
        path: 'products[0].inputPorts[0]',
        nodeId: 'catalog',
        consumer: 'catalog/items-in',
        message:
          "5 records lost to retention before it read them: its entity table 'items' may now miss keys its producer has, or hold stale values or keys the producer deleted, until the consumer is bootstrapped again from the producer's current state; computed from it: output port 'items-out'",
        firstTick: 2,
        lastTick: 4,
        count: 3,
      },
    ]);
    // Stats kept up: it lost nothing, so it has no such problem. Neither fails the run.
    expect(metrics.consumers['stats/items-in']?.lost).toBe(0);
    expect(metrics.errors).toEqual([]);
  });

  it('tells of one lost record as one', async () => {
    const simulation = await simulate(shopWithStats, offlinePastRetention('catalog'));

    const [gap] = simulation.step(2).inputGaps;

    expect(gap?.message).toMatch(/^1 record lost to retention before it read it: /);
  });

  it('names the transformations that read the input', async () => {
    const simulation = await simulate(shopWithStats, offlinePastRetention('stats'));

    const [gap] = simulation.step(6).inputGaps;

    expect(gap?.consumer).toBe('stats/items-in');
    expect(gap?.message).toMatch(
      /^5 records lost to retention before it read them: .*; computed from it: transformation 'item_count'$/,
    );
  });
});
