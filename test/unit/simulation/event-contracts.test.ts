import { describe, expect, it } from 'vitest';
import { aContract, aProduct, aScenario, aShopMesh, PREDICTABLE_ITEMS, rowsOf, simulate } from './builders';

describe('events from a CDC topic', () => {
  it('come from the raw zone, where each change record has its own position: an update is a new event', async () => {
    const mesh = aShopMesh()
      .with(
        aProduct('feed')
          .withInput('items-in')
          .withOutput('feed-out', 'item-changed')
          .withTransformation(
            'item_changed',
            "SELECT printf('items-%d', _sequence) AS event_id, after_id AS id, after_price AS price FROM raw_items_in WHERE _op IN ('r', 'c', 'u')",
          ),
        aContract('item-changed', 'event', 'item_changed')
          .withProperty('event_id', 'string', { required: true, unique: true })
          .withProperty('id', 'integer', { required: true })
          .withProperty('price', 'number'),
      )
      .withLink('shop/items-cdc', 'feed/items-in')
      .build();
    const scenario = aScenario()
      .withData('shop', 'items', 1, PREDICTABLE_ITEMS)
      .at(1, 'shop', 'items', 'update', { values: { price: 10 }, where: { id: 1 } })
      .at(2, 'shop', 'items', 'update', { values: { price: 11 }, where: { id: 1 } })
      .build();
    const simulation = await simulate(mesh, scenario);

    const metrics = simulation.step(2);

    expect(metrics.errors).toEqual([]);
    expect(metrics.ports['feed/feed-out']).toMatchObject({ published: 3, quarantined: 0 });
    expect(rowsOf(simulation, 'feed', 'SELECT * FROM item_changed ORDER BY rowid')).toEqual([
      { event_id: 'items-1', id: 1, price: 9.5 },
      { event_id: 'items-2', id: 1, price: 10 },
      { event_id: 'items-3', id: 1, price: 11 },
    ]);
  });
});
