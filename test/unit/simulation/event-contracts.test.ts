import { describe, expect, it } from 'vitest';
import { aContract, aProduct, aScenario, aShopMesh, PREDICTABLE_ITEMS, rowsOf, simulate } from './builders';

/** The shop with a feed deriving an event per change record from the raw zone, as the docs advise. */
function itemChangedFeed() {
  return aShopMesh()
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
}

const twoUpdates = () =>
  aScenario()
    .withData('shop', 'items', 1, PREDICTABLE_ITEMS)
    .at(1, 'shop', 'items', 'update', { values: { price: 10 }, where: { id: 1 } })
    .at(2, 'shop', 'items', 'update', { values: { price: 11 }, where: { id: 1 } });

describe('events from a CDC topic', () => {
  it('come from the raw zone, where each change record has its own position: an update is a new event', async () => {
    const simulation = await simulate(itemChangedFeed(), twoUpdates().build());

    const metrics = simulation.step(2);

    expect(metrics.errors).toEqual([]);
    expect(metrics.ports['feed/feed-out']).toMatchObject({ published: 3, quarantined: 0 });
    expect(rowsOf(simulation, 'feed', 'SELECT * FROM item_changed ORDER BY rowid')).toEqual([
      { event_id: 'items-1', id: 1, price: 9.5 },
      { event_id: 'items-2', id: 1, price: 10 },
      { event_id: 'items-3', id: 1, price: 11 },
    ]);
  });

  it('are each published once when a redelivery brings their record again, even in the same poll as the first', async () => {
    const scenario = twoUpdates()
      .withFault({ kind: 'redeliver', tick: 3, systemId: 'shop', topicId: 'items-cdc', records: 2 })
      .withFault({ kind: 'consumer-offline', tick: 4, productId: 'feed', ticks: 2 })
      .at(4, 'shop', 'items', 'update', { values: { price: 12 }, where: { id: 1 } })
      .withFault({ kind: 'redeliver', tick: 5, systemId: 'shop', topicId: 'items-cdc', records: 1 })
      .build();
    const simulation = await simulate(itemChangedFeed(), scenario);

    const metrics = simulation.step(7);

    expect(metrics.ports['feed/feed-out']).toMatchObject({ published: 4, quarantined: 0 });
    expect(rowsOf(simulation, 'feed', 'SELECT event_id, price FROM broker."feed/feed-out" ORDER BY _position')).toEqual(
      [
        { event_id: 'items-1', price: 9.5 },
        { event_id: 'items-2', price: 10 },
        { event_id: 'items-3', price: 11 },
        { event_id: 'items-4', price: 12 },
      ],
    );
  });

  it('are never changed by an update of the row they were derived from: the change is quarantined as an event that changed', async () => {
    const mesh = aShopMesh()
      .with(
        aProduct('feed')
          .withInput('items-in')
          .withOutput('feed-out', 'item-listed')
          .withTransformation('item_listed', 'SELECT id, price FROM items'),
        aContract('item-listed', 'event', 'item_listed')
          .withProperty('id', 'integer', { required: true, unique: true })
          .withProperty('price', 'number'),
      )
      .withLink('shop/items-cdc', 'feed/items-in')
      .build();
    const scenario = aScenario()
      .withData('shop', 'items', 1, PREDICTABLE_ITEMS)
      .at(1, 'shop', 'items', 'update', { values: { price: 10 }, where: { id: 1 } })
      .at(2, 'shop', 'items', 'insert', { values: { id: 2, name: 'desk', price: 80 } })
      .build();
    const simulation = await simulate(mesh, scenario);

    const metrics = simulation.step(3);

    expect(metrics.ports['feed/feed-out']).toMatchObject({
      published: 2,
      quarantined: 1,
      violations: [
        {
          rule: 'immutable',
          count: 1,
          first: expect.objectContaining({ tick: 1, message: 'a published event was updated; events never change' }),
        },
      ],
    });
    expect(rowsOf(simulation, 'feed', 'SELECT _key, price FROM broker."feed/feed-out" ORDER BY _position')).toEqual([
      { _key: '{"id":1}', price: 9.5 },
      { _key: '{"id":2}', price: 80 },
    ]);
  });
});
