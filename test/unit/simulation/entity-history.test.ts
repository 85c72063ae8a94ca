import { describe, expect, it } from 'vitest';
import { aScenario, aShopMesh, PREDICTABLE_ITEMS, rowsOf, simulate } from './builders';

const time = (tick: number) => new Date(Date.parse('2026-01-05T09:00:00.000Z') + tick * 60_000).toISOString();

describe('entities of a source-aligned product', () => {
  const scenario = aScenario()
    .withData('shop', 'items', 1, PREDICTABLE_ITEMS)
    .at(1, 'shop', 'items', 'insert', { values: { id: 2, name: 'chair', price: 25, status: 'new' } })
    .at(2, 'shop', 'items', 'update', { values: { price: 20 }, where: { id: 2 } })
    .at(3, 'shop', 'items', 'update', { values: { price: 20 }, where: { id: 2 } })
    .at(4, 'shop', 'items', 'update', { values: { status: 'listed' }, where: { id: 1 } })
    .at(5, 'shop', 'items', 'delete', { where: { id: 2 } })
    .build();

  it('keeps the latest state per key, with deletes removing the row', async () => {
    const simulation = await simulate(aShopMesh({ keepHistory: true }).build(), scenario);
    simulation.step(5);

    expect(rowsOf(simulation, 'catalog', 'SELECT * FROM items ORDER BY id')).toEqual([
      { id: 1, name: 'lamp', price: 9.5, status: 'listed' },
    ]);
  });

  it('keeps every version as SCD2 history, skipping updates that change nothing', async () => {
    const simulation = await simulate(aShopMesh({ keepHistory: true }).build(), scenario);
    simulation.step(5);

    expect(rowsOf(simulation, 'catalog', 'SELECT * FROM items_history ORDER BY id, valid_from')).toEqual([
      { id: 1, name: 'lamp', price: 9.5, status: 'new', valid_from: time(0), valid_to: time(4), is_current: 0 },
      { id: 1, name: 'lamp', price: 9.5, status: 'listed', valid_from: time(4), valid_to: null, is_current: 1 },
      { id: 2, name: 'chair', price: 25, status: 'new', valid_from: time(1), valid_to: time(2), is_current: 0 },
      { id: 2, name: 'chair', price: 20, status: 'new', valid_from: time(2), valid_to: time(5), is_current: 0 },
    ]);
  });

  it('publishes each real change once: upserts, then a delete', async () => {
    const simulation = await simulate(aShopMesh({ keepHistory: true }).build(), scenario, { recentMessages: 10 });
    const metrics = simulation.step(5);

    expect(metrics.ports['catalog/items-out']).toEqual({ published: 5, quarantined: 0, violations: [] });
    expect(metrics.logs['catalog/items-out']?.recent.map((message) => [message.key, message.value])).toEqual([
      [{ id: 1 }, { id: 1, name: 'lamp', price: 9.5, status: 'new' }],
      [{ id: 2 }, { id: 2, name: 'chair', price: 25, status: 'new' }],
      [{ id: 2 }, { id: 2, name: 'chair', price: 20, status: 'new' }],
      [{ id: 1 }, { id: 1, name: 'lamp', price: 9.5, status: 'listed' }],
      [{ id: 2 }, null],
    ]);
  });

  it('replays several changes of one key within a tick in their order', async () => {
    const sameTick = aScenario()
      .at(1, 'shop', 'items', 'insert', { values: { id: 3, name: 'desk', price: 5, status: 'new' } })
      .at(1, 'shop', 'items', 'update', { values: { price: 6 }, where: { id: 3 } })
      .at(1, 'shop', 'items', 'delete', { where: { id: 3 } })
      .at(1, 'shop', 'items', 'insert', { values: { id: 3, name: 'desk', price: 7, status: 'new' } })
      .build();
    const simulation = await simulate(aShopMesh({ keepHistory: true }).build(), sameTick);
    simulation.step(1);

    expect(rowsOf(simulation, 'catalog', 'SELECT id, price FROM items')).toEqual([{ id: 3, price: 7 }]);
    // Versions 5 and 6 were superseded at the instant they began: history keeps only the last.
    expect(
      rowsOf(simulation, 'catalog', 'SELECT price, valid_from, valid_to, is_current FROM items_history ORDER BY rowid'),
    ).toEqual([{ price: 7, valid_from: time(1), valid_to: null, is_current: 1 }]);
  });

  describe('keeps only versions of positive length', () => {
    const historyAfter = async (scenario: ReturnType<typeof aScenario>, ticks: number) => {
      const simulation = await simulate(aShopMesh({ keepHistory: true }).build(), scenario.build());
      simulation.step(ticks);
      return rowsOf(
        simulation,
        'catalog',
        'SELECT id, price, valid_from, valid_to, is_current FROM items_history ORDER BY id, valid_from',
      );
    };

    it('keeps one version of a row created and changed in one tick', async () => {
      const createdAndChanged = aScenario()
        .at(1, 'shop', 'items', 'insert', { values: { id: 17, name: 'desk', price: 5, status: 'new' } })
        .at(1, 'shop', 'items', 'update', { values: { price: 6 }, where: { id: 17 } })
        .at(3, 'shop', 'items', 'update', { values: { price: 8 }, where: { id: 17 } });

      expect(await historyAfter(createdAndChanged, 3)).toEqual([
        { id: 17, price: 6, valid_from: time(1), valid_to: time(3), is_current: 0 },
        { id: 17, price: 8, valid_from: time(3), valid_to: null, is_current: 1 },
      ]);
    });

    it('ends the earlier version at the tick and keeps the last change of the tick only', async () => {
      const changedTwice = aScenario()
        .withData('shop', 'items', 1, PREDICTABLE_ITEMS)
        .at(2, 'shop', 'items', 'update', { values: { price: 11 }, where: { id: 1 } })
        .at(2, 'shop', 'items', 'update', { values: { price: 12 }, where: { id: 1 } });

      expect(await historyAfter(changedTwice, 2)).toEqual([
        { id: 1, price: 9.5, valid_from: time(0), valid_to: time(2), is_current: 0 },
        { id: 1, price: 12, valid_from: time(2), valid_to: null, is_current: 1 },
      ]);
    });

    it('drops a version a delete or a truncate ends at the tick it began', async () => {
      const gone = aScenario()
        .withData('shop', 'items', 1, PREDICTABLE_ITEMS)
        .at(1, 'shop', 'items', 'insert', { values: { id: 2, name: 'chair', price: 25, status: 'new' } })
        .at(1, 'shop', 'items', 'delete', { where: { id: 2 } })
        .at(2, 'shop', 'items', 'insert', { values: { id: 3, name: 'desk', price: 5, status: 'new' } })
        .at(2, 'shop', 'items', 'truncate', {});

      expect(await historyAfter(gone, 2)).toEqual([
        { id: 1, price: 9.5, valid_from: time(0), valid_to: time(2), is_current: 0 },
      ]);
    });

    it.each([
      [
        'changed and changed back',
        [
          ['update', { values: { price: 11 }, where: { id: 1 } }],
          ['update', { values: { price: 9.5 }, where: { id: 1 } }],
        ],
      ],
      [
        'deleted and created again as it was',
        [
          ['delete', { where: { id: 1 } }],
          ['insert', { values: { id: 1, name: 'lamp', price: 9.5, status: 'new' } }],
        ],
      ],
    ] as const)('keeps the version open of a row %s within one tick: the tick changed nothing', async (_, changes) => {
      const reverted = aScenario().withData('shop', 'items', 1, PREDICTABLE_ITEMS);
      for (const [operation, change] of changes) reverted.at(2, 'shop', 'items', operation, change);

      expect(await historyAfter(reverted, 2)).toEqual([
        { id: 1, price: 9.5, valid_from: time(0), valid_to: null, is_current: 1 },
      ]);
    });

    it('lets valid_from <= t < valid_to select one version per key at every tick', async () => {
      const simulation = await simulate(
        aShopMesh({ keepHistory: true }).build(),
        aScenario()
          .at(1, 'shop', 'items', 'insert', { values: { id: 17, name: 'desk', price: 5, status: 'new' } })
          .at(1, 'shop', 'items', 'update', { values: { status: 'listed' }, where: { id: 17 } })
          .build(),
      );
      simulation.step(1);

      expect(
        rowsOf(
          simulation,
          'catalog',
          `SELECT id, status FROM items_history WHERE valid_from <= '${time(1)}' AND (valid_to IS NULL OR '${time(1)}' < valid_to)`,
        ),
      ).toEqual([{ id: 17, status: 'listed' }]);
      expect(rowsOf(simulation, 'catalog', 'SELECT count(*) AS versions FROM items_history')).toEqual([
        { versions: 1 },
      ]);
    });
  });

  it('keeps no history table when the contract does not ask for one', async () => {
    const simulation = await simulate(aShopMesh().build(), scenario);
    expect(Object.keys(simulation.metrics().tables.catalog ?? {})).toEqual(['raw_items_in', 'items', 'quarantine']);
  });
});
