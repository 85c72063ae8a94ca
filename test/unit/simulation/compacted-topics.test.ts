import { describe, expect, it } from 'vitest';
import { traceChange } from '../../../shared/simulation/change-trace';
import { planPipeline } from '../../../shared/simulation/pipeline-plan';
import { aScenario, aShopMesh, PREDICTABLE_ITEMS, rowsOf, simulate } from './builders';

/**
 * The shop's items topic is compacted (its table has a primary key, and the Strimzi export writes
 * `cleanup.policy: compact` for it). Retention keeps 3 records; the catalog, its one consumer, is
 * offline for ticks 1..4.
 *
 *   tick 0  snapshot of items 1, 2, 3        positions 1, 2, 3 (read at once)
 *   tick 1  insert item 4                    position 4
 *   tick 2  item 1's price 10                position 5
 *   tick 3  item 1's price 11                position 6
 *   tick 4  item 1's price 12                position 7
 *           delete item 2, and its tombstone positions 8, 9
 *
 * Positions 1..3 leave the window at ticks 1..3 as under the delete policy: the catalog has read
 * them. At the end of tick 4, 4..6 leave it unread, so compaction keeps each key's latest record
 * there: item 1's 5 is superseded by 6 and goes; 4 and 6 stay for the catalog.
 */
function offlineShop() {
  const scenario = aScenario()
    .withData('shop', 'items', 3, PREDICTABLE_ITEMS)
    .at(1, 'shop', 'items', 'insert', { values: { id: 4, name: 'desk', price: 20, status: 'new' } })
    .at(2, 'shop', 'items', 'update', { values: { price: 10 }, where: { id: 1 } })
    .at(3, 'shop', 'items', 'update', { values: { price: 11 }, where: { id: 1 } })
    .at(4, 'shop', 'items', 'update', { values: { price: 12 }, where: { id: 1 } })
    .at(4, 'shop', 'items', 'delete', { where: { id: 2 } })
    .withFault({ kind: 'consumer-offline', tick: 1, productId: 'catalog', ticks: 4 })
    .build();
  return { mesh: aShopMesh({ tombstones: true }).build(), scenario: { ...scenario, retention: { records: 3 } } };
}

describe('a compacted CDC topic', () => {
  it('keeps past retention the latest record of every key a lagging consumer has not read, so it loses no key', async () => {
    const { mesh, scenario } = offlineShop();
    const simulation = await simulate(mesh, scenario);
    const positions = () =>
      rowsOf(simulation, 'catalog', 'SELECT _position FROM broker."shop/items-cdc" ORDER BY _position').map(
        (row) => row._position,
      );

    simulation.step(4);
    expect(positions()).toEqual([4, 6, 7, 8, 9]);

    simulation.step(1);
    expect(rowsOf(simulation, 'catalog', 'SELECT id, price FROM items ORDER BY id')).toEqual([
      { id: 1, price: 12 },
      { id: 3, price: 9.5 },
      { id: 4, price: 20 },
    ]);
    // Read at tick 5, what left the window goes as under the delete policy.
    expect(positions()).toEqual([7, 8, 9]);
  });

  it('trims the log of a consumer that keeps up as under the delete policy', async () => {
    const { mesh, scenario } = offlineShop();
    const simulation = await simulate(mesh, { ...scenario, faults: [] });

    simulation.step(4);

    expect(
      rowsOf(simulation, 'catalog', 'SELECT _position FROM broker."shop/items-cdc" ORDER BY _position').map(
        (row) => row._position,
      ),
    ).toEqual([7, 8, 9]);
  });

  it('counts what compaction removed before the consumer read it apart from records lost to retention', async () => {
    const { mesh, scenario } = offlineShop();
    const simulation = await simulate(mesh, scenario);

    const consumer = simulation.step(5).consumers['catalog/items-in'];

    // Back at tick 5 it reads 4, 6, 7, 8 and 9: offsets 3..8 passed, one of them (5) compacted away.
    expect(consumer).toEqual({
      linkId: 'shop-items-cdc-to-catalog-items-in',
      offset: 9,
      end: 9,
      lag: 0,
      lost: 0,
      compacted: 1,
      staleKeys: 0,
      skipped: 0,
      partitions: [{ partition: 0, offset: 9, end: 9, lag: 0, lost: 0, compacted: 1 }],
    });
  });

  it('keeps a delete with the tombstone after it, so a consumer that reads changes still applies the delete', async () => {
    const scenario = aScenario()
      .withData('shop', 'items', 2, PREDICTABLE_ITEMS)
      .at(1, 'shop', 'items', 'delete', { where: { id: 2 } })
      .at(2, 'shop', 'items', 'update', { values: { price: 10 }, where: { id: 1 } })
      .at(2, 'shop', 'items', 'update', { values: { price: 11 }, where: { id: 1 } })
      .withFault({ kind: 'consumer-offline', tick: 0, productId: 'catalog', ticks: 3 })
      .build();
    const simulation = await simulate(aShopMesh({ tombstones: true }).build(), {
      ...scenario,
      retention: { records: 2 },
    });

    // Positions: 1, 2 the snapshot; 3 item 2's delete, 4 its tombstone; 5, 6 item 1's prices. At the
    // end of tick 2, 3 and 4 leave the window (5, 6) unread: item 2 keeps its tombstone and the
    // delete before it, and its snapshot record (2) goes. The catalog reads 1 and 3..6 at tick 3.
    simulation.step(2);
    expect(
      rowsOf(simulation, 'catalog', 'SELECT _position, _op FROM broker."shop/items-cdc" ORDER BY _position'),
    ).toEqual([
      { _position: 1, _op: 'r' },
      { _position: 3, _op: 'd' },
      { _position: 4, _op: null },
      { _position: 5, _op: 'u' },
      { _position: 6, _op: 'u' },
    ]);

    simulation.step(1);
    expect(rowsOf(simulation, 'catalog', 'SELECT id, price FROM items')).toEqual([{ id: 1, price: 11 }]);
  });

  it('traces a record compaction removed before the consumer read it to the row the later record left', async () => {
    const { mesh, scenario } = offlineShop();
    const simulation = await simulate(mesh, scenario);
    const plan = planPipeline(mesh);
    simulation.step(3);
    // Item 1's price 10, at position 5: on the topic at tick 3, compacted away at tick 4.
    const first = traceChange(plan, simulation, { kind: 'record', log: 'shop/items-cdc', position: 5 });
    if (!first.ok) throw new Error(JSON.stringify(first.errors));
    simulation.step(2);

    const traced = traceChange(plan, simulation, first.value.start);
    if (!traced.ok) throw new Error(JSON.stringify(traced.errors));
    const [, , published, raw, entity] = traced.value.stages;
    expect(published?.note).toBe(
      'The topic has removed this record since (past retention, a compacted topic keeps only records some consumer has not read, the latest of each key): it is shown as the trace first read it.',
    );
    expect(raw?.title).toBe('catalog never read it through items-in: compacted away');
    expect(raw?.note).toBe(
      'Compacted: compaction removed it from shop.public.items before catalog read it, as a later record of its key replaced it (counted in its compacted records); catalog reads that one instead.',
    );
    expect(entity?.records).toMatchObject([{ id: 1, price: 12 }]);
    expect(entity?.note).toBe(
      'Never changed by this record, which compaction removed: the row is as the later record of its key left it.',
    );
    expect(traced.value.stages).toHaveLength(5);
  });
});

describe('a compacted CDC topic after an out-of-order burst', () => {
  /**
   * Retention keeps 2 records; the catalog reads the snapshot of items 1 and 2 (positions 1, 2) at
   * tick 0 and is offline for ticks 1 and 2.
   *
   *   tick 1  item 1's price 10, then 11                  positions 3, 4 (_sequence 3, 4)
   *           the burst sends 4 and 3 again, newest first  positions 5 (price 11), 6 (price 10)
   *   tick 2  item 2's price 20, then 21                  positions 7, 8
   *
   * Compaction keeps item 1's latest offset, 6: the older change. It removed 5, which carried the
   * newer one (Kafka does the same), so the catalog, back at tick 3, applies price 10 and keeps it.
   */
  function burstWhileOffline() {
    const scenario = aScenario()
      .withData('shop', 'items', 2, PREDICTABLE_ITEMS)
      .at(1, 'shop', 'items', 'update', { values: { price: 10 }, where: { id: 1 } })
      .at(1, 'shop', 'items', 'update', { values: { price: 11 }, where: { id: 1 } })
      .at(2, 'shop', 'items', 'update', { values: { price: 20 }, where: { id: 2 } })
      .at(2, 'shop', 'items', 'update', { values: { price: 21 }, where: { id: 2 } })
      .withFault({ kind: 'out-of-order', tick: 1, systemId: 'shop', topicId: 'items-cdc', records: 2 })
      .withFault({ kind: 'consumer-offline', tick: 1, productId: 'catalog', ticks: 2 })
      .build();
    return { mesh: aShopMesh().build(), scenario: { ...scenario, retention: { records: 2 } } };
  }

  it('tells that the consumer holds a key older than the change compaction removed, naming the key', async () => {
    const { mesh, scenario } = burstWhileOffline();
    const simulation = await simulate(mesh, scenario);

    simulation.step(2);
    expect(
      rowsOf(simulation, 'catalog', 'SELECT _position, after_price FROM broker."shop/items-cdc" ORDER BY _position'),
    ).toEqual([
      { _position: 6, after_price: 10 },
      { _position: 7, after_price: 20 },
      { _position: 8, after_price: 21 },
    ]);
    const metrics = simulation.step(1);

    expect(rowsOf(simulation, 'shop', 'SELECT price FROM items WHERE id = 1')).toEqual([{ price: 11 }]);
    expect(rowsOf(simulation, 'catalog', 'SELECT price FROM items WHERE id = 1')).toEqual([{ price: 10 }]);
    // Offsets 2..5 passed: 2, 3 and 4 compacted away (4 the newer change), 6 read and applied.
    expect(metrics.consumers['catalog/items-in']).toMatchObject({ compacted: 3, staleKeys: 1 });
    expect(metrics.inputGaps).toEqual([
      {
        path: 'products[0].inputPorts[0]',
        nodeId: 'catalog',
        consumer: 'catalog/items-in',
        message:
          "1 key left stale by compaction, {\"id\":1}: compaction removed its newest change before it read it and kept an older change sent after it out of order (Kafka keeps a key's latest offset); its entity table 'items' holds it as that older change until a later change of the key; computed from it: output port 'items-out'",
        firstTick: 3,
        lastTick: 3,
        count: 1,
      },
    ]);
  });

  it('no longer counts the key once a later change of it reaches the consumer', async () => {
    const { mesh, scenario } = burstWhileOffline();
    const later = aScenario()
      .at(4, 'shop', 'items', 'update', { values: { price: 12 }, where: { id: 1 } })
      .build();
    const simulation = await simulate(mesh, { ...scenario, steps: [...scenario.steps, ...later.steps] });

    const metrics = simulation.step(5);

    expect(rowsOf(simulation, 'catalog', 'SELECT price FROM items WHERE id = 1')).toEqual([{ price: 12 }]);
    expect(metrics.consumers['catalog/items-in']?.staleKeys).toBe(0);
    expect(metrics.inputGaps.map((gap) => [gap.firstTick, gap.message.slice(0, 16)])).toEqual([
      [3, '1 key left stale'],
    ]);
  });
});
